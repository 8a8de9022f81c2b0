/** npx tsx loaders/authorities/cli.ts [--sources <dir>]: writes data/authorities.csv from la-lookup.csv. */
import path from "node:path";
import { parseArgs } from "node:util";
import { dataDir, projectRoot, sourcesDir } from "../../lib/paths.ts";
import { writeAuthorities } from "./build.ts";

const { values } = parseArgs({ options: { sources: { type: "string" } } });
const out = path.join(dataDir, "authorities.csv");
try {
  const { rows, current, predecessors } = writeAuthorities({ sources: path.resolve(values.sources ?? sourcesDir()), out });
  console.log(`${path.relative(projectRoot, out)}: ${rows} authorities (current ${current}, predecessors ${predecessors})`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
