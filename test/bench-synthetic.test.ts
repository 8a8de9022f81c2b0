import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { parseCsvText, readCsv } from "../lib/csv.ts";
import { buildWarehouse, type Warehouse } from "../warehouse/build.ts";
import { tables } from "../warehouse/tables.ts";
import { generateSynthetic, shiftIsoDate, type SyntheticCorpus } from "../bench/synthetic.ts";
import { benchWarehouse } from "../bench/warehouse.ts";

const fixtureDir = path.join(import.meta.dirname, "fixtures", "warehouse");

/**
 * The hand-worked warehouse fixture, plus a header-only file for any table the warehouse has gained
 * since it was written, and one report-themes row (theme "all" needs no taxonomy row) so that a
 * table keyed by inspection_id other than judgements is scaled too.
 */
function sourceCorpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-synthetic-src-"));
  fs.cpSync(fixtureDir, dir, { recursive: true });
  // Reference tables the fixture does not hold come from data/reference (warehouse/build.ts).
  for (const t of tables.filter((t) => !t.file.startsWith("reference/"))) {
    const file = path.join(dir, t.file);
    if (!fs.existsSync(file)) fs.writeFileSync(file, Object.keys((t.schema as z.ZodObject).shape).join(",") + "\n");
  }
  const themes = path.join(dir, "report-themes.csv");
  if (fs.existsSync(themes) && fs.readFileSync(themes, "utf8").trim().split("\n").length === 1) {
    fs.appendFileSync(themes, "928-sif-2016-05-10,all,summary,strength,3\n");
  }
  return dir;
}

describe("shiftIsoDate", () => {
  it("moves a date whole years later", () => {
    expect(shiftIsoDate("2016-05-10", 12)).toBe("2028-05-10");
  });
  it("keeps 29 February in a leap year and clamps it in a century year without one", () => {
    expect(shiftIsoDate("2016-02-29", 4)).toBe("2020-02-29");
    expect(shiftIsoDate("2096-02-29", 4)).toBe("2100-02-28");
    expect(shiftIsoDate("2396-02-29", 4)).toBe("2400-02-29");
  });
});

describe("synthetic corpus at 2x the hand-worked fixture", () => {
  let sourceDir: string;
  let outDir: string;
  let corpus: SyntheticCorpus;
  let real: Warehouse;
  let synthetic: Warehouse;

  beforeAll(async () => {
    sourceDir = sourceCorpus();
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-synthetic-"));
    corpus = generateSynthetic({ dataDir: sourceDir, outDir, factor: 2 });
    real = await buildWarehouse({ dataDir: sourceDir });
    synthetic = await buildWarehouse({ dataDir: outDir });
  });
  afterAll(() => {
    real?.close();
    synthetic?.close();
    for (const dir of [sourceDir, outDir]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("every file passes its schema", () => {
    for (const t of tables.filter((t) => fs.existsSync(path.join(outDir, t.file)))) {
      expect(() => readCsv(path.join(outDir, t.file), t.schema), t.file).not.toThrow();
    }
  });

  it("row counts scale by the factor; authorities stay the same", () => {
    // The fixture holds 5 authorities, 7 inspections, 11 judgements and 1 accounting row.
    expect(corpus.rows).toMatchObject({
      authorities: { real: 5, synthetic: 5 },
      inspections: { real: 7, synthetic: 14 },
      judgements: { real: 11, synthetic: 22 },
      ingest_accounting: { real: 1, synthetic: 2 },
    });
    expect(corpus.rows.report_themes!.real).toBeGreaterThan(0);
    expect(corpus.rows.report_themes!.synthetic).toBe(2 * corpus.rows.report_themes!.real);
    const dataTables = tables.filter((t) => !t.file.startsWith("reference/")).map((t) => t.table);
    expect(Object.keys(corpus.rows).sort()).toEqual(dataTables.sort());
  });

  it("every table keyed by inspection_id holds the originals' ids and the copy's", () => {
    const ids = (dir: string, file: string) =>
      new Set(parseCsvText(fs.readFileSync(path.join(dir, file), "utf8"), file).map((r) => r.inspection_id).filter(Boolean));
    for (const file of ["inspections.csv", "judgements.csv", "ingest-accounting.csv", "report-themes.csv"]) {
      const real = [...ids(sourceDir, file)];
      expect(real.length, file).toBeGreaterThan(0);
      expect([...ids(outDir, file)].sort(), file).toEqual([...real, ...real.map((id) => `${id}-x1`)].sort());
    }
  });

  it("shifts the copy by the fixture's span (2015-2023, nine years) rounded up to twelve", () => {
    expect(corpus.shiftYears).toBe(12);
    expect(corpus.lastYear).toBe(2035);
    const rows = readCsv(path.join(outDir, "inspections.csv"), tables.find((t) => t.table === "inspections")!.schema) as {
      inspection_id: string;
      start_date: string;
      end_date: string;
      published_date: string;
      source_file: string;
    }[];
    expect(rows.find((r) => r.inspection_id === "928-sif-2016-05-10-x1")).toMatchObject({
      start_date: "2028-03-01",
      end_date: "2028-03-24",
      published_date: "2028-05-10",
      source_file: "synthetic-x1/fixture/a.pdf",
    });
    expect(rows.find((r) => r.inspection_id === "928-sif-2016-05-10")).toMatchObject({ published_date: "2016-05-10" });
  });

  it("passes the warehouse build, and the views hold twice the facts", async () => {
    const count = async (wh: Warehouse, from: string) => (await wh.query<{ n: number }>(`SELECT count(*) AS n FROM ${from}`))[0]!.n;
    expect(await count(synthetic, "judgement_facts")).toBe(2 * (await count(real, "judgement_facts")));
    expect(await count(synthetic, "graded_inspections")).toBe(2 * (await count(real, "graded_inspections")));
    expect(await count(synthetic, "scheduling_inspections")).toBe(2 * (await count(real, "scheduling_inspections")));
  });

  it("the copy starts after the original: as at 2024 the latest grades are the fixture's own", async () => {
    const asAt = (wh: Warehouse, d: string) =>
      wh.query(`SELECT la_code, theme, inspection_id FROM latest_grade_as_at($d) ORDER BY la_code, theme`, { d });
    expect(await asAt(synthetic, "2024-01-01")).toEqual(await asAt(real, "2024-01-01"));
    const later = await asAt(synthetic, "2036-01-01");
    expect(later.find((r) => r.la_code === "940" && r.theme === "overall")).toMatchObject({ inspection_id: "940-ilacs-2023-02-01-x1" });
  });

  it("the bench times every view and the macro on it", async () => {
    const bench = await benchWarehouse(outDir, 1);
    // The fixture's first and last publications, 2015-03-02 and 2023-02-01, the last moved 12 years.
    expect(bench.representative).toMatchObject({ firstDate: "2015-03-02", lastDate: "2035-02-01" });
    expect(bench.queries.find((q) => q.name === "latest_grade_as_at")!.call).toBe("latest_grade_as_at(2035-02-01)");
    expect(bench.inspections).toBe(14);
    const names = bench.queries.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(["judgement_facts", "scheduling_intervals", "latest_grade_as_at"]));
    expect(bench.queries.filter((q) => q.error)).toEqual([]);
    expect(bench.queries.find((q) => q.name === "graded_inspections")!.rows).toBe(14);
  });
});
