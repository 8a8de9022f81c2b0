import path from "node:path";
import type { Line } from "./lines.ts";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

interface Partial {
  d: number;
  m?: number;
  y?: number;
}

/** Day-month-year dates in reading order ("18 Feb 2014", "12/09/2016"), months and years filled from later dates ("9–24 November 2017"). */
export function datesIn(text: string): string[] {
  const partials: Partial[] = [];
  const spelled = text.replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (_, d, m, y) => `${d} ${MONTHS[Number(m) - 1] ?? "?"} ${y}`);
  for (const tok of spelled.toLowerCase().match(/\d{4}|\d{1,2}(?:st|nd|rd|th)?|[a-z]+/g) ?? []) {
    const month = tok.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(tok) && (tok.length === m.length || tok.length <= 4)) + 1 : 0;
    if (/^\d{4}$/.test(tok)) {
      const p = partials.at(-1);
      if (p && p.m !== undefined && p.y === undefined) p.y = Number(tok);
    } else if (/^\d/.test(tok)) {
      partials.push({ d: parseInt(tok, 10) });
    } else if (month > 0) {
      const p = partials.at(-1);
      if (p && p.m === undefined && p.y === undefined) p.m = month;
    }
  }
  for (let i = partials.length - 2; i >= 0; i--) {
    const p = partials[i]!;
    const next = partials[i + 1]!;
    p.m ??= next.m;
    p.y ??= p.m !== undefined && next.m !== undefined && p.m > next.m && next.y !== undefined ? next.y - 1 : next.y;
  }
  return partials.flatMap((p) => (p.m !== undefined && p.y !== undefined ? [iso(p.y, p.m, p.d)] : [])).filter((d): d is string => d !== null);
}

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

/**
 * "Inspection date(s): 2 June 2014 – 25 June 2014" (the range may continue on the next line). Fieldwork
 * days count each period of a split inspection ("5 to 9 December 2022 and 14 to 15 February 2023") apart.
 */
export function inspectionDates(lines: Line[]): { start: string; end: string; fieldworkDays: number } | null {
  const i = lines.findIndex((l) => /^Inspection dates?\s*:/i.test(l.text));
  if (i < 0) return null;
  let text = lines[i]!.text.replace(/^Inspection dates?\s*:/i, "");
  if (!/\d{4}\s*$/.test(text) && lines[i + 1] && !/:/.test(lines[i + 1]!.text)) text += ` ${lines[i + 1]!.text}`;
  const dates = datesIn(text);
  if (dates.length === 0) return null;
  const start = dates[0]!;
  const end = dates.at(-1)!;
  if (end < start) return null;
  const periods = dates.length % 2 === 0 ? dates.length / 2 : 1;
  const fieldworkDays = periods > 1 ? Array.from({ length: periods }, (_, k) => days(dates[2 * k]!, dates[2 * k + 1]!)).reduce((a, b) => a + b, 0) : days(start, end);
  return { start, end, fieldworkDays };
}

/** Where the publication date came from: the report's own text, the file's name, or the PDF's metadata. */
export type PublishedFrom = "report" | "file name" | "PDF metadata";

/**
 * The longest plausible wait from the end of fieldwork to publication. Reports in the corpus were
 * published 18 to 203 days after fieldwork ended; a year allows for delays without accepting a date
 * from a renamed or re-saved file.
 */
export const MAX_PUBLICATION_GAP_DAYS = 365;

/** Why `date` cannot be the publication date of a report whose fieldwork ended on `end`, or null if it can. */
export function implausiblePublication(date: string, end: string, today: string): string | null {
  if (date > today) return `${date} is in the future`;
  if (date <= end) return `${date} is not after the fieldwork, which ended on ${end}`;
  if (days(end, date) - 1 > MAX_PUBLICATION_GAP_DAYS) return `${date} is more than ${MAX_PUBLICATION_GAP_DAYS} days after the fieldwork ended on ${end}`;
  return null;
}

/**
 * The publication date: the report's own, else the file name's, else the PDF metadata's, taking the
 * first that is plausible for fieldwork ending on `fieldworkEnd`. `rejected` says why the others were not.
 */
export function publishedDate(
  lines: Line[],
  file: string,
  creationDate?: string,
  fieldworkEnd?: string,
  today = new Date().toISOString().slice(0, 10),
): { date: string; from: PublishedFrom; rejected: string[] } | { date: null; rejected: string[] } {
  const line = lines.find((l) => /^(Report )?published\s*:/i.test(l.text));
  const candidates: [PublishedFrom, string | undefined][] = [
    ["report", line ? datesIn(line.text)[0] : undefined],
    ["file name", datesIn(path.basename(file).match(/\d{1,2} [a-z]+ \d{4}/i)?.[0] ?? "")[0]],
    ["PDF metadata", creationDate],
  ];
  const rejected: string[] = [];
  for (const [from, date] of candidates) {
    if (!date) continue;
    const why = fieldworkEnd ? implausiblePublication(date, fieldworkEnd, today) : null;
    if (!why) return { date, from, rejected };
    rejected.push(`the ${from} date ${why}`);
  }
  return { date: null, rejected };
}
