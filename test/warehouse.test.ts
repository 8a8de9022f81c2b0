import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse, IntegrityError, type Warehouse } from "../warehouse/build.ts";
import { z } from "zod";
import { CsvError, readCsv } from "../lib/csv.ts";
import { dataDir, referenceDir } from "../lib/paths.ts";
import { gradeKey } from "../schema/reference.ts";

const fixtureDir = path.join(import.meta.dirname, "fixtures", "warehouse");

/** A copy of the fixture with one file's text changed, for the bad-input cases. */
function fixtureWith(file: string, edit: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warehouse-"));
  fs.cpSync(fixtureDir, dir, { recursive: true });
  const target = path.join(dir, file);
  fs.writeFileSync(target, edit(fs.readFileSync(target, "utf8")));
  return dir;
}

describe("warehouse views on a hand-worked fixture", () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await buildWarehouse({ dataDir: fixtureDir });
  });
  afterAll(() => wh.close());

  const overallAsAt = (date: string) =>
    wh.query<{ la_code: string; grade: number; inspection_id: string; inherited_from: string | null }>(
      `SELECT la_code, grade, inspection_id, inherited_from FROM latest_grade_as_at($d) WHERE theme = 'overall' ORDER BY la_code`,
      { d: date },
    );

  it("joins judgements to themes, authorities and the 1-4 scale, keeping the published label", async () => {
    const rows = await wh.query<{ grade_label: string; grade: number | null; theme: string }>(
      `SELECT grade_label, grade, theme FROM judgement_facts WHERE inspection_id = '928-ilacs-2019-08-01' ORDER BY judgement_order`,
    );
    expect(rows).toEqual([
      { grade_label: "Requires improvement to be good", grade: 3, theme: "overall" },
      { grade_label: "Requires  improvement to be good", grade: 3, theme: "help_protection" },
    ]);
  });

  it("latest overall grade as at 2020-01-01: the predecessor still exists, successors do not yet", async () => {
    expect(await overallAsAt("2020-01-01")).toEqual([
      { la_code: "301", grade: 2, inspection_id: "301-ilacs-2019-01-15", inherited_from: null },
      // Two reports published the same day: the later inspection end date wins.
      { la_code: "302", grade: 3, inspection_id: "302-sif-2017-06-01-2", inherited_from: null },
      { la_code: "928", grade: 3, inspection_id: "928-ilacs-2019-08-01", inherited_from: null },
    ]);
  });

  it("after the reorganisation the successors carry the predecessor's grade until their own report", async () => {
    expect(await overallAsAt("2021-06-01")).toEqual([
      { la_code: "301", grade: 2, inspection_id: "301-ilacs-2019-01-15", inherited_from: null },
      { la_code: "302", grade: 3, inspection_id: "302-sif-2017-06-01-2", inherited_from: null },
      { la_code: "940", grade: 3, inspection_id: "928-ilacs-2019-08-01", inherited_from: "928" },
      { la_code: "941", grade: 3, inspection_id: "928-ilacs-2019-08-01", inherited_from: "928" },
    ]);
    const onPublicationDay = await overallAsAt("2023-02-01");
    expect(onPublicationDay.find((r) => r.la_code === "940")).toMatchObject({ grade: 2, inherited_from: null });
    expect(onPublicationDay.find((r) => r.la_code === "941")).toMatchObject({ grade: 3, inherited_from: "928" });
  });

  it("is empty before any publication and ignores 'Not judged'", async () => {
    expect(await overallAsAt("2015-03-01")).toEqual([]);
    const hp = await wh.query<{ la_code: string; inspection_id: string }>(
      `SELECT la_code, inspection_id FROM latest_grade_as_at(DATE '2024-01-01') WHERE theme = 'help_protection' ORDER BY la_code`,
    );
    // 940's own report did not judge help and protection, so the predecessor's graded one stands.
    expect(hp).toEqual([
      { la_code: "940", inspection_id: "928-ilacs-2019-08-01" },
      { la_code: "941", inspection_id: "928-ilacs-2019-08-01" },
    ]);
  });

  it("keeps a theme from an earlier framework (LSCB) with the framework it came from", async () => {
    const rows = await wh.query<{ la_code: string; framework: string; grade: number }>(
      `SELECT la_code, framework, grade FROM latest_grade_as_at(DATE '2020-01-01') WHERE theme = 'lscb'`,
    );
    expect(rows).toEqual([{ la_code: "928", framework: "SIF", grade: 3 }]);
  });

  it("intervals pair each graded inspection with the previous one, across a framework change and a reorganisation", async () => {
    const rows = await wh.query<{
      inspection_id: string;
      prev_inspection_id: string | null;
      prev_overall_grade: number | null;
      days_between_publications: number | null;
    }>(
      `SELECT inspection_id, prev_inspection_id, prev_overall_grade,
              date_diff('day', prev_published_date, published_date) AS days_between_publications
       FROM scheduling_intervals ORDER BY inspection_id`,
    );
    expect(rows).toEqual([
      { inspection_id: "301-ilacs-2019-01-15", prev_inspection_id: "301-sif-2015-03-02", prev_overall_grade: 3, days_between_publications: 1415 },
      { inspection_id: "302-sif-2017-06-01-2", prev_inspection_id: "302-sif-2017-06-01", prev_overall_grade: 4, days_between_publications: 0 },
      { inspection_id: "928-ilacs-2019-08-01", prev_inspection_id: "928-sif-2016-05-10", prev_overall_grade: 4, days_between_publications: 1178 },
      { inspection_id: "940-ilacs-2023-02-01", prev_inspection_id: "928-ilacs-2019-08-01", prev_overall_grade: 3, days_between_publications: 1280 },
    ]);
  });
});

