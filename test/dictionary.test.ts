import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../lib/paths.ts";
import { buildWarehouse, type Warehouse } from "../warehouse/build.ts";
import { dataDictionary, viewDefinitions } from "../warehouse/dictionary.ts";

describe("docs/warehouse-views.md", () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await buildWarehouse();
  });
  afterAll(() => wh.close());

  it("is what the warehouse's views generate now (run npm run docs:views after changing a view)", async () => {
    const committed = fs.readFileSync(path.join(projectRoot, "docs", "warehouse-views.md"), "utf8");
    expect(committed).toBe(await dataDictionary(wh));
  });

  it("lists every view and macro the warehouse has, each with a header comment", async () => {
    const defined = viewDefinitions();
    const inDb = await wh.query<{ name: string }>(
      `SELECT view_name AS name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'
       UNION SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_type IN ('macro', 'table_macro') AND schema_name = 'main' AND NOT internal`,
    );
    expect(defined.map((d) => d.name).sort()).toEqual(inDb.map((r) => r.name).sort());
    expect(defined.filter((d) => d.comment === "").map((d) => d.name)).toEqual([]);
  });
});
