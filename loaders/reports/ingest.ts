import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseCsvText, readCsv, writeCsvAtomic } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { type Accounting, type Inspection, type Judgement, accounting, inspection, judgement } from "../../schema/canonical.ts";
import { type CachedText, defaultCacheDir, readCached, sha256 } from "./cache.ts";
import { loadAuthorities } from "./identify.ts";
import { parseReport } from "./parse-report.ts";
import { ExtractPool } from "./pool.ts";
import { loadReference } from "./reference.ts";

export interface IngestOptions {
  /** The folder holding ofsted-reports/ (and d2i-ilacs-history.csv), or any folder of report PDFs. */
  sourcesDir: string;
  cacheDir?: string;
  /** Extraction threads; 0 extracts in this thread. */
  workers?: number;
  /** Where the three CSVs are merged and written; null: compute only. */
  outDir?: string | null;
  authoritiesFile?: string;
  referenceDir?: string;
  onProgress?: (done: number, total: number, cached: number) => void;
}

export interface IngestResult {
  files: number;
  cacheHits: number;
  extracted: number;
  /** This run's rows (before merging with what outDir already held). */
  inspections: Inspection[];
  judgements: Judgement[];
  accounting: Accounting[];
  /** Row counts of the files as written (after merging), or null when nothing was written. */
  written: { inspections: number; judgements: number; accounting: number } | null;
  /** Files data/ held as ingested that this run no longer ingests. */
  lost: { source_file: string; now: string }[];
  /** Wall times; extractMs includes hashMs (reading and hashing every file in this thread). */
  timings: { hashMs: number; extractMs: number; parseMs: number; writeMs: number; totalMs: number };
}

export const OUTPUT_FILES = { inspections: "inspections.csv", judgements: "judgements.csv", accounting: "ingest-accounting.csv" };
const COLUMNS = {
  inspections: Object.keys(inspection.shape),
  judgements: Object.keys(judgement.shape),
  accounting: Object.keys(accounting.shape),
};

/**
 * Report files under a sources folder. Paths are relative to the folder holding ofsted-reports/ when
 * the given folder is, holds or sits inside one (so a partial run names files as a full run does).
 */
export function listSources(dir: string): { root: string; files: string[] } {
  const abs = path.resolve(dir);
  if (!fs.existsSync(abs)) throw new Error(`sources folder not found: ${abs}`);
  let root = abs;
  for (let d = abs; d !== path.dirname(d); d = path.dirname(d)) {
    if (path.basename(d) === "ofsted-reports") {
      root = path.dirname(d);
      break;
    }
  }
  const start = root === abs && fs.existsSync(path.join(abs, "ofsted-reports")) ? path.join(abs, "ofsted-reports") : abs;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".")) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.pdf$/i.test(e.name)) files.push(path.relative(root, p).split(path.sep).join("/"));
    }
  };
  walk(start);
  return { root, files };
}

/** Report URLs from the public scrape beside the corpus, keyed by "<urn>|<file name>". */
function reportUrls(root: string): Map<string, string> {
  const file = path.join(root, "d2i-ilacs-history.csv");
  if (!fs.existsSync(file)) return new Map();
  const url = z.string().url();
  const out = new Map<string, string>();
  for (const r of parseCsvText(fs.readFileSync(file, "utf8"), file)) {
    if (r.urn && r.pdf_filename && url.safeParse(r.inspection_link).success) out.set(`${r.urn}|${r.pdf_filename}`, r.inspection_link!);
  }
  return out;
}

function readExisting<S extends z.ZodType>(file: string, schema: S): z.infer<S>[] {
  return fs.existsSync(file) ? readCsv(file, schema) : [];
}

function validate<S extends z.ZodType>(rows: Record<string, unknown>[], schema: S, what: string): z.infer<S>[] {
  return rows.map((r, i) => {
    const res = schema.safeParse(r);
    if (!res.success) throw new Error(`${what} row ${i + 1} failed validation: ${res.error.issues[0]!.path.join(".")}: ${res.error.issues[0]!.message} (${JSON.stringify(r)})`);
    return res.data;
  });
}