describe("warehouse build stops on bad input, naming the row", () => {
  it("an unknown grade label", async () => {
    const dir = fixtureWith("judgements.csv", (t) => t.replace("301-ilacs-2019-01-15,ilacs_overall,Good", "301-ilacs-2019-01-15,ilacs_overall,Very good"));
    const err = await buildWarehouse({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as Error).message).toContain('judgements.csv line 10: inspection 301-ilacs-2019-01-15: unknown grade label "Very good"');
  });

  it("an unknown authority", async () => {
    const dir = fixtureWith("inspections.csv", (t) => t.replace("301-sif-2015-03-02,301,", "301-sif-2015-03-02,999,"));
    const err = await buildWarehouse({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as Error).message).toContain("inspections.csv line 5: inspection 301-sif-2015-03-02: unknown authority la_code 999");
  });

  it("an unknown authority after a blank line and a value over two lines: the file's own line", async () => {
    const dir = fixtureWith("inspections.csv", (t) => {
      const [header, ...rows] = t.split("\n");
      return [header, "", ...rows].join("\n").replace("fixture/a.pdf", '"fixture/\na.pdf"').replace("301-sif-2015-03-02,301,", "301-sif-2015-03-02,999,");
    });
    const err = await buildWarehouse({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as Error).message).toContain("inspections.csv line 7: inspection 301-sif-2015-03-02: unknown authority la_code 999");
  });

  it("a framework that continues an unknown framework", async () => {
    const dir = fixtureWith("reference/frameworks.csv", (t) => t.replace("ILACS,ILACS,2018-01-01,,,,", "ILACS,ILACS,2018-01-01,,,ILACS_1999,"));
    const err = await buildWarehouse({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as Error).message).toContain("reference/frameworks.csv line 4: framework ILACS: continues unknown framework ILACS_1999");
  });

  it("a judgement from another framework and an unknown judgement code", async () => {
    const dir = fixtureWith("judgements.csv", (t) =>
      t.replace("301-sif-2015-03-02,sif_overall", "301-sif-2015-03-02,ilacs_overall").replace("302-sif-2017-06-01,sif_overall", "302-sif-2017-06-01,sif_made_up"),
    );
    const message = String(await buildWarehouse({ dataDir: dir }).catch((e: Error) => e.message));
    expect(message).toContain("line 9: inspection 301-sif-2015-03-02: judgement ilacs_overall belongs to framework ILACS, not the inspection's SIF");
    expect(message).toContain("line 11: inspection 302-sif-2017-06-01: unknown judgement_code sif_made_up");
  });

  it("a malformed CSV", async () => {
    const dir = fixtureWith("inspections.csv", (t) => t + '928-x,928,"SIF,standard\n');
    const err = await buildWarehouse({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvError);
    expect((err as Error).message).toMatch(/inspections\.csv: malformed CSV/);
  });

  it("a value that fails its schema", async () => {
    const dir = fixtureWith("inspections.csv", (t) => t.replace("2016-05-10,fixture/a.pdf", "10/05/2016,fixture/a.pdf"));
    const message = String(await buildWarehouse({ dataDir: dir }).catch((e: Error) => e.message));
    expect(message).toContain("inspections.csv: line 2, column published_date: expected a real calendar date as YYYY-MM-DD");
  });
});

describe("one grade-label key in SQL and in the loaders", () => {
  it("grade_key (warehouse/sql/tables/00_macros.sql) equals gradeKey (schema/reference.ts) on every label held and on awkward spacing", async () => {
    const held = [
      ...readCsv(path.join(dataDir, "judgements.csv"), z.object({ grade_label: z.string() })).map((r) => r.grade_label),
      ...readCsv(path.join(referenceDir, "grade-scale.csv"), z.object({ grade_label: z.string() })).map((r) => r.grade_label),
    ];
    const awkward = ["  Requires\timprovement to be good ", "GOOD", "Good\u00a0", "Inadequate\n", "requires  improvement", "\u2003Outstanding"];
    const labels = [...new Set([...held, ...awkward])];
    const wh = await buildWarehouse({ dataDir: fixtureDir });
    try {
      const rows = await wh.query<{ label: string; key: string }>(
        `SELECT label, grade_key(label) AS key FROM (SELECT unnest([${labels.map((l) => `'${l.replaceAll("'", "''")}'`).join(",")}]) AS label)`,
      );
      expect(rows).toHaveLength(labels.length);
      for (const r of rows) expect(r.key, JSON.stringify(r.label)).toBe(gradeKey(r.label));
    } finally {
      wh.close();
    }
  });
});
