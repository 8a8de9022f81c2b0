/** npx tsx loaders/reports/cli.ts [--sources <dir>] [--out <dir>] [--workers <n>]: ingest report PDFs into data/. */
import path from "node:path";
import { parseArgs } from "node:util";
import { dataDir, sourcesDir } from "../../lib/paths.ts";
import { ingest } from "./ingest.ts";
import { formatSummary } from "./summary.ts";

const { values } = parseArgs({ options: { sources: { type: "string" }, out: { type: "string" }, workers: { type: "string" } } });
const tty = process.stderr.isTTY;
let shown = 0;
const progress = (done: number, total: number, cached: number) => {
  if (done < total && Date.now() - shown < 100) return;
  shown = Date.now();
  process.stderr.write(`\r\x1b[Kreading ${done}/${total} (${cached} from cache)`);
};
try {
  const result = await ingest({
    sourcesDir: path.resolve(values.sources ?? sourcesDir()),
    outDir: path.resolve(values.out ?? dataDir),
    workers: values.workers === undefined ? 2 : Number(values.workers),
    ...(tty ? { onProgress: progress } : {}),
  });
  if (tty) process.stderr.write("\r\x1b[K");
  console.log(formatSummary(result));
} catch (e) {
  if (tty) process.stderr.write("\n");
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
