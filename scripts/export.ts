// npm run export -- --out DIR: the canonical tables and main views as Parquet, plus the DuckDB file.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureWarehouseFile, openWarehouseFile } from "../warehouse/cached.ts";
import { exportWarehouse } from "../warehouse/export.ts";

const usage = "usage: npm run export -- --out <folder>   (writes <table>.parquet files and warehouse.duckdb)";
let values: { out?: string; help?: boolean };
try {
  ({ values } = parseArgs({ options: { out: { type: "string" }, help: { type: "boolean", short: "h" } } }));
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.out) {
  console.error(`--out is required\n${usage}`);
  process.exit(2);
}
const out = path.resolve(values.out);
if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) {
  console.error(`${out} exists and is not a folder\n${usage}`);
  process.exit(2);
}
const dbFile = await ensureWarehouseFile();
const wh = await openWarehouseFile(dbFile);
try {
  const files = await exportWarehouse(wh, dbFile, out);
  for (const f of files) console.log(`${path.relative(process.cwd(), f)}  ${(fs.statSync(f).size / 1024).toFixed(0)} KB`);
} finally {
  wh.close();
}
