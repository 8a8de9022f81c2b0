import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { parseCsvText, readCsv, repairCsvSet, validateRows, writeCsvSet } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { type Accounting, type Inspection, type Judgement, accounting, inspection, judgement, reportUrl } from "../../schema/canonical.ts";
import { type CachedText, defaultCacheDir, readCached, sha256 } from "./cache.ts";
import { EXTRACTOR_VERSION } from "./extract-text.ts";
import { loadAuthorities } from "./identify.ts";
import { type ReportOutcome, parseReport } from "./parse-report.ts";
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
  /** Let this run remove inspections read before whose file no longer yields one (default: keep them and report). */
  allowDrops?: boolean;
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
  /** Files data/ held as ingested that this run no longer ingests, and whose rows it dropped (allowDrops). */
  lost: { source_file: string; now: string }[];
  /** Files data/ held as ingested that this run no longer ingests, whose rows it kept (no allowDrops). */
  kept: { source_file: string; now: string; reason: string | null }[];
  /** What an earlier, interrupted write had left in outDir and this run completed or removed. */
  repaired: string[];
  /** Wall times; extractMs includes hashMs (reading and hashing every file in this thread). */
  timings: { hashMs: number; extractMs: number; parseMs: number; writeMs: number; totalMs: number };
}

export const OUTPUT_FILES = { inspections: "inspections.csv", judgements: "judgements.csv", accounting: "ingest-accounting.csv" };
const COLUMNS = {
  inspections: Object.keys(inspection.shape),
  judgements: Object.keys(judgement.shape),
  accounting: Object.keys(accounting.shape),
};

/** An entry under the sources folder that is not read as a report, with its accounting outcome. */
export interface SkippedSource {
  file: string;
  outcome: "out_of_scope" | "quarantined";
  kind: string;
  reason: string;
}

/**
 * Report files under a sources folder. Paths are relative to the folder holding ofsted-reports/ when
 * the given folder is, holds or sits inside one (so a partial run names files as a full run does).
 * A symbolic link to a PDF is read as the file it points to; a broken link, or a link to a folder
 * (not followed, so a loop cannot trap the walk), is returned in `skipped` for the accounting.
 */
export function listSources(dir: string): { root: string; files: string[]; skipped: SkippedSource[] } {
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
  const skipped: SkippedSource[] = [];
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".")) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.pdf$/i.test(e.name)) files.push(rel(p));
      else if (e.isSymbolicLink()) {
        let target: fs.Stats;
        try {
          target = fs.statSync(p);
        } catch {
          skipped.push({ file: rel(p), outcome: "quarantined", kind: "broken link", reason: `symbolic link to ${fs.readlinkSync(p)}, which does not exist` });
          continue;
        }
        if (target.isDirectory()) {
          skipped.push({ file: rel(p), outcome: "out_of_scope", kind: "link to a folder", reason: `symbolic link to the folder ${fs.readlinkSync(p)}: not followed` });
        } else if (target.isFile() && /\.pdf$/i.test(e.name)) files.push(rel(p));
      }
    }
  };
  walk(start);
  return { root, files, skipped };
}

/** Report URLs from the public scrape beside the corpus, keyed by "<urn>|<file name>"; links failing the schema's rule are ignored. */
function reportUrls(root: string): Map<string, string> {
  const file = path.join(root, "d2i-ilacs-history.csv");
  if (!fs.existsSync(file)) return new Map();
  const out = new Map<string, string>();
  for (const r of parseCsvText(fs.readFileSync(file, "utf8"), file)) {
    if (r.urn && r.pdf_filename && reportUrl.safeParse(r.inspection_link).success) out.set(`${r.urn}|${r.pdf_filename}`, r.inspection_link!);
  }
  return out;
}

function readExisting<S extends z.ZodType>(file: string, schema: S): z.infer<S>[] {
  return fs.existsSync(file) ? readCsv(file, schema) : [];
}

/** CSV-ready form of a validated row (lists and nulls as the CSV writes them). */
const asCells = (r: Record<string, unknown>) => r as Record<string, string | null>;

/** One inspection, however many files describe it: authority, framework, type and fieldwork dates. */
const inspectionKey = (r: { la_code: string; framework: string; inspection_type: string; start_date: string | null; end_date: string | null }) =>
  [r.la_code, r.framework, r.inspection_type, r.start_date, r.end_date].join("|");

