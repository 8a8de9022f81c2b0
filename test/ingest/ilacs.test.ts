import { expect, it } from "vitest";
import { describeWithCorpus } from "../support/sources.ts";
import { grades, parseFile, report } from "./support.ts";

// Values below were read from page 1 of each report (checked against pdftotext -layout).
describeWithCorpus("ILACS reports", () => {
  it("before January 2023: children in care and care leavers judged together (Birmingham, Dec 2018)", async () => {
    const o = await parseFile(report("80429_birmingham/children's services inspection - 17 january 2019.pdf"));
    expect(o.outcome).toBe("ingested");
    expect(o.report).toMatchObject({ framework: "ILACS", laCode: "330", start: "2018-12-03", end: "2018-12-14", published: "2019-01-17", inspectionType: "standard" });
    expect(grades(o)).toEqual({
      ilacs_leaders: "Requires improvement to be good",
      ilacs_help_protection: "Requires improvement to be good",
      ilacs_children_in_care: "Requires improvement to be good",
      ilacs_overall: "Requires improvement to be good",
    });
    expect(o.report!.judgements.every((j) => j.page === 1)).toBe(true);
  });

  it("from January 2023: care leavers judged separately (St Helens, July 2023)", async () => {
    const o = await parseFile(report("80560_st helens/children's services inspection - 04 september 2023.pdf"));
    expect(o.report).toMatchObject({ framework: "ILACS", laCode: "342", start: "2023-07-10", end: "2023-07-21" });
    expect(grades(o)).toEqual({
      ilacs_leaders: "Good",
      ilacs_help_protection: "Requires improvement to be good",
      ilacs_children_in_care: "Good",
      ilacs_care_leavers: "Outstanding",
      ilacs_overall: "Good",
    });
  });

  it("from April 2026: no overall effectiveness judgement (Blackpool, June 2026)", async () => {
    const o = await parseFile(report("80431_blackpool/children's services inspection - 28 july 2026.pdf"));
    expect(o.report).toMatchObject({ framework: "ILACS_2026", laCode: "890", start: "2026-06-08", end: "2026-06-19" });
    expect(grades(o)).toEqual({
      ilacs26_leaders: "Outstanding",
      ilacs26_help_protection: "Good",
      ilacs26_children_in_care: "Outstanding",
      ilacs26_care_leavers: "Outstanding",
    });
  });

  it("inspected before April 2026 but published after: still ILACS with overall effectiveness, short (Norfolk, Feb 2026)", async () => {
    const o = await parseFile(report("80418_norfolk/children's services inspection - 18 may 2026.pdf"));
    expect(o.report).toMatchObject({ framework: "ILACS", inspectionType: "short", start: "2026-02-23", end: "2026-02-27" });
    expect(grades(o).ilacs_overall).toBe("Outstanding");
    expect(Object.keys(grades(o))).toHaveLength(5);
  });
});
