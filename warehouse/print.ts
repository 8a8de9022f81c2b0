import { plainRow, type Warehouse } from "./build.ts";

type Params = Record<string, string | number | null>;

/**
 * One or more files of the site's data archive (src/data/site.zip.ts), from the opened warehouse:
 * member name -> JSON text. Each module in src/data/site/ exports one, named after its file.
 */
export type SiteFile = (wh: Warehouse, name: string) => Promise<Record<string, string>>;

/** A query's rows as a JSON array of objects. */
export function rows(sql: string, params?: Params): SiteFile {
  return async (wh, name) => ({ [`${name}.json`]: JSON.stringify(await wh.query(sql, params)) });
}

/**
 * A query's rows as one row of parallel columns (`[{col: [...], ...}]`, null columns when there are
 * no rows), which keeps page payloads small. The page turns them back into rows
 * (src/components/as-at.ts rowsFromColumns).
 */
export function columns(sql: string, params?: Params): SiteFile {
  return async (wh, name) => {
    const reader = await wh.connection.runAndReadAll(sql, params);
    const names = reader.columnNames();
    const records = reader.getRowObjectsJS().map(plainRow);
    const cols = Object.fromEntries(names.map((n) => [n, records.length === 0 ? null : records.map((r) => r[n])]));
    return { [`${name}.json`]: JSON.stringify([cols]) };
  };
}
