/** npx tsx loaders/report-themes/cli.ts [--data <dir>] [--sources <dir>] [--workers <n>]: tag every ingested report with themes. */
import path from "node:path";
import { parseArgs } from "node:util";
import { dataDir, sourcesDir } from "../../lib/paths.ts";
import { formatSummary, runReportThemes } from "./run.ts";

const { values } = parseArgs({ options: { data: { type: "string" }, sources: { type: "string" }, workers: { type: "string" } } });
try {
  const result = await runReportThemes({
    dataDir: path.resolve(values.data ?? dataDir),
    sourcesDir: path.resolve(values.sources ?? sourcesDir()),
    workers: values.workers === undefined ? 2 : Number(values.workers),
  });
  console.log(formatSummary(result));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
