// The canonical tables as CSV and Parquet for the "Data held" page's downloads (data/export/<table>.csv
// and .parquet), written by DuckDB from the warehouse as loaded and typed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipFiles } from "../../lib/zip.ts";
import { openWarehouse } from "../../warehouse/cached.ts";
import { copyRelation, exportedTables } from "../../warehouse/export.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "export-"));
const wh = await openWarehouse();
try {
  const files: [string, Buffer][] = [];
  for (const table of exportedTables) {
    for (const format of ["csv", "parquet"] as const) {
      const file = path.join(tmp, `${table}.${format}`);
      await copyRelation(wh, table, file, format);
      files.push([`${table}.${format}`, fs.readFileSync(file)]);
    }
  }
  process.stdout.write(await zipFiles(files));
} finally {
  wh.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
