import { encodeColumns } from "../src/components/columns.ts";
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
 * A query's rows in the site's wire format (src/components/columns.ts), which keeps page payloads
 * small; the page decodes them with decodeColumns.
 */
export function columns(sql: string, params?: Params): SiteFile {
  return async (wh, name) => {
    const reader = await wh.connection.runAndReadAll(sql, params);
    const records = reader.getRowObjectsJS().map(plainRow);
    return { [`${name}.json`]: JSON.stringify(encodeColumns(records, reader.columnNames())) };
  };
}
