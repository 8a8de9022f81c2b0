/** npx tsx loaders/report-search/cli.ts [--data <dir>] [--sources <dir>]: write every report's passages to data/report-passages.csv.gz for the search. */
import path from "node:path";
import { parseArgs } from "node:util";
import { dataDir, sourcesDir } from "../../lib/paths.ts";
import { PASSAGES_FILE, writePassages } from "./passages.ts";

const { values } = parseArgs({ options: { data: { type: "string" }, sources: { type: "string" } } });
try {
  const r = await writePassages({ dataDir: path.resolve(values.data ?? dataDir), sourcesDir: path.resolve(values.sources ?? sourcesDir()) });
  console.log(`report passages: ${r.passages} passages from ${r.reports} reports, ${(r.bytes / 1024 ** 2).toFixed(1)} MB written to data/${PASSAGES_FILE}`);
  for (const u of r.unread) console.log(`  not read: ${u.inspection_id}: ${u.reason}${u.kept ? ` (${u.kept} passages from the previous file kept)` : ""}`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