/** CSV-ready form of a validated row (lists and nulls as the CSV writes them). */
const asCells = (r: Record<string, unknown>) => r as Record<string, string | null>;

export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  const t0 = performance.now();
  const cacheDir = opts.cacheDir ?? defaultCacheDir;
  const outDir = opts.outDir === undefined ? dataDir : opts.outDir;
  const ref = loadReference(opts.referenceDir);
  const auth = loadAuthorities(opts.authoritiesFile);
  const { root, files } = listSources(opts.sourcesDir);

  // Hash every file; extract the ones the cache does not hold on worker threads.
  const pool = new ExtractPool(opts.workers ?? 2);
  const shas: string[] = [];
  const entries: Promise<CachedText>[] = [];
  let cacheHits = 0;
  let done = 0;
  let hashMs = 0;
  let texts: CachedText[];
  try {
    for (const file of files) {
      const h0 = performance.now();
      const abs = path.join(root, file);
      const sha = sha256(fs.readFileSync(abs));
      hashMs += performance.now() - h0;
      shas.push(sha);
      const cached = readCached(cacheDir, sha);
      if (cached) cacheHits++;
      const p = cached ? Promise.resolve(cached) : pool.run({ file: abs, sha256: sha, cacheDir });
      entries.push(p.then((e) => (opts.onProgress?.(++done, files.length, cacheHits), e)));
    }
    texts = await Promise.all(entries);
  } finally {
    await pool.close();
  }
  const t1 = performance.now();

  // Parse every file into rows; a file's problems become its accounting row.
  const urls = reportUrls(root);
  const runAccounting: Accounting[] = [];
  const runInspections: (Inspection & { judgements: Judgement[] })[] = [];
  const firstIngested = new Map<string, string>();
  const drafts = files.map((file, i) => {
    const sha = shas[i]!;
    const first = firstIngested.get(sha);
    if (first) return { file, sha, out: { outcome: "out_of_scope" as const, kind: "duplicate file", reason: `same content as ${first}` } };
    const out = parseReport(texts[i]!, { sourceFile: file, folder: path.basename(path.dirname(path.join(root, file))) }, ref, auth);
    if (out.outcome === "ingested") firstIngested.set(sha, file);
    return { file, sha, out };
  });
  const t2 = performance.now();

  // Ids: <la>-<framework>-<published>, suffixed on a clash with rows kept from earlier runs or this run.
  const ingestedShas = new Set(drafts.filter((d) => d.out.outcome === "ingested").map((d) => d.sha));
  const keep = outDir ? mergeBase(outDir, new Set(files), ingestedShas) : { inspections: [], judgements: [], accounting: [], previous: [] };
  const taken = new Set(keep.inspections.map((r) => r.inspection_id));
  for (const { file, sha, out } of drafts) {
    let id: string | null = null;
    if (out.report) {
      const r = out.report;
      const base = `${r.laCode}-${r.framework.toLowerCase().replace(/_/g, "-")}-${r.published}`;
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      const urn = /^(\d+)_/.exec(path.basename(path.dirname(path.join(root, file))))?.[1];
      const url = urn ? urls.get(`${urn}|${path.basename(file)}`) : undefined;
      runInspections.push({
        inspection_id: id,
        la_code: r.laCode,
        framework: r.framework,
        inspection_type: r.inspectionType,
        start_date: r.start,
        end_date: r.end,
        published_date: r.published,
        source_file: file,
        source_sha256: sha,
        report_url: url ?? null,
        judgements: r.judgements.map((j) => ({ inspection_id: id!, judgement_code: j.code, grade_label: j.label, source: `${file} p${j.page}` })),
      });
    }
    runAccounting.push({ source_file: file, source_sha256: sha, outcome: out.outcome, kind: out.kind, reason: out.reason, inspection_id: id });
  }
  checkCodes(runInspections, ref.codes);

  const inspections = validate(runInspections.map(({ judgements: _, ...i }) => i), inspection, "inspection");
  const judgements = validate(runInspections.flatMap((i) => i.judgements), judgement, "judgement");
  const acct = validate(runAccounting, accounting, "accounting");

  let written: IngestResult["written"] = null;
  const t3 = performance.now();
  if (outDir) {
    const all = {
      inspections: [...keep.inspections, ...inspections].sort((a, b) => a.inspection_id.localeCompare(b.inspection_id)),
      judgements: [...keep.judgements, ...judgements].sort((a, b) => a.inspection_id.localeCompare(b.inspection_id) || a.judgement_code.localeCompare(b.judgement_code)),
      accounting: [...keep.accounting, ...acct].sort((a, b) => a.source_file.localeCompare(b.source_file)),
    };
    writeCsvAtomic(path.join(outDir, OUTPUT_FILES.inspections), all.inspections.map(asCells), COLUMNS.inspections);
    writeCsvAtomic(path.join(outDir, OUTPUT_FILES.judgements), all.judgements.map(asCells), COLUMNS.judgements);
    writeCsvAtomic(path.join(outDir, OUTPUT_FILES.accounting), all.accounting.map(asCells), COLUMNS.accounting);
    written = { inspections: all.inspections.length, judgements: all.judgements.length, accounting: all.accounting.length };
  }
  const t4 = performance.now();
  const nowIngested = new Set(acct.filter((a) => a.outcome === "ingested").flatMap((a) => [a.source_file, a.source_sha256]));
  const lost = keep.previous
    .filter((p) => !nowIngested.has(p.source_file) && !nowIngested.has(p.source_sha256))
    .map((p) => ({ source_file: p.source_file, now: acct.find((a) => a.source_file === p.source_file || a.source_sha256 === p.source_sha256)?.outcome ?? "missing" }));
  return {
    files: files.length,
    cacheHits,
    extracted: files.length - cacheHits,
    inspections,
    judgements,
    accounting: acct,
    written,
    lost,
    timings: { hashMs, extractMs: t1 - t0, parseMs: t2 - t1, writeMs: t4 - t3, totalMs: t4 - t0 },
  };
}

