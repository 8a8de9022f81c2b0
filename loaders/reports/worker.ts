import fs from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { type CachedText, writeCached } from "./cache.ts";
import { EXTRACTOR_VERSION, UnreadableFile, extractText } from "./extract-text.ts";

export interface ExtractJob {
  id: number;
  file: string;
  sha256: string;
  cacheDir: string;
}

/** Extract one file's text, store it in the cache, and return it. */
export async function runJob(job: ExtractJob): Promise<CachedText> {
  const base = { version: EXTRACTOR_VERSION, sha256: job.sha256 };
  let entry: CachedText;
  try {
    entry = { ...base, ok: true, ...(await extractText(new Uint8Array(fs.readFileSync(job.file)))) };
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    entry = { ...base, ok: false, reason: e.reason };
  }
  writeCached(job.cacheDir, entry);
  return entry;
}

/** Set in workerData by pool.ts, so importing this module elsewhere (tests, in-thread runs) listens to nothing. */
export const WORKER_FLAG = "reportTextWorker";

const port = (workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG] ? parentPort : null;
port?.on("message", (job: ExtractJob) => {
  runJob(job).then(
    (entry) => port.postMessage({ id: job.id, entry }),
    (e: Error) => port.postMessage({ id: job.id, error: e.stack ?? e.message }),
  );
});