export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  const t0 = performance.now();
  const cacheDir = opts.cacheDir ?? defaultCacheDir;
  const outDir = opts.outDir === undefined ? dataDir : opts.outDir;
  const ref = loadReference(opts.referenceDir);
  const auth = loadAuthorities(opts.authoritiesFile);
  const { root, files, skipped } = listSources(opts.sourcesDir);
  const repaired = outDir ? repairCsvSet(outDir) : [];
  const old = outDir ? readOutput(outDir) : { inspections: [], judgements: [], accounting: [] };

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
      // A file whose extraction fails in a way the worker could not report is quarantined, not fatal.
      const p: Promise<CachedText> = cached
        ? Promise.resolve(cached)
        : pool.run({ file: abs, sha256: sha, cacheDir }).catch((e: Error) => ({ version: EXTRACTOR_VERSION, sha256: sha, ok: false, reason: `unreadable PDF: ${e.message}` }));
      entries.push(p.then((e) => (opts.onProgress?.(++done, files.length, cacheHits), e)));
    }
    texts = await Promise.all(entries);
  } finally {
    await pool.close();
  }
  const t1 = performance.now();

  // What earlier runs read, so a file read before keeps its place, id and link.
  const before = { byFile: new Map(old.inspections.map((r) => [r.source_file, r])), bySha: new Map(old.inspections.map((r) => [r.source_sha256, r])) };
  const readBefore = (file: string, sha: string) => before.byFile.has(file) || before.bySha.has(sha);
  // Of two copies (same content, or the same inspection) the one data/ already holds stays, else the one not named as a copy ("… (1).pdf").
  const rank = (i: number) => (readBefore(files[i]!, shas[i]!) ? 0 : / \(\d+\)\.pdf$/i.test(files[i]!) ? 2 : 1);
  const order = files.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || a - b);

  // Parse every file into rows; a file's problems become its accounting row.
  const firstBySha = new Map<string, string>();
  const parsed = new Map<number, { file: string; sha: string; out: ReportOutcome }>();
  for (const i of order) {
    const file = files[i]!;
    const sha = shas[i]!;
    const first = firstBySha.get(sha);
    if (first) {
      parsed.set(i, { file, sha, out: { outcome: "out_of_scope", kind: "duplicate file", reason: `same content as ${first}` } });
      continue;
    }
    const out = parseReport(texts[i]!, { sourceFile: file, folder: path.basename(path.dirname(path.join(root, file))) }, ref, auth);
    if (out.outcome === "ingested") firstBySha.set(sha, file);
    parsed.set(i, { file, sha, out });
  }
  const t2 = performance.now();

  // Rows of files outside this run stay, unless this run ingests the same content from another path.
  const ingestedShas = new Set([...parsed.values()].filter((d) => d.out.outcome === "ingested").map((d) => d.sha));
  const thisRun = new Set(files);
  const replaced = (sourceFile: string, sha: string | null) => thisRun.has(sourceFile) || (sha !== null && ingestedShas.has(sha));
  const stays = old.inspections.filter((r) => !replaced(r.source_file, r.source_sha256));

  // The same inspection from a second file (a re-saved copy differing in a byte) is one inspection.
  const byKey = new Map(stays.map((r) => [inspectionKey(r), r.source_file]));
  const drafts = order.map((i) => parsed.get(i)!);
  for (const d of drafts) {
    const r = d.out.report;
    if (d.out.outcome !== "ingested" || !r) continue;
    const key = inspectionKey({ la_code: r.laCode, framework: r.framework, inspection_type: r.inspectionType, start_date: r.start, end_date: r.end });
    const first = byKey.get(key);
    if (first) {
      d.out = {
        outcome: "out_of_scope",
        kind: "duplicate report",
        reason: `same inspection as ${first} (authority ${r.laCode}, ${r.framework} ${r.inspectionType}, fieldwork ${r.start} to ${r.end}), from a file with different content`,
      };
    } else byKey.set(key, d.file);
  }

  // Inspections read before that this run would drop: kept (and reported) unless the user allows it.
  const nowIngested = new Set(drafts.filter((d) => d.out.outcome === "ingested").flatMap((d) => [d.file, d.sha]));
  const previous = old.accounting.filter((r) => r.outcome === "ingested" && replaced(r.source_file, r.source_sha256));
  const gone = previous.filter((p) => !nowIngested.has(p.source_file) && !(p.source_sha256 && nowIngested.has(p.source_sha256)));
  const nowOf = (p: Accounting) => drafts.find((d) => d.file === p.source_file) ?? drafts.find((d) => d.sha === p.source_sha256);
  const keptFiles = new Set(opts.allowDrops ? [] : gone.map((p) => p.source_file));
  const keptInspections = old.inspections.filter((r) => keptFiles.has(r.source_file));

  // Ids: an inspection read before keeps its id; a new one gets <la>-<framework>-<published>, suffixed on a clash.
  const taken = new Set([...stays, ...keptInspections].map((r) => r.inspection_id));
  const ids = new Map<(typeof drafts)[number], string>();
  const base = (r: NonNullable<ReportOutcome["report"]>) => `${r.laCode}-${r.framework.toLowerCase().replace(/_/g, "-")}-${r.published}`;
  const previousRow = (d: (typeof drafts)[number]) => before.bySha.get(d.sha) ?? before.byFile.get(d.file);
  for (const d of drafts) {
    if (d.out.outcome !== "ingested" || !d.out.report) continue;
    const id = previousRow(d)?.inspection_id;
    const b = base(d.out.report);
    if (id && (id === b || id.startsWith(`${b}-`)) && !taken.has(id)) {
      ids.set(d, id);
      taken.add(id);
    }
  }
  const urls = reportUrls(root);
  const runAccounting: Accounting[] = [];
  const runInspections: (Inspection & { judgements: Judgement[] })[] = [];
  for (const d of [...drafts].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file))) {
    const { file, sha, out } = d;
    let id: string | null = null;
    if (out.outcome === "ingested" && out.report) {
      const r = out.report;
      id = ids.get(d) ?? null;
      if (!id) {
        id = base(r);
        for (let n = 2; taken.has(id); n++) id = `${base(r)}-${n}`;
        taken.add(id);
      }
      const urn = /^(\d+)_/.exec(path.basename(path.dirname(path.join(root, file))))?.[1];
      const prev = previousRow(d);
      // Without the link file beside the sources, a link read before stays.
      const url = (urn ? urls.get(`${urn}|${path.basename(file)}`) : undefined) ?? (prev?.inspection_id === id ? prev.report_url : null);
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
  for (const s of skipped) runAccounting.push({ source_file: s.file, source_sha256: null, outcome: s.outcome, kind: s.kind, reason: s.reason, inspection_id: null });
  checkCodes(runInspections, ref.codes);

  const inspections = validateRows(runInspections.map(({ judgements: _, ...i }) => i), inspection, "inspection");
  const judgements = validateRows(runInspections.flatMap((i) => i.judgements), judgement, "judgement");
  const acct = validateRows(runAccounting, accounting, "accounting");

  const kept = gone
    .filter((p) => keptFiles.has(p.source_file))
    .map((p) => ({ source_file: p.source_file, now: nowOf(p)?.out.outcome ?? "missing", reason: nowOf(p)?.out.reason ?? null }));
  const lost = opts.allowDrops ? gone.map((p) => ({ source_file: p.source_file, now: nowOf(p)?.out.outcome ?? "missing" })) : [];

  let written: IngestResult["written"] = null;
  const t3 = performance.now();
  if (outDir) {
    const keptIds = new Set(keptInspections.map((r) => r.inspection_id));
    const stayIds = new Set(stays.map((r) => r.inspection_id));
    const keptNote = (p: Accounting): Accounting => {
      const k = kept.find((x) => x.source_file === p.source_file)!;
      return { ...p, reason: `kept from an earlier run: the file now reads as ${k.now}${k.reason ? ` (${k.reason})` : ""}; run ingest with --allow-drops to drop it` };
    };
    const all = {
      inspections: [...stays, ...keptInspections, ...inspections].sort((a, b) => a.inspection_id.localeCompare(b.inspection_id)),
      judgements: [...old.judgements.filter((j) => stayIds.has(j.inspection_id) || keptIds.has(j.inspection_id)), ...judgements].sort(
        (a, b) => a.inspection_id.localeCompare(b.inspection_id) || a.judgement_code.localeCompare(b.judgement_code),
      ),
      accounting: [
        ...old.accounting.filter((r) => !replaced(r.source_file, r.source_sha256) && !thisRun.has(r.source_file) && !skipped.some((s) => s.file === r.source_file)),
        ...previous.filter((p) => keptFiles.has(p.source_file)).map(keptNote),
        ...acct.filter((a) => !keptFiles.has(a.source_file)),
      ].sort((a, b) => a.source_file.localeCompare(b.source_file)),
    };
    writeCsvSet(outDir, [
      { file: OUTPUT_FILES.inspections, rows: all.inspections.map(asCells), columns: COLUMNS.inspections },
      { file: OUTPUT_FILES.judgements, rows: all.judgements.map(asCells), columns: COLUMNS.judgements },
      { file: OUTPUT_FILES.accounting, rows: all.accounting.map(asCells), columns: COLUMNS.accounting },
    ]);
    written = { inspections: all.inspections.length, judgements: all.judgements.length, accounting: all.accounting.length };
  }
  const t4 = performance.now();
  return {
    files: files.length + skipped.length,
    cacheHits,
    extracted: files.length - cacheHits,
    inspections,
    judgements,
    accounting: acct,
    written,
    lost,
    kept,
    repaired,
    timings: { hashMs, extractMs: t1 - t0, parseMs: t2 - t1, writeMs: t4 - t3, totalMs: t4 - t0 },
  };
}

/** The three files as outDir holds them (empty where a file does not exist yet). */
function readOutput(outDir: string) {
  return {
    inspections: readExisting(path.join(outDir, OUTPUT_FILES.inspections), inspection),
    judgements: readExisting(path.join(outDir, OUTPUT_FILES.judgements), judgement),
    accounting: readExisting(path.join(outDir, OUTPUT_FILES.accounting), accounting),
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
