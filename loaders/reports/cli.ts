/** npx tsx loaders/reports/cli.ts [--sources <dir>] [--out <dir>] [--cache <dir>] [--workers <n>] [--allow-drops]: ingest report PDFs into data/. */
import path from "node:path";
import { parseArgs } from "node:util";
import { dataDir, sourcesDir } from "../../lib/paths.ts";
import { ingest } from "./ingest.ts";
import { formatSummary } from "./summary.ts";

const usage = `usage: npm run ingest -- [--sources <dir>] [--out <dir>] [--cache <dir>] [--workers <n>] [--allow-drops]
  --allow-drops  let this run remove inspections an earlier run read, when their file no longer yields one`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      sources: { type: "string" },
      out: { type: "string" },
      cache: { type: "string" },
      workers: { type: "string" },
      "allow-drops": { type: "boolean" },
      help: { type: "boolean" },
    },
  }));
} catch (e) {
  console.error(`ingest: ${(e as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
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
    allowDrops: values["allow-drops"] ?? false,
    ...(values.cache ? { cacheDir: path.resolve(values.cache) } : {}),
    ...(tty ? { onProgress: progress } : {}),
  });
  if (tty) process.stderr.write("\r\x1b[K");
  console.log(formatSummary(result));
  // Inspections kept although their file no longer yields them: the user must look.
  if (result.kept.length > 0) process.exitCode = 3;
} catch (e) {
  if (tty) process.stderr.write("\n");
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
