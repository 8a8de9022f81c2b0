import fs from "node:fs";
import path from "node:path";
import { readCsv, validateRows, writeCsvAtomic } from "../../lib/csv.ts";
import { type Inspection, inspection } from "../../schema/canonical.ts";
import {
  type ReportThemeCount,
  type ReportThemeSnippet,
  polarity,
  reportThemeCount,
  reportThemeSnippet,
  sectionKind,
} from "../../schema/report-themes.ts";
import { readReportTexts } from "./text.ts";
import { loadTaxonomy, tagReport } from "./themes.ts";

const OUTPUT = { counts: "report-themes.csv", snippets: "report-theme-snippets.csv" };

export interface RunOptions {
  /** Folder holding inspections.csv; the two outputs are written here too. */
  dataDir: string;
  /** The corpus, read only for reports whose text the cache does not hold. */
  sourcesDir: string;
  cacheDir?: string;
  workers?: number;
  taxonomyFile?: string;
}

export interface RunResult {
  reports: number;
  tagged: number;
  fromCache: number;
  extracted: number;
  /** Reports whose text could not be read: their rows from the previous run are kept. */
  unread: { inspection_id: string; reason: string; kept: boolean }[];
  /** Tagged reports in which no areas for improvement or recommendations section was found. */
  noImprovement: string[];
  counts: ReportThemeCount[];
  snippets: ReportThemeSnippet[];
}

const SECTION_ORDER = new Map<string, number>(sectionKind.options.map((k, i) => [k, i]));
const POLARITY_ORDER = new Map<string, number>(polarity.options.map((k, i) => [k, i]));

function sortRows<T extends { inspection_id: string; theme_id: string; section: string; polarity: string }>(rows: T[]): T[] {
  return rows.sort(
    (a, b) =>
      a.inspection_id.localeCompare(b.inspection_id) ||
      (a.theme_id === "all" ? -1 : 0) - (b.theme_id === "all" ? -1 : 0) ||
      a.theme_id.localeCompare(b.theme_id) ||
      SECTION_ORDER.get(a.section)! - SECTION_ORDER.get(b.section)! ||
      POLARITY_ORDER.get(a.polarity)! - POLARITY_ORDER.get(b.polarity)!,
  );
}

/**
 * Tag every ingested report and write data/report-themes.csv and data/report-theme-snippets.csv.
 * Texts come from the ingest's cache (extracted from the corpus only when missing); a report whose
 * text cannot be had keeps its rows from the previous run, and reports no longer ingested drop out.
 */
export async function runReportThemes(opts: RunOptions): Promise<RunResult> {
  const { compiled } = loadTaxonomy(opts.taxonomyFile);
  const inspections: Inspection[] = readCsv(path.join(opts.dataDir, "inspections.csv"), inspection);
  const countsFile = path.join(opts.dataDir, OUTPUT.counts);
  const snippetsFile = path.join(opts.dataDir, OUTPUT.snippets);
  const previous = {
    counts: fs.existsSync(countsFile) ? readCsv(countsFile, reportThemeCount) : [],
    snippets: fs.existsSync(snippetsFile) ? readCsv(snippetsFile, reportThemeSnippet) : [],
  };

  const texts = await readReportTexts(inspections, { sourcesDir: opts.sourcesDir, workers: opts.workers ?? 2, ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}) });
  const counts: Record<string, unknown>[] = [];
  const snippets: Record<string, unknown>[] = [];
  const result: RunResult = { reports: inspections.length, tagged: 0, fromCache: 0, extracted: 0, unread: [], noImprovement: [], counts: [], snippets: [] };
  inspections.forEach((insp, i) => {
    const text = texts[i]!;
    const id = insp.inspection_id;
    if (!text.ok) {
      const keptCounts = previous.counts.filter((r) => r.inspection_id === id);
      counts.push(...keptCounts);
      snippets.push(...previous.snippets.filter((r) => r.inspection_id === id));
      result.unread.push({ inspection_id: id, reason: text.reason, kept: keptCounts.length > 0 });
      return;
    }
    result.tagged++;
    if (text.fromCache) result.fromCache++;
    else result.extracted++;
    const tagged = tagReport(text.pages, insp.framework, compiled);
    if (!tagged.sections.some((s) => s.kind === "improve")) result.noImprovement.push(id);
    for (const c of tagged.counts) counts.push({ inspection_id: id, ...c });
    for (const s of tagged.snippets) snippets.push({ inspection_id: id, ...s });
  });

  result.counts = sortRows(validateRows(counts, reportThemeCount, OUTPUT.counts));
  result.snippets = sortRows(validateRows(snippets, reportThemeSnippet, OUTPUT.snippets));
  writeCsvAtomic(countsFile, result.counts as unknown as Record<string, string | number>[], Object.keys(reportThemeCount.shape));
  writeCsvAtomic(snippetsFile, result.snippets as unknown as Record<string, string | number>[], Object.keys(reportThemeSnippet.shape));
  return result;
}

export function formatSummary(r: RunResult): string {
  const lines = [
    `report themes: ${r.tagged} of ${r.reports} reports tagged (${r.fromCache} from the text cache, ${r.extracted} extracted now)`,
    `  wrote ${r.counts.length} count rows to data/${OUTPUT.counts} and ${r.snippets.length} snippets to data/${OUTPUT.snippets}`,
  ];
  if (r.noImprovement.length > 0) lines.push(`  no areas for improvement section found in ${r.noImprovement.length}: ${r.noImprovement.join(", ")}`);
  for (const u of r.unread) lines.push(`  not read: ${u.inspection_id}: ${u.reason}${u.kept ? " (rows from the previous run kept)" : ""}`);
  return lines.join("\n");
}