/**
 * Rows already in outDir that this run does not replace, so a partial folder only adds or updates:
 * those of files outside this run's input, unless this run ingests the same content from another path.
 */
function mergeBase(outDir: string, files: Set<string>, ingestedShas: Set<string>) {
  const old = {
    inspections: readExisting(path.join(outDir, OUTPUT_FILES.inspections), inspection),
    judgements: readExisting(path.join(outDir, OUTPUT_FILES.judgements), judgement),
    accounting: readExisting(path.join(outDir, OUTPUT_FILES.accounting), accounting),
  };
  const replaced = (sourceFile: string, sha: string | null) => files.has(sourceFile) || (sha !== null && ingestedShas.has(sha));
  const inspections = old.inspections.filter((r) => !replaced(r.source_file, r.source_sha256));
  const ids = new Set(inspections.map((r) => r.inspection_id));
  return {
    inspections,
    judgements: old.judgements.filter((j) => ids.has(j.inspection_id)),
    accounting: old.accounting.filter((r) => !replaced(r.source_file, r.source_sha256)),
    previous: old.accounting.filter((r) => r.outcome === "ingested" && replaced(r.source_file, r.source_sha256)),
  };
}

/** Every judgement code exists in data/reference and belongs to its inspection's framework (LSCB to SIF). */
function checkCodes(rows: (Inspection & { judgements: Judgement[] })[], codes: Map<string, string>): void {
  for (const i of rows) {
    for (const j of i.judgements) {
      const fw = codes.get(j.judgement_code);
      if (!fw) throw new Error(`${i.source_file}: judgement code ${j.judgement_code} is not in data/reference/judgement-areas.csv`);
      if (fw !== i.framework && !(fw === "SIF_LSCB" && i.framework === "SIF")) {
        throw new Error(`${i.source_file}: judgement code ${j.judgement_code} belongs to ${fw}, not ${i.framework}`);
      }
    }
  }
}
