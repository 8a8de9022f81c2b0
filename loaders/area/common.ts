import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readCsv } from "../../lib/csv.ts";
import { authority, type Authority } from "../../schema/canonical.ts";
import { areaMeasure, areaSource, type AreaMeasure, type AreaSource, type AreaStatistic } from "../../schema/area.ts";

export const ENGLAND = "E92000001";

/** A figure as a loader reads it, before the newest release is chosen. */
export type AreaRow = AreaStatistic;

export class AreaSourceError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "AreaSourceError";
  }
}

export interface AreaContext {
  /** The context folder (../shared/data/context). */
  contextDir: string;
  authorities: Authority[];
  measures: AreaMeasure[];
  sources: AreaSource[];
}

export function loadContext(dataDir: string, contextDir: string): AreaContext {
  return {
    contextDir,
    authorities: readCsv(path.join(dataDir, "authorities.csv"), authority),
    measures: readCsv(path.join(dataDir, "reference", "area-measures.csv"), areaMeasure),
    sources: readCsv(path.join(dataDir, "reference", "area-sources.csv"), areaSource),
  };
}

/** The catalogue entry of a source file, after checking the file is the one catalogued. */
export function sourceFile(ctx: AreaContext, file: string): { path: string; source: AreaSource } {
  const source = ctx.sources.find((s) => s.source_file === file);
  if (!source) throw new AreaSourceError(file, "not listed in data/reference/area-sources.csv");
  const full = path.join(ctx.contextDir, file);
  if (!fs.existsSync(full)) throw new AreaSourceError(full, "file not found");
  const sha = crypto.createHash("sha256").update(fs.readFileSync(full)).digest("hex");
  if (sha !== source.sha256) throw new AreaSourceError(full, `sha256 ${sha} differs from the catalogued ${source.sha256}: a different release? update area-sources.csv after checking it`);
  return { path: full, source };
}

export function measure(ctx: AreaContext, id: string): AreaMeasure {
  const m = ctx.measures.find((x) => x.measure === id);
  if (!m) throw new Error(`measure ${id} is not in data/reference/area-measures.csv`);
  return m;
}

/** The as-at date of a reporting year for a measure whose catalogue as_at is e.g. "31 March". */
export function asAtOfYear(m: AreaMeasure, year: number): string {
  const months: Record<string, string> = { March: "03", September: "09", August: "08" };
  const match = /^(\d{1,2}) (March|September|August)$/.exec(m.as_at);
  if (!match) throw new Error(`measure ${m.measure}: as_at "${m.as_at}" is not a day and month`);
  return `${year}-${months[match[2]!]}-${match[1]!.padStart(2, "0")}`;
}

/** Whether an authority existed on a date (authorities.csv valid_from / valid_to). */
export function existedOn(a: Authority, date: string): boolean {
  return (!a.valid_from || a.valid_from <= date) && (!a.valid_to || date <= a.valid_to);
}

/** Official ONS region name (as DfE files spell it) to its GSS code, from authorities.csv. */
export function regionCodes(authorities: Authority[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of authorities) map.set(a.ons_region.toLowerCase(), a.ons_region_code);
  map.set("yorkshire and humber", map.get("yorkshire and the humber")!);
  map.set("east", map.get("east of england")!);
  return map;
}

/** Suppression and not-available codes DfE and LAIT print instead of a number (context README). */
export const SUPPRESSION = new Set(["c", "z", "x", "low", "-", "..", ":", "k", "u", "~", "#VALUE!", "NA", "n/a"]);

/** A printed cell as a number, or its suppression code; anything else is bad input. */
export function cellValue(raw: string | null | undefined, file: string, where: string): { value: number | null; suppression: string | null } {
  const text = (raw ?? "").trim();
  if (text === "") return { value: null, suppression: "blank" };
  if (SUPPRESSION.has(text)) return { value: null, suppression: text };
  const n = Number(text.replaceAll(",", ""));
  if (!Number.isFinite(n)) throw new AreaSourceError(file, `${where}: "${text}" is neither a number nor a known suppression code`);
  return { value: n, suppression: null };
}

/** Official rows: for each area, measure and period keep only the newest release's figure. */
export function newestRelease(rows: AreaRow[], sources: AreaSource[]): { kept: AreaRow[]; superseded: number } {
  const releaseDate = new Map(sources.map((s) => [s.release, s.release_date]));
  const best = new Map<string, AreaRow>();
  for (const r of rows) {
    const key = `${r.area}|${r.measure}|${r.as_at}`;
    const have = best.get(key);
    // a release that prints a figure beats one that prints a code; then the newer release wins
    const rank = (x: AreaRow) => `${x.value === null ? 0 : 1}|${releaseDate.get(x.release) ?? ""}`;
    if (!have || rank(r) > rank(have)) best.set(key, r);
  }
  return { kept: [...best.values()], superseded: rows.length - best.size };
}
