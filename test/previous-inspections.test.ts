import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readCsv } from "../lib/csv.ts";
import { dataDir, referenceDir } from "../lib/paths.ts";
import { readStatedInspections, type Outputs } from "../loaders/previous-inspections/run.ts";
import { inspection as inspectionSchema } from "../schema/canonical.ts";
import { framework as frameworkSchema } from "../schema/reference.ts";
import { statedAccounting, statedInspection, statedJudgement, statedStatement } from "../schema/stated.ts";
import { buildWarehouse, type Warehouse } from "../warehouse/build.ts";
import { corpusDir, describeWithCorpus } from "./support/sources.ts";

describeWithCorpus("earlier SLAC, CPI and LAC outcomes read from later reports (real corpus)", () => {
  let out: Outputs;
  let wh: Warehouse;
  beforeAll(async () => {
    out = await readStatedInspections({ dataDir, referenceDir, sourcesDir: corpusDir });
    wh = await buildWarehouse();
  }, 120_000);
  afterAll(() => wh?.close());

  const stated = (la: string) => out.inspections.filter((i) => i.la_code === la);
  const gradeOf = (la: string, code: string, month: string) => {
    const i = stated(la).find((x) => x.stated_date === month);
    return out.judgements.find((j) => j.inspection_id === i?.inspection_id && j.judgement_code === code)?.grade_label.toLowerCase();
  };

  it("the committed CSVs are what the loader reads from the reports now", () => {
    expect(readCsv(path.join(dataDir, "stated-inspections.csv"), statedInspection)).toEqual(out.inspections);
    expect(readCsv(path.join(dataDir, "stated-judgements.csv"), statedJudgement)).toEqual(out.judgements);
    expect(readCsv(path.join(dataDir, "stated-statements.csv"), statedStatement)).toEqual(out.statements);
    expect(readCsv(path.join(dataDir, "stated-accounting.csv"), statedAccounting)).toEqual(out.accounting);
  });

  it("reads the sentences quoted in issue 11 as a reader would", () => {
    // Kent 2017: CPI January 2013 adequate; LAC August 2013 adequate, which is our own 2013 LAC report.
    expect(gradeOf("886", "cpi_overall", "2013-01")).toBe("adequate");
    const kentLac = out.statements.find((s) => s.la_code === "886" && s.framework === "LAC" && s.stated_date === "2013-08");
    expect(kentLac?.outcome).toBe("agrees_with_ours");
    expect(kentLac?.inspection_id).toBe("886-lac-2013-08-23");
    // Newham: both SLAC elements in November 2011, one inspection.
    const newham = stated("316").filter((i) => i.framework === "SLAC" && i.stated_date === "2011-11");
    expect(newham).toHaveLength(1);
    const newhamCodes = out.judgements.filter((j) => j.inspection_id === newham[0]!.inspection_id).map((j) => j.judgement_code);
    expect(newhamCodes.sort()).toEqual(["slac_lac_overall", "slac_sg_overall"]);
    // Barking and Dagenham: "good for safeguarding and adequate for services for looked after children" -> two rows.
    expect(gradeOf("301", "slac_sg_overall", "2012-07")).toBe("good");
    expect(gradeOf("301", "slac_lac_overall", "2012-07")).toBe("adequate");
    // Calderdale, February 2010: services adequate, safeguarding inadequate.
    expect(gradeOf("381", "slac_lac_overall", "2010-02")).toBe("adequate");
    expect(gradeOf("381", "slac_sg_overall", "2010-02")).toBe("inadequate");
  });

  it("every row is traceable to its quoting sentence and page", () => {
    for (const j of out.judgements) {
      expect(j.quote.length).toBeGreaterThan(20);
      expect(j.stated_page).toBeGreaterThan(0);
      expect(j.quote.toLowerCase()).toContain(j.grade_label.toLowerCase());
    }
  });

  it("accounts for every SIF, LAC and ILACS report once: extracted, ambiguous (why) or none", () => {
    const reports = readCsv(path.join(dataDir, "inspections.csv"), inspectionSchema).filter((i) => ["SIF", "LAC", "ILACS", "ILACS_2026"].includes(i.framework));
    expect(out.accounting.map((a) => a.inspection_id).sort()).toEqual(reports.map((r) => r.inspection_id).sort());
    for (const a of out.accounting) if (a.outcome !== "extracted") expect(a.reason).toBeTruthy();
    const sif = out.accounting.filter((a) => a.framework === "SIF");
    expect(sif.filter((a) => a.outcome === "extracted").length).toBeGreaterThanOrEqual(140);
  });

  it("two reports stating the same earlier inspection agree, or the conflict has a verdict", () => {
    const byInspection = new Map<string, typeof out.statements>();
    for (const s of out.statements) if (s.inspection_id && s.framework !== "LAC" && s.framework !== "SIF") byInspection.set(s.inspection_id + s.element, [...(byInspection.get(s.inspection_id + s.element) ?? []), s]);
    for (const claims of byInspection.values()) {
      const used = claims.find((c) => c.outcome === "used");
      if (!used) continue;
      for (const c of claims.filter((x) => x.grade_label && x.grade_label !== used.grade_label && x.outcome !== "ambiguous")) {
        expect(c.outcome).toBe("conflict_overruled");
        expect(c.reason).toContain(used.stating_inspection_id);
      }
    }
  });

  it("a stated outcome of an inspection we hold (LAC 2013, SIF) agrees with our own rows", () => {
    const compared = out.statements.filter((s) => s.outcome === "agrees_with_ours" || s.outcome === "disagrees_with_ours");
    expect(compared.length).toBeGreaterThan(0);
    expect(compared.filter((s) => s.outcome === "disagrees_with_ours")).toEqual([]);
  });

  it("every stated inspection falls inside its framework's dates", () => {
    const frameworks = new Map(readCsv(path.join(referenceDir, "frameworks.csv"), frameworkSchema).map((f) => [f.framework, f]));
    for (const i of out.inspections) {
      const f = frameworks.get(i.framework)!;
      const start = f.start_date!.slice(0, i.date_precision === "month" ? 7 : 4);
      const end = (f.end_date ?? "9999-12").slice(0, i.date_precision === "month" ? 7 : 4);
      expect(i.stated_date >= start && i.stated_date <= end, `${i.inspection_id} ${i.stated_date} outside ${i.framework} ${start}..${end}`).toBe(true);
    }
  });

  it("predecessor authorities have no report in the corpus that states their outcomes", () => {
    // Bournemouth, Poole, old Dorset, Northamptonshire, Cumbria: their own SIF reports are absent and
    // their successors' ILACS reports (2019-) state no SLAC or CPI outcome, so none are invented.
    const predecessors = ["835", "836", "837", "909", "928"];
    const reports = readCsv(path.join(dataDir, "inspections.csv"), inspectionSchema).filter((i) => predecessors.includes(i.la_code));
    expect(reports).toEqual([]);
    expect(out.inspections.filter((i) => predecessors.includes(i.la_code))).toEqual([]);
  });

  it("meets the issue's coverage: 135 authorities with a safeguarding outcome, 130 with a looked-after one", async () => {
    const las = (codes: string[]) => new Set(out.judgements.filter((j) => codes.includes(j.judgement_code)).map((j) => out.inspections.find((i) => i.inspection_id === j.inspection_id)!.la_code)).size;
    expect(las(["slac_sg_overall", "cpi_overall"])).toBeGreaterThanOrEqual(135);
    expect(las(["slac_lac_overall", "lac_overall"])).toBeGreaterThanOrEqual(130);
    const asAt = await wh.query<{ element: string; graded: number }>("SELECT * FROM pre_sif_element_coverage_as_at('2013-09-30')");
    for (const e of asAt) expect(e.graded, e.element).toBeGreaterThanOrEqual(125);
  });

  it("the warehouse counts stated inspections in the stock: overall grades held as at 2012-12-31", async () => {
    const [row] = await wh.query<{ graded: number }>(
      "SELECT count(*) FILTER (WHERE grade IS NOT NULL)::INTEGER AS graded FROM stock_authorities_as_at('2012-12-31') WHERE theme = 'overall'",
    );
    expect(row!.graded).toBeGreaterThanOrEqual(125);
  });
});
