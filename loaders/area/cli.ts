// npx tsx loaders/area/cli.ts: rebuild data/area-statistics.csv, area-neighbours.csv and
// area-report-accounting.csv from ../shared/data (OFSTED_SOURCES) and the report-text cache.
import { dataDir, sourcesDir } from "../../lib/paths.ts";
import { buildArea } from "./build.ts";

try {
  const summary = await buildArea({ dataDir, sourcesDir: sourcesDir() });
  console.log(JSON.stringify(summary, null, 2));
} catch (e) {
  console.error(`area: ${(e as Error).message}`);
  process.exit(1);
}
