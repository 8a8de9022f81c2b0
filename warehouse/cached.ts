import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { dataDir as defaultDataDir, projectRoot } from "../lib/paths.ts";
import { buildWarehouse, plainRow, type Warehouse } from "./build.ts";

/** Where built warehouse files are kept, one per content key. */
export const warehouseCacheDir = path.join(projectRoot, ".cache", "warehouse");

/** What a warehouse is built from besides data/: its SQL, its loading code and the schemas. */
const warehouseInputs = ["warehouse/sql", "warehouse/build.ts", "warehouse/tables.ts", "warehouse/validate.ts", "schema", "lib/csv.ts"];

function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  if (fs.statSync(root).isFile()) return [root];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(root, e.name)) : e.isFile() ? [path.join(root, e.name)] : []))
    .sort();
}

/** A content hash of files and folders (names and bytes), stable across machines and checkouts. */
export function contentKey(roots: string[], base = projectRoot): string {
  const hash = crypto.createHash("sha256");
  for (const root of roots) {
    for (const file of listFiles(path.resolve(base, root))) {
      hash.update(path.relative(base, file)).update("\0").update(fs.readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/** The key of the warehouse built from `dataDir`: changes whenever data/ or the warehouse code does. */
export function warehouseKey(dataDir = defaultDataDir): string {
  return contentKey([dataDir, ...warehouseInputs.map((p) => path.join(projectRoot, p))]);
}

/**
 * The DuckDB file for the current content of data/ and the warehouse code, building it when missing.
 * Built into a temp file and renamed into place, so concurrent builds each produce a whole file
 * and readers never see a half-written one.
 */
export async function ensureWarehouseFile(dataDir = defaultDataDir): Promise<string> {
  const file = path.join(warehouseCacheDir, `${warehouseKey(dataDir)}.duckdb`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(warehouseCacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  try {
    const wh = await buildWarehouse({ dataDir, dbFile: tmp });
    await wh.connection.run("CHECKPOINT");
    wh.close();
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}.wal`, { force: true });
  }
  pruneWarehouseFiles(file);
  return file;
}

/** Keep the newest few warehouse files: older keys belong to data that has since changed. */
function pruneWarehouseFiles(keep: string, max = 4): void {
  const files = fs
    .readdirSync(warehouseCacheDir)
    .filter((f) => f.endsWith(".duckdb"))
    .map((f) => path.join(warehouseCacheDir, f))
    .filter((f) => f !== keep)
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  for (const f of files.slice(max - 1)) fs.rmSync(f, { force: true });
}

/** Open a built warehouse file read-only; many processes may read it at once. */
export async function openWarehouseFile(file: string): Promise<Warehouse> {
  const instance = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  return {
    connection,
    async query<T>(sql: string, params?: Record<string, string | number | null>) {
      const reader = await connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJS().map((row) => plainRow(row)) as T[];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * The warehouse for site data loaders and commands: the file named by WAREHOUSE_DB (set by the site
 * build, which builds it once), else the cached file for the current data/, built if missing.
 */
export async function openWarehouse(): Promise<Warehouse> {
  return openWarehouseFile(process.env.WAREHOUSE_DB || (await ensureWarehouseFile()));
}
