import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { readCsv } from "../lib/csv.ts";
import { dataDir, projectRoot } from "../lib/paths.ts";
import { inspection, judgement } from "../schema/canonical.ts";

/** npm run export on the committed data: Parquet that reads back to the same rows, and the DuckDB file. */
describe("npm run export", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "export-"));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("writes every canonical table and main view as Parquet, and the warehouse file, which read back whole", async () => {
    const run = spawnSync(path.join(projectRoot, "node_modules", ".bin", "tsx"), ["scripts/export.ts", "--out", out], { cwd: projectRoot, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const instance = await DuckDBInstance.create(":memory:");
    const con = await instance.connect();
    const count = async (sql: string) => Number((await con.runAndReadAll(sql)).getRows()[0]![0]);
    // The warehouse's inspections and judgements are the published reports' rows plus the earlier
    // inspections later reports state (data/stated-*.csv): every one is in the Parquet.
    const published = readCsv(path.join(dataDir, "inspections.csv"), inspection).length;
    await con.run(`ATTACH '${out}/warehouse.duckdb' AS wh (READ_ONLY); USE wh`);
    expect(await count(`SELECT count(*) FROM inspections WHERE date_precision = 'day'`)).toBe(published);
    expect(await count(`SELECT count(*) FROM '${out}/inspections.parquet'`)).toBe(await count(`SELECT count(*) FROM inspections`));
    expect(await count(`SELECT count(*) FROM '${out}/judgements.parquet'`)).toBe(await count(`SELECT count(*) FROM judgements`));
    expect(await count(`SELECT count(*) FROM judgements`)).toBeGreaterThanOrEqual(readCsv(path.join(dataDir, "judgements.csv"), judgement).length);
    // The file is the whole warehouse: a macro answers the same as the exported view.
    const viaMacro = await count(`SELECT count(*) FROM latest_grade_as_at(DATE '2024-03-31') WHERE theme = 'overall'`);
    const viaParquet = await count(
      `SELECT count(*) FROM '${out}/latest_grade_intervals.parquet' WHERE theme = 'overall' AND valid_from <= DATE '2024-03-31' AND (valid_until IS NULL OR DATE '2024-03-31' < valid_until)`,
    );
    expect(viaMacro).toBeGreaterThan(140);
    expect(viaParquet).toBe(viaMacro);
    con.closeSync();
    instance.closeSync();
  });

  it("says what it needs when --out is missing, and prints usage for --help", () => {
    const missing = spawnSync(path.join(projectRoot, "node_modules", ".bin", "tsx"), ["scripts/export.ts"], { cwd: projectRoot, encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--out is required");
    const help = spawnSync(path.join(projectRoot, "node_modules", ".bin", "tsx"), ["scripts/export.ts", "--help"], { cwd: projectRoot, encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("usage: npm run export");
  });
});
