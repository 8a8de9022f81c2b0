import fs from "node:fs";
import path from "node:path";
import type { Warehouse } from "./build.ts";

/**
 * What an analyst gets outside the site: the canonical tables (as loaded and typed by the warehouse)
 * and the views most analysis starts from. docs/querying.md shows how to read them.
 */
export const exportedTables = ["authorities", "inspections", "judgements", "ingest_accounting"];
export const exportedViews = [
  "judgement_facts",
  "latest_grade_intervals",
  "grade_spells",
  "scheduling_intervals",
  "trend_quarterly",
  "authority_existence",
];

/** Write one relation to Parquet (zstd) or CSV with DuckDB's own writer. */
export async function copyRelation(wh: Warehouse, name: string, file: string, format: "parquet" | "csv"): Promise<void> {
  const literal = file.replaceAll("'", "''");
  const options = format === "parquet" ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true";
  await wh.connection.run(`COPY (SELECT * FROM ${name}) TO '${literal}' (${options})`);
}

/** The tables and views as Parquet in `outDir`, plus the DuckDB file itself; returns the files written. */
export async function exportWarehouse(wh: Warehouse, dbFile: string, outDir: string): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const name of [...exportedTables, ...exportedViews]) {
    const file = path.join(outDir, `${name}.parquet`);
    await copyRelation(wh, name, file, "parquet");
    written.push(file);
  }
  const db = path.join(outDir, "warehouse.duckdb");
  fs.copyFileSync(dbFile, db);
  written.push(db);
  return written;
}
