import { describe, expect, it } from "vitest";
import type { Line } from "../../loaders/reports/lines.ts";
import { parseCpi } from "../../loaders/reports/parse-cpi.ts";
import { parseSlac } from "../../loaders/reports/parse-slac.ts";
import { loadReference } from "../../loaders/reports/reference.ts";
import { describeWithCorpus } from "../support/sources.ts";
import { grades, parseFile, report } from "./support.ts";

// Values read from each report's "Record of main findings" (checked against pdftotext -layout).
describeWithCorpus("looked after children inspections, 2012-13 (LAC)", () => {
  it("reads the record of main findings (Sandwell, published 2 August 2013; one grade on its own line)", async () => {
    const o = await parseFile(report("80549_sandwell/children's services inspection,  pdf - 02 august 2013.pdf"));
    expect(o.report).toMatchObject({ framework: "LAC", laCode: "333", start: "2013-06-24", end: "2013-06-28", published: "2013-08-02" });
    expect(grades(o)).toEqual({
      lac_overall: "Inadequate",
      lac_capacity: "Adequate",
      lac_outcomes: "Adequate",
      lac_quality_of_provision: "Inadequate",
      lac_leadership: "Inadequate",
    });
  });

  it("drops the numeric grade printed beside the label (Medway: \"Inadequate Grade 4\")", async () => {
    const o = await parseFile(report("80522_medway/children's services inspection,  pdf - 23 august 2013.pdf"));
    expect(grades(o)).toMatchObject({ lac_overall: "Inadequate", lac_capacity: "Adequate" });
  });
});

/*
 * The corpus holds no SLAC or CPI report (its four 2012 files are saved error pages), so these two
 * tests run the parsers on text laid out as those reports' "Record of main findings" tables are:
 * headings from seed 000 para 55 (SLAC) and seed 003 paras 28-33 (CPI). The grades are made up; the
 * tests check the mechanics (sections, wrapped labels, code mapping), not published values.
 */
const lines = (text: string): Line[] => text.split("\n").map((t) => ({ text: t, page: 30 }));

describe("SLAC and CPI parsers (constructed text, no real report available)", () => {
  const ref = loadReference();

  it("SLAC: both elements, overall and capacity each, with sub-grades", () => {
    const parsed = parseSlac(
      lines(`Record of main findings
Safeguarding services
Overall effectiveness\tAdequate
Capacity for improvement\tGood
Safeguarding outcomes for children and young people
Children and young people are safe: effectiveness of services in taking
reasonable steps to ensure that children and young people are safe\tAdequate
Quality of provision\tAdequate
Partnership working\tGood
Services for looked after children
Overall effectiveness\tGood
Capacity for improvement\tGood
How good are outcomes for looked after children and care leavers?
Being healthy\tOutstanding
Economic well-being\tAdequate`),
      ref,
    );
    expect(parsed.framework).toBe("SLAC");
    expect(Object.fromEntries(parsed.judgements.map((j) => [j.code, j.label]))).toEqual({
      slac_sg_overall: "Adequate",
      slac_sg_capacity: "Good",
      slac_sg_children_safe: "Adequate",
      slac_sg_quality_of_provision: "Adequate",
      slac_sg_partnerships: "Good",
      slac_lac_overall: "Good",
      slac_lac_capacity: "Good",
      slac_lac_being_healthy: "Outstanding",
      slac_lac_economic_wellbeing: "Adequate",
    });
  });

  it("CPI: the four judgements; an unknown grade label is quarantined", () => {
    const text = `Record of main findings
Overall effectiveness\tAdequate
Effectiveness of help and protection for children, young people and families\tInadequate
Quality of practice\tAdequate
Leadership and governance\tAdequate`;
    expect(Object.fromEntries(parseCpi(lines(text), ref).judgements.map((j) => [j.code, j.label]))).toEqual({
      cpi_overall: "Adequate",
      cpi_help_protection: "Inadequate",
      cpi_quality_of_practice: "Adequate",
      cpi_leadership: "Adequate",
    });
    expect(() => parseCpi(lines(text.replace("Quality of practice\tAdequate", "Quality of practice\tExcellent")), ref)).toThrow(/unknown grade label "Excellent"/);
  });
});
