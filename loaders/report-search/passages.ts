import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { CsvError, parseCsvText, toCsvText } from "../../lib/csv.ts";
import { readCsv } from "../../lib/csv.ts";
import { type Inspection, inspection } from "../../schema/canonical.ts";
import { type ReportPassage, reportPassage } from "../../schema/report-search.ts";
import { type Section, splitSections } from "../report-themes/sections.ts";
import { readReportTexts } from "../report-themes/text.ts";

export const PASSAGES_FILE = "report-passages.csv.gz";
const COLUMNS = Object.keys(reportPassage.shape);

/** A report's passages: each list item or paragraph of each section, its sentences joined again. */
export function reportPassages(inspection_id: string, sections: Section[]): ReportPassage[] {
  const out: ReportPassage[] = [];
  for (const s of sections) {
    const items = new Map<number, { page: number; text: string[] }>();
    for (const p of s.passages) {
      const key = p.item ?? 0;
      const it = items.get(key) ?? { page: p.page, text: [] };
      it.text.push(p.text);
      items.set(key, it);
    }
    for (const it of items.values()) out.push({ inspection_id, section: s.kind, item: out.length + 1, page: it.page, text: it.text.join(" ") });
  }
  return out;
}

/** Read data/report-passages.csv.gz, every row validated; errors name the file and row. */
export function readPassages(file: string): ReportPassage[] {
  if (!fs.existsSync(file)) throw new CsvError(file, "file not found (run npx tsx loaders/report-search/cli.ts)");
  let text: string;
  try {
    text = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
  } catch (e) {
    throw new CsvError(file, `not a gzip file: ${e instanceof Error ? e.message : e}`);
  }
  return parseCsvText(text, file).map((r, i) => {
    const res = reportPassage.safeParse(r);
    if (!res.success) throw new CsvError(file, `row ${i + 2}, column ${res.error.issues[0]!.path.join(".")}: ${res.error.issues[0]!.message}`);
    return res.data;
  });
}

export interface PassagesResult {
  reports: number;
  passages: number;
  bytes: number;
  unread: { inspection_id: string; reason: string; kept: number }[];
}

/**
 * Write every report's passages to data/report-passages.csv.gz (gzip, atomically). A report whose
 * text cannot be read keeps its passages from the previous file; reports no longer ingested drop out.
 */
export async function writePassages(opts: { dataDir: string; sourcesDir: string; cacheDir?: string; workers?: number }): Promise<PassagesResult> {
  const inspections: Inspection[] = readCsv(path.join(opts.dataDir, "inspections.csv"), inspection);
  const file = path.join(opts.dataDir, PASSAGES_FILE);
  const previous = fs.existsSync(file) ? readPassages(file) : [];
  const texts = await readReportTexts(inspections, { sourcesDir: opts.sourcesDir, workers: opts.workers ?? 2, ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}) });
  const rows: ReportPassage[] = [];
  const unread: PassagesResult["unread"] = [];
  inspections.forEach((insp, i) => {
    const t = texts[i]!;
    if (!t.ok) {
      const kept = previous.filter((p) => p.inspection_id === insp.inspection_id);
      rows.push(...kept);
      unread.push({ inspection_id: insp.inspection_id, reason: t.reason, kept: kept.length });
      return;
    }
    rows.push(...reportPassages(insp.inspection_id, splitSections(t.pages, { lscbOnly: insp.framework === "SIF_LSCB", about: true })));
  });
  const gz = zlib.gzipSync(toCsvText(rows, COLUMNS), { level: 9 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, gz);
  fs.renameSync(tmp, file);
  return { reports: inspections.length - unread.filter((u) => u.kept === 0).length, passages: rows.length, bytes: gz.length, unread };
}
