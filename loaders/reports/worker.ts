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

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Extract one file's text, store it in the cache, and return it. Any failure to read the file is
 * its outcome (ok: false with the reason), never an exception. pdf.js also leaves some internal
 * promises of a corrupt file rejected with nobody waiting on them (XRefEntryException): those are
 * caught while the job runs and make the file unreadable too, instead of killing the thread.
 * Callers run one job at a time per thread, so a stray rejection belongs to the running job.
 */
export async function runJob(job: ExtractJob): Promise<CachedText> {
  const base = { version: EXTRACTOR_VERSION, sha256: job.sha256 };
  const strays: unknown[] = [];
  const onStray = (e: unknown) => strays.push(e);
  process.on("unhandledRejection", onStray);
  let entry: CachedText;
  try {
    try {
      entry = { ...base, ok: true, ...(await extractText(new Uint8Array(fs.readFileSync(job.file)))) };
    } catch (e) {
      entry = { ...base, ok: false, reason: e instanceof UnreadableFile ? e.reason : `unreadable PDF: ${message(e)}` };
    }
    // Rejections are reported once the microtask queue drains: let pdf.js's strays surface here.
    await new Promise((r) => setImmediate(r));
  } finally {
    process.off("unhandledRejection", onStray);
  }
  if (entry.ok && strays.length > 0) entry = { ...base, ok: false, reason: `unreadable PDF: ${message(strays[0])}` };
  writeCached(job.cacheDir, entry);
  return entry;
}

/** Set in workerData by pool.ts, so importing this module elsewhere (tests, in-thread runs) listens to nothing. */
export const WORKER_FLAG = "reportTextWorker";

const port = (workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG] ? parentPort : null;
if (port) {
  // A stray rejection that surfaces after its job ended must not kill the thread and the jobs queued on it.
  process.on("unhandledRejection", () => {});
  port.on("message", (job: ExtractJob) => {
    runJob(job).then(
      (entry) => port.postMessage({ id: job.id, entry }),
      (e: Error) => port.postMessage({ id: job.id, error: e.stack ?? e.message }),
    );
  });
}
