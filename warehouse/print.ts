import { buildWarehouse, plainRow } from "./build.ts";

/** For Framework data loaders: build the warehouse, run one query, print JSON rows to stdout. */
export async function printQuery(sql: string, params?: Record<string, string | number | null>): Promise<void> {
  const wh = await buildWarehouse();
  try {
    const rows = await wh.query(sql, params);
    process.stdout.write(JSON.stringify(rows));
  } finally {
    wh.close();
  }
}

/**
 * For Framework data loaders: one query's rows printed as one row of parallel columns
 * (`[{col: [...], ...}]`, null columns when there are no rows), which keeps page payloads small.
 * The page turns them back into rows (src/components/as-at.ts rowsFromColumns).
 */
export async function printColumns(sql: string, params?: Record<string, string | number | null>): Promise<void> {
  const wh = await buildWarehouse();
  try {
    const reader = await wh.connection.runAndReadAll(sql, params);
    const names = reader.columnNames();
    const rows = reader.getRowObjectsJS().map(plainRow);
    const columns = Object.fromEntries(names.map((n) => [n, rows.length === 0 ? null : rows.map((r) => r[n])]));
    process.stdout.write(JSON.stringify([columns]));
  } finally {
    wh.close();
  }
}
