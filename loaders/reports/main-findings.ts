import { isGrade } from "./grades.ts";
import { type Line, Quarantine, collapse } from "./lines.ts";
import type { Reference } from "./reference.ts";
import { type Row, type RowRule, readRows } from "./table.ts";

/** A section of a pre-2013 report's "Record of main findings" (or the whole record when unsectioned). */
export interface Section {
  heading: RegExp | null;
  rules: RowRule[];
}

export type Found = { code: string; label: string; page: number };

/** Rows of the "Record of main findings" table at the end of SLAC, LAC and CPI reports, by section. */
function recordRows(lines: Line[], ref: Reference, sections: Section[]): Map<Section, Row[]> | null {
  const start = lines.findLastIndex((l) => /^Record of main findings$/i.test(l.text.trim()));
  if (start < 0) return null;
  const out = new Map<Section, Row[]>();
  const headings = sections.map((s) => s.heading).filter((h): h is RegExp => h !== null);
  for (const section of sections) {
    let from = start + 1;
    if (section.heading) {
      const at = lines.findIndex((l, i) => i > start && section.heading!.test(collapse(l.text)));
      if (at < 0) continue;
      from = at + 1;
    }
    const stop = headings.length > 0 ? new RegExp(headings.map((h) => h.source).join("|"), "i") : undefined;
    out.set(section, readRows(lines, from, ref, { maxRows: 30, maxLabelLines: 4, ...(stop ? { stop } : {}) }));
  }
  return out;
}

/** "Heading" then "Grade 3 (adequate)" pairs in the body, for reports without a readable record table. */
function headingGrades(lines: Line[]): Row[] {
  const rows: Row[] = [];
  lines.forEach((l, i) => {
    const m = /^Grade \d\s*\(([^)]+)\)\s*$/i.exec(collapse(l.text));
    if (!m) return;
    const label = lines.slice(Math.max(0, i - 2), i).map((x) => collapse(x.text)).filter((t) => t && !/^\d/.test(t));
    rows.push({ label: label.join(" "), grade: m[1]!, page: l.page });
  });
  return rows;
}

/**
 * Graded judgements of a pre-2013 report: from the record table if present, else (single-element
 * reports) from "Grade N (label)" headings. Rows no rule recognises are returned as `ignored`.
 */
export function mainFindings(lines: Line[], ref: Reference, sections: Section[]): { found: Found[]; ignored: string[] } {
  const found: Found[] = [];
  const ignored: string[] = [];
  const take = (row: Row, rules: RowRule[]) => {
    const rule = rules.find((r) => r.label.test(row.label) && ref.codes.has(r.code));
    if (!rule) return void ignored.push(`"${row.label}" ${row.grade}`);
    if (!isGrade(row.grade, ref)) throw new Quarantine(`unknown grade label "${row.grade}" for "${row.label}"`);
    if (!found.some((f) => f.code === rule.code)) found.push({ code: rule.code, label: row.grade, page: row.page });
  };
  const record = recordRows(lines, ref, sections);
  if (record && [...record.values()].some((rows) => rows.length > 0)) {
    for (const [section, rows] of record) for (const row of rows) take(row, section.rules);
  } else if (sections.length === 1) {
    for (const row of headingGrades(lines)) take(row, sections[0]!.rules);
  }
  return { found, ignored };
}
