import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { assertReadable, CsvError, readCsv, recordLines } from "../lib/csv.ts";
import { dataDir as defaultDataDir, referenceDir as projectReferenceDir } from "../lib/paths.ts";
import { tables } from "./tables.ts";
import { validateInDuckDB } from "./validate.ts";

const sqlDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "sql");

export class IntegrityError extends Error {
  constructor(readonly problems: { file: string; line: number; problem: string }[]) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.file} line ${p.line}: ${p.problem}`);
    const more = problems.length > 20 ? [`  ... and ${problems.length - 20} more`] : [];
    super(`warehouse build stopped: ${problems.length} referential integrity problem(s)\n${[...shown, ...more].join("\n")}`);
    this.name = "IntegrityError";
  }
}

export interface WarehouseOptions {
  /** Folder holding the canonical CSVs (default: data/). */
  dataDir?: string;
  /** Folder holding reference tables that override the project's (default: <dataDir>/reference). */
  referenceDir?: string;
  /** A DuckDB file to write; in memory when absent. */
  dbFile?: string;
}

export interface Warehouse {
  connection: DuckDBConnection;
  query<T = Record<string, unknown>>(sql: string, params?: Record<string, string | number | null>): Promise<T[]>;
  close(): void;
}

/**
 * A table's file: reference tables come from `referenceDir` when it has them, else from the
 * project's data/reference, so that a test fixture holds only the reference tables it cuts down.
 */
function resolveFile(file: string, dataDir: string, referenceDir: string): string {
  if (!file.startsWith("reference/")) return path.join(dataDir, file);
  const name = file.slice("reference/".length);
  const own = path.join(referenceDir, name);
  return fs.existsSync(own) ? own : path.join(projectReferenceDir, name);
}

/**
 * The checks know a row's record number (csv_line = rowid + 2, as if one line per record); the file's
 * own line numbers differ after blank lines or values running over several lines, so they are
 * counted in the file, as readCsv's messages count them.
 */
function fileLines(problems: { file: string; line: number; problem: string }[], files: { file: string; path: string }[]) {
  const byFile = new Map<string, Map<number, number>>();
  for (const f of new Set(problems.map((p) => p.file))) {
    const source = files.find((t) => t.file === f);
    if (source) byFile.set(f, recordLines(source.path, problems.filter((p) => p.file === f).map((p) => p.line - 2)));
  }
  return problems.map((p) => ({ ...p, line: byFile.get(p.file)?.get(p.line - 2) ?? p.line }));
}

function sqlFiles(folder: string): { name: string; sql: string }[] {
  const dir = path.join(sqlDir, folder);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => ({ name: `${folder}/${f}`, sql: fs.readFileSync(path.join(dir, f), "utf8") }));
}

async function run(connection: DuckDBConnection, name: string, sql: string): Promise<void> {
  try {
    await connection.run(sql);
  } catch (e) {
    throw new Error(`warehouse SQL ${name} failed: ${(e as Error).message}`);
  }
}

/** Rows as plain JSON-ready values: counts as numbers, dates as YYYY-MM-DD. */
function plainValue(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(v)) return v.map(plainValue);
  return v;
}

export function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plainValue(v)]));
}

/**
 * Build the warehouse from data/: validate every CSV against its schema (small tables with zod as
 * they are read, bulk ones in DuckDB once loaded), check referential integrity (stopping with the
 * offending rows named), then create the named views.
 */
export async function buildWarehouse(options: WarehouseOptions = {}): Promise<Warehouse> {
  const dataDir = options.dataDir ?? defaultDataDir;
  const referenceDir = options.referenceDir ?? path.join(dataDir, "reference");

  const files = tables.map((t) => ({ ...t, path: resolveFile(t.file, dataDir, referenceDir) }));
  for (const t of files) {
    if (t.bulk) assertReadable(t.path);
    else readCsv(t.path, t.schema);
  }

  // In memory there is nothing to checkpoint to, yet DuckDB checkpoints (compresses every table) each
  // time 16 MB has been written: at 100x history that is seconds of the build, and memory besides.
  const instance = await DuckDBInstance.create(options.dbFile ?? ":memory:", options.dbFile ? {} : { checkpoint_threshold: "1TB" });
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    for (const t of files) {
      const literal = t.path.replaceAll("'", "''");
      await connection
        .run(`CREATE OR REPLACE TABLE raw_${t.table} AS SELECT * FROM read_csv('${literal}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`)
        .catch((e: Error) => {
          throw new CsvError(t.path, `malformed CSV: ${e.message}`);
        });
      if (t.bulk) await validateInDuckDB(connection, `raw_${t.table}`, t.path, t.schema);
    }
    for (const f of sqlFiles("tables")) await run(connection, f.name, f.sql);

    const problems: { file: string; line: number; problem: string }[] = [];
    for (const f of sqlFiles("checks")) {
      const reader = await connection.runAndReadAll(f.sql).catch((e: Error) => {
        throw new Error(`warehouse SQL ${f.name} failed: ${e.message}`);
      });
      for (const row of reader.getRowObjectsJson()) {
        problems.push({ file: String(row.file), line: Number(row.line), problem: String(row.problem) });
      }
    }
    if (problems.length > 0) throw new IntegrityError(fileLines(problems, files));

    for (const f of sqlFiles("views")) await run(connection, f.name, f.sql);
  } catch (e) {
    close();
    throw e;
  }

  return {
    connection,
    async query<T>(sql: string, params?: Record<string, string | number | null>) {
      const reader = await connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJS().map((row) => plainRow(row)) as T[];
    },
    close,
  };
}
