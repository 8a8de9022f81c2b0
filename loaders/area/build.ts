import fs from "node:fs";
import path from "node:path";
import { readCsv, writeCsvAtomic } from "../../lib/csv.ts";
import { inspection } from "../../schema/canonical.ts";
import { areaNeighbour, areaReportAccount, areaStatistic } from "../../schema/area.ts";
import { defaultCacheDir, readCached } from "../reports/cache.ts";
import { extractText } from "../reports/extract-text.ts";
import { loadContext, newestRelease, type AreaRow } from "./common.ts";
import { readLait } from "./lait.ts";
import { readChildPopulation, readSsda903 } from "./official-csv.ts";
import { readSifReport, type SifReport } from "./sif.ts";
import { readImd, readNeighbours } from "./xlsx.ts";

export const AREA_FILES = {
  statistics: "area-statistics.csv",
  neighbours: "area-neighbours.csv",
  accounting: "area-report-accounting.csv",
};
const STAT_COLUMNS = ["area", "area_kind", "measure", "period", "as_at", "value", "value_text", "unit", "suppression", "source", "release", "locator", "quote"];

export interface AreaBuildOptions {
  dataDir: string;
  /** The raw corpus folder (holding context/ and ofsted-reports/). */
  sourcesDir: string;
  cacheDir?: string;
}

export interface AreaBuildSummary {
  official: number;
  superseded: number;
  notApplicable: number;
  suppressed: number;
  report: number;
  reports: Record<string, number>;
  neighbours: number;
}

/** The text of each SIF report, from the extraction cache or, failing that, the PDF itself. */
export async function sifReports(opts: AreaBuildOptions): Promise<SifReport[]> {
  const inspections = readCsv(path.join(opts.dataDir, "inspections.csv"), inspection).filter((i) => i.framework === "SIF");
  const out: SifReport[] = [];
  for (const i of inspections) {
    const cached = readCached(opts.cacheDir ?? defaultCacheDir, i.source_sha256);
    let pages: string[];
    if (cached?.ok) pages = cached.pages;
    else {
      const file = path.join(opts.sourcesDir, i.source_file);
      if (!fs.existsSync(file)) throw new Error(`${file}: report of ${i.inspection_id} not found (set OFSTED_SOURCES)`);
      pages = (await extractText(new Uint8Array(fs.readFileSync(file)))).pages;
    }
    out.push({ inspection_id: i.inspection_id, la_code: i.la_code, end_date: i.end_date ?? i.published_date, published_date: i.published_date, pages });
  }
  return out;
}

/** Read every area source, validate each row, and write the three area CSVs atomically. */
export async function buildArea(opts: AreaBuildOptions): Promise<AreaBuildSummary> {
  const ctx = loadContext(opts.dataDir, path.join(opts.sourcesDir, "context"));
  const lait = await readLait(ctx);
  const officialRaw: AreaRow[] = [...lait.rows, ...readSsda903(ctx), ...readChildPopulation(ctx), ...(await readImd(ctx))];
  const { kept, superseded } = newestRelease(officialRaw, ctx.sources);

  const reportRows: AreaRow[] = [];
  const accounts = [];
  for (const report of await sifReports(opts)) {
    const { rows, account } = readSifReport(report, ctx.measures);
    reportRows.push(...rows);
    accounts.push(account);
  }
  const all = [...kept, ...reportRows].map((r, i) => {
    const row = Object.fromEntries(STAT_COLUMNS.map((c) => [c, (r as Record<string, unknown>)[c] ?? ""]));
    const parsed = areaStatistic.safeParse(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? "" : String(v)])));
    if (!parsed.success) throw new Error(`area row ${i} (${r.source} ${r.locator}): ${parsed.error.issues[0]!.message}`);
    return r;
  });
  all.sort((a, b) => a.area.localeCompare(b.area) || a.measure.localeCompare(b.measure) || a.as_at.localeCompare(b.as_at) || a.source.localeCompare(b.source));
  const neighbours = await readNeighbours(ctx);
  neighbours.forEach((n) => areaNeighbour.parse(n));
  accounts.forEach((a) => areaReportAccount.parse(a));

  writeCsvAtomic(path.join(opts.dataDir, AREA_FILES.statistics), all as unknown as Record<string, string>[], STAT_COLUMNS);
  writeCsvAtomic(path.join(opts.dataDir, AREA_FILES.neighbours), neighbours as unknown as Record<string, string>[], ["la_code", "grouping", "rank", "neighbour_la_code", "closeness", "source"]);
  writeCsvAtomic(path.join(opts.dataDir, AREA_FILES.accounting), accounts as unknown as Record<string, string>[], ["inspection_id", "la_code", "status", "found", "missing", "page"]);
  const reports: Record<string, number> = {};
  for (const a of accounts) reports[a.status] = (reports[a.status] ?? 0) + 1;
  return {
    official: kept.length,
    superseded,
    notApplicable: lait.notApplicable,
    suppressed: kept.filter((r) => r.suppression !== null).length,
    report: reportRows.length,
    reports,
    neighbours: neighbours.length,
  };
}
