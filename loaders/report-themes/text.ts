import fs from "node:fs";
import path from "node:path";
import { type CachedText, defaultCacheDir, readCached, sha256 } from "../reports/cache.ts";
import { ExtractPool } from "../reports/pool.ts";

export interface TextSource {
  /** Path relative to the sources folder (as data/inspections.csv writes it). */
  source_file: string;
  /** The file's sha256 when known (data/inspections.csv); otherwise the file is read and hashed. */
  source_sha256?: string | null;
}

export type ReportText = { ok: true; sha256: string; pages: string[]; fromCache: boolean } | { ok: false; reason: string };

export interface TextOptions {
  cacheDir?: string;
  /** The folder holding ofsted-reports/; only read for files the cache does not hold. */
  sourcesDir: string;
  /** Extraction threads for files not in the cache (0: in this thread). */
  workers?: number;
}

/**
 * The extracted text of each report: from the ingest's cache when it holds the file's hash,
 * otherwise extracted from the corpus with the ingest's own extractor (which fills the cache).
 */
export async function readReportTexts(sources: TextSource[], opts: TextOptions): Promise<ReportText[]> {
  const cacheDir = opts.cacheDir ?? defaultCacheDir;
  const pool = new ExtractPool(opts.workers ?? 2);
  const fromEntry = (entry: CachedText, fromCache: boolean): ReportText =>
    entry.ok ? { ok: true, sha256: entry.sha256, pages: entry.pages, fromCache } : { ok: false, reason: entry.reason };
  try {
    return await Promise.all(
      sources.map(async (s): Promise<ReportText> => {
        const cached = s.source_sha256 ? readCached(cacheDir, s.source_sha256) : undefined;
        if (cached) return fromEntry(cached, true);
        const file = path.join(opts.sourcesDir, s.source_file);
        if (!fs.existsSync(file)) return { ok: false, reason: `no cached text and no source file at ${file}` };
        const sha = sha256(fs.readFileSync(file));
        if (s.source_sha256 && sha !== s.source_sha256) return { ok: false, reason: `${s.source_file} has changed since it was ingested (sha256 ${sha.slice(0, 12)}…)` };
        const again = readCached(cacheDir, sha);
        if (again) return fromEntry(again, true);
        return fromEntry(await pool.run({ file, sha256: sha, cacheDir }), false);
      }),
    );
  } finally {
    await pool.close();
  }
}
