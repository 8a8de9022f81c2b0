import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { CachedText } from "./cache.ts";
import { type ExtractJob, WORKER_FLAG, runJob } from "./worker.ts";

type Reply = { id: number; entry?: CachedText; error?: string };

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

/** Runs text extraction jobs on `size` worker threads (0: in this thread). */
export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { job: ExtractJob; resolve: (e: CachedText) => void; reject: (e: Error) => void }[] = [];
  private readonly pending = new Map<number, { resolve: (e: CachedText) => void; reject: (e: Error) => void; worker: Worker }>();
  private nextId = 0;

  constructor(private readonly size: number) {}

  run(job: Omit<ExtractJob, "id">): Promise<CachedText> {
    if (this.size <= 0) return runJob({ ...job, id: 0 });
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let worker = this.idle.pop();
      if (!worker && this.workers.length < this.size) worker = this.spawn();
      if (!worker) return;
      const { job, resolve, reject } = this.queue.shift()!;
      this.pending.set(job.id, { resolve, reject, worker });
      worker.postMessage(job);
    }
  }

  private spawn(): Worker {
    const worker = startWorker();
    worker.on("message", (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      this.idle.push(worker);
      if (reply.entry) p.resolve(reply.entry);
      else p.reject(new Error(reply.error ?? "worker failed"));
      this.pump();
    });
    worker.on("error", (e) => {
      for (const [id, p] of this.pending) {
        if (p.worker === worker) {
          this.pending.delete(id);
          p.reject(e);
        }
      }
    });
    this.workers.push(worker);
    return worker;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
