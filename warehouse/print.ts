import { buildWarehouse } from "./build.ts";

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
