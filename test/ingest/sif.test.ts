import { expect, it } from "vitest";
import { describeWithCorpus } from "../support/sources.ts";
import { grades, parseFile, report } from "./support.ts";

// Values below were read from each report (checked against pdftotext -layout).
describeWithCorpus("SIF reports", () => {
  it("SIF with the LSCB review in the same report (Barnsley, published 8 August 2014)", async () => {
    const o = await parseFile(report("80426_barnsley/children's services inspection - 08 august 2014.pdf"));
    expect(o.outcome).toBe("ingested");
    expect(o.report).toMatchObject({ framework: "SIF", inspectionType: "standard", laCode: "370", start: "2014-06-02", end: "2014-06-25", published: "2014-08-08" });
    expect(o.kind).toBe("SIF standard + LSCB review");
    expect(grades(o)).toEqual({
      sif_overall: "requires improvement",
      sif_help_protection: "Requires improvement",
      sif_children_looked_after: "Requires improvement",
      sif_adoption: "Requires improvement",
      sif_care_leavers: "Good",
      sif_leadership: "Requires improvement",
      sif_lscb: "requires improvement",
    });
  });

  it("SIF without an LSCB review (Surrey, published 3 June 2015; its LSCB was reviewed separately)", async () => {
    const o = await parseFile(report("80567_surrey/children's services inspection - 03 june 2015.pdf"));
    expect(o.kind).toBe("SIF standard");
    expect(grades(o)).toEqual({
      sif_overall: "inadequate",
      sif_help_protection: "Inadequate",
      sif_children_looked_after: "Requires Improvement",
      sif_adoption: "Good",
      sif_care_leavers: "Requires Improvement",
      sif_leadership: "Inadequate",
    });
  });

  it("the separate LSCB review (Surrey, published 3 August 2015)", async () => {
    const o = await parseFile(report("80567_surrey/children's services inspection - 03 august 2015.pdf"));
    expect(o.report).toMatchObject({ framework: "SIF_LSCB", laCode: "936", start: "2015-06-15", end: "2015-06-17", published: "2015-08-03" });
    expect(grades(o)).toEqual({ sif_lscb: "requires improvement" });
  });

  it("an LSCB report appended to the SIF report in one file (Hull: LSCB on page 37)", async () => {
    const o = await parseFile(report("80477_kingston upon hull/single inspection of la children's services as pdf - 10 february 2015.pdf"));
    expect(o.report).toMatchObject({ framework: "SIF", laCode: "810", published: "2015-02-03" });
    expect(grades(o).sif_overall).toBe("require improvement");
    expect(o.report!.judgements.find((j) => j.code === "sif_lscb")).toEqual({ code: "sif_lscb", label: "requires improvement", page: 37 });
  });

  it("SIF re-inspection (Norfolk, published 19 January 2018)", async () => {
    const o = await parseFile(report("80418_norfolk/children's services inspection - 19 january 2018.pdf"));
    expect(o.report).toMatchObject({ framework: "SIF", inspectionType: "re-inspection", start: "2017-11-13", end: "2017-11-24" });
    expect(grades(o)).toEqual({
      sif_overall: "requires improvement to be good",
      sif_help_protection: "Requires improvement",
      sif_children_looked_after: "Requires improvement",
      sif_adoption: "Outstanding",
      sif_care_leavers: "Requires improvement",
      sif_leadership: "Requires improvement",
    });
  });
});
