import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dataDir } from "../lib/paths.ts";
import { type Timing, progress, summarise } from "./measure.ts";

/** The export the bench calls (loaders/reports/ingest.ts); a subset of its options and result. */
interface IngestOptions {
  /** The folder holding ofsted-reports/, or a folder of report files. */
  sourcesDir: string;
  /** The extracted-text cache (content-hash keyed). */
  cacheDir: string;
  /** Where inspections.csv, judgements.csv and ingest-accounting.csv are written. */
  outDir: string;
  workers: number;
}
interface IngestResult {
  files?: number;
  cacheHits?: number;
  written?: Record<string, number> | null;
  timings?: Record<string, number>;
}
const brief = ({ files, cacheHits, written, timings }: IngestResult): IngestResult => ({ files, cacheHits, written, timings });
type IngestFn = (options: IngestOptions) => Promise<IngestResult>;

export const expectedExport = "loaders/reports/ingest.ts: export async function ingest({ sourcesDir, cacheDir, outDir, workers })";

export interface IngestBench {
  files: number;
  workers: number;
  cold?: Timing;
  warm?: Timing;
  /** What the ingest itself reported on its last cold and warm runs (files, cache hits, phase timings). */
  lastCold?: IngestResult;
  lastWarm?: IngestResult;
  unavailable?: string;
  /** The temp folder holding the last cold run's CSVs. */
  outDir?: string;
  /** data/ files the ingest writes that changed during the runs (by the ingest, or by another process). */
  touchedDataDir?: string[];
  /** coldRatio: cold ingest time over the pdftotext pass that followed it, per pair (a Timing of ratios). */
  pdftotext?: { timing: Timing; failures: number; coldRatio?: Timing } | { unavailable: string };
}

/** The files the ingest reads: every *.pdf (not dot-files) under ofsted-reports/ when present, else under the folder. */
function corpusFiles(sourcesDir: string): string[] {
  const reports = path.join(sourcesDir, "ofsted-reports");
  const root = fs.existsSync(reports) ? reports : sourcesDir;
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /\.pdf$/i.test(f) && !f.split(path.sep).some((part) => part.startsWith(".")))
    .map((f) => path.join(root, f))
    .filter((f) => fs.statSync(f).isFile())
    .sort();
}

async function loadIngest(): Promise<IngestFn | string> {
  const file = new URL("../loaders/reports/ingest.ts", import.meta.url);
  if (!fs.existsSync(file)) return "loaders/reports/ingest.ts does not exist yet";
  // A computed specifier: the module is another developer's and may be missing or broken.
  let mod: Record<string, unknown>;
  try {
    mod = await import(file.href);
  } catch (e) {
    return `loaders/reports/ingest.ts failed to load: ${(e as Error).message.split("\n")[0]}`;
  }
  return typeof mod.ingest === "function" ? (mod.ingest as IngestFn) : `loaders/reports/ingest.ts has no export named ingest (exports: ${Object.keys(mod).join(", ") || "none"})`;
}

/** The files the ingest writes, as found in data/: they must not change while it writes to a temp folder. */
const ingestOutputs = ["inspections.csv", "judgements.csv", "ingest-accounting.csv"];

function dataSnapshot(): Map<string, number> {
  return new Map(ingestOutputs.map((f) => [f, fs.existsSync(path.join(dataDir, f)) ? fs.statSync(path.join(dataDir, f)).mtimeMs : 0]));
}

/** The ingest's progress goes to stderr so that stdout holds only the bench's results. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}

/** One single-threaded `pdftotext -layout` pass over the files, each written to a temp text file; returns the failures. */
function pdftotextPass(files: string[], outDir: string): number {
  fs.mkdirSync(outDir, { recursive: true });
  let failures = 0;
  files.forEach((file, i) => {
    const r = spawnSync("pdftotext", ["-layout", file, path.join(outDir, `${i}.txt`)], { stdio: "ignore" });
    if (r.status !== 0) failures++;
  });
  return failures;
}

function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  return Promise.resolve(fn()).then((v) => [v, performance.now() - t0]);
}

/**
 * Cold: each run starts from an empty cache and an empty output folder. Each cold run is followed
 * by a pdftotext pass, so both see the same machine load and the ratio is taken pair by pair.
 * Warm: the same inputs again over the cache the last cold run filled. Outputs go to temp
 * folders, never to data/; `outDir` keeps the last run's CSVs.
 */
export async function benchIngest(sourcesDir: string, workDir: string, repeat: number): Promise<IngestBench> {
  const files = corpusFiles(sourcesDir);
  const workers = os.cpus().length;
  const result: IngestBench = { files: files.length, workers };
  if (files.length === 0) return { ...result, unavailable: `no corpus at ${sourcesDir} (set OFSTED_SOURCES)` };

  const loaded = await loadIngest();
  const ingest = typeof loaded === "string" ? undefined : loaded;
  if (typeof loaded === "string") result.unavailable = loaded;
  const hasPdftotext = !spawnSync("pdftotext", ["-v"]).error;
  if (!hasPdftotext) result.pdftotext = { unavailable: "pdftotext (poppler-utils) is not installed" };

  const before = dataSnapshot();
  const outDir = path.join(workDir, "ingest-out");
  let cacheDir = "";
  const cold: number[] = [];
  const pdf: number[] = [];
  const ratios: number[] = [];
  let failures = 0;
  const run = (label: string) => {
    progress(`  ${label} (${files.length} files, ${workers} workers)`);
    return quietly(() => ingest!({ sourcesDir, cacheDir, outDir, workers })).then(brief);
  };
  try {
    for (let i = 0; i < repeat; i++) {
      let coldMs: number | undefined;
      if (ingest && !result.unavailable) {
        if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
        fs.rmSync(outDir, { recursive: true, force: true });
        fs.mkdirSync(outDir);
        cacheDir = fs.mkdtempSync(path.join(workDir, "ingest-cache-"));
        [result.lastCold, coldMs] = await timed(() => run(`ingest cold ${i + 1}/${repeat}`));
        cold.push(coldMs);
      }
      if (hasPdftotext) {
        progress(`  pdftotext -layout ${i + 1}/${repeat} (${files.length} files, one at a time)`);
        const [f, ms] = await timed(() => pdftotextPass(files, path.join(workDir, "pdftotext")));
        failures = f;
        pdf.push(ms);
        if (coldMs !== undefined) ratios.push(coldMs / ms);
      }
    }
    if (ingest && cold.length) {
      const warm: number[] = [];
      for (let i = 0; i < repeat; i++) {
        let ms: number;
        [result.lastWarm, ms] = await timed(() => run(`ingest warm ${i + 1}/${repeat}`));
        warm.push(ms);
      }
      result.warm = summarise(warm);
    }
  } catch (e) {
    result.unavailable = `ingest failed: ${(e as Error).message.split("\n")[0]}`;
  }
  if (cold.length) {
    result.cold = summarise(cold);
    result.outDir = outDir;
  }
  if (pdf.length) result.pdftotext = { timing: summarise(pdf), failures, coldRatio: ratios.length ? summarise(ratios) : undefined };
  const touched = [...dataSnapshot()].filter(([f, t]) => before.get(f) !== t).map(([f]) => f);
  if (touched.length) result.touchedDataDir = touched;
  return result;
}
