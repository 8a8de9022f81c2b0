import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { CachedText } from "./cache.ts";
import { type ExtractJob, WORKER_FLAG, runJob } from "./worker.ts";

type Reply = { id: number; entry?: CachedText; error?: string };
type Waiting = { job: ExtractJob; resolve: (e: CachedText) => void; reject: (e: Error) => void };

/**
 * Worker threads load worker.ts through tsx's ESM API, so this works under tsx and under vitest
 * alike. Vitest's module runner has no import.meta.resolve and require.resolve picks tsx's CommonJS
 * build, so the ESM entry is located from tsx's package folder.
 */
function startWorker(): Worker {
  const workerUrl = new URL("./worker.ts", import.meta.url).href;
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsxApi = pathToFileURL(path.join(tsxDir, "dist/esm/api/index.mjs")).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => m.tsImport(${JSON.stringify(workerUrl)}, ${JSON.stringify(workerUrl)}))`;
  return new Worker(boot, { eval: true, workerData: { [WORKER_FLAG]: true } });
}

/**
 * Runs text extraction jobs on `size` worker threads (0: in this thread, one job at a time). A thread
 * that dies fails only the job it was running (the error names the file); a new thread takes its place.
 */
export class ExtractPool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly queue: Waiting[] = [];
  private readonly pending = new Map<Worker, Waiting>();
  private nextId = 0;
  private inThread: Promise<unknown> = Promise.resolve();

  constructor(private readonly size: number) {}

  run(job: Omit<ExtractJob, "id">): Promise<CachedText> {
    if (this.size <= 0) {
      // One at a time, so a stray rejection inside pdf.js is charged to the file being read.
      const next = this.inThread.then(() => runJob({ ...job, id: 0 }));
      this.inThread = next.catch(() => undefined);
      return next;
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let worker = this.idle.pop();
      if (!worker && this.workers.size < this.size) worker = this.spawn();
      if (!worker) return;
      const waiting = this.queue.shift()!;
      this.pending.set(worker, waiting);
      worker.postMessage(waiting.job);
    }
  }

  private spawn(): Worker {
    const worker = startWorker();
    worker.on("message", (reply: Reply) => {
      const p = this.pending.get(worker);
      if (!p || p.job.id !== reply.id) return;
      this.pending.delete(worker);
      this.idle.push(worker);
      if (reply.entry) p.resolve(reply.entry);
      else p.reject(new Error(`${p.job.file}: ${reply.error ?? "worker failed"}`));
      this.pump();
    });
    const died = (why: string) => {
      if (!this.workers.delete(worker)) return;
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
      const p = this.pending.get(worker);
      this.pending.delete(worker);
      p?.reject(new Error(`${p.job.file}: the extraction thread stopped (${why})`));
      this.pump();
    };
    worker.on("error", (e) => died(e.message));
    worker.on("exit", (code) => died(`exit code ${code}`));
    this.workers.add(worker);
    return worker;
  }

  async close(): Promise<void> {
    const all = [...this.workers];
    this.workers.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}
