import { parseArgs } from "node:util";
import { buildWarehouse } from "./build.ts";

/** Build the warehouse (optionally to a DuckDB file) and print what it holds, or stop with the problem. */
const { values } = parseArgs({ options: { db: { type: "string" }, data: { type: "string" } } });
try {
  const t0 = performance.now();
  const wh = await buildWarehouse({ dbFile: values.db, dataDir: values.data });
  const [totals] = await wh.query("SELECT * FROM data_totals");
  const byFramework = await wh.query("SELECT framework, authorities, inspections, judgements FROM counts_by_framework");
  wh.close();
  console.log(`warehouse built in ${Math.round(performance.now() - t0)} ms${values.db ? ` to ${values.db}` : " (in memory)"}`);
  console.log(totals);
  console.table(byFramework);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
