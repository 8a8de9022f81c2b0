import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataDir, projectRoot } from "../lib/paths.ts";
import { readOurRows, type OurRows } from "../loaders/cross-checks/common.ts";
import {
  checkVerdicts,
  compareD2i,
  d2iFile,
  isGradeField,
  readD2i,
  readD2iVerdicts,
  summarise,
  type D2iComparison,
  type D2iResult,
} from "../loaders/cross-checks/d2i.ts";
import { annexGradeCounts, checkKentVerdicts, compareKent, paperExceptions, paperGrade, readKentInputs, readKentVerdicts } from "../loaders/cross-checks/kent.ts";
import { crossCheckOutputs, runCrossChecks } from "../loaders/cross-checks/report.ts";
import { defaultCacheDir, readCached } from "../loaders/reports/cache.ts";
import type { D2iRow, D2iVerdict } from "../schema/cross-checks.ts";
import { buildWarehouse, type Warehouse } from "../warehouse/build.ts";
import { corpusDir, describeWithCorpus } from "./support/sources.ts";

const verdictsDir = path.join(dataDir, "cross-checks");
const ours = readOurRows(dataDir);
const short = (c: { source_file: string; field: string }) => `${c.source_file.replace(/^ofsted-reports\/\d+_/, "").replace("children's services inspection - ", "")} ${c.field}`;

describe("d2i comparison rules (constructed rows)", () => {
  const insp = (id: string, framework: string, file: string) => ({
    inspection_id: id, la_code: "999", framework, inspection_type: "short", start_date: "2024-01-08", end_date: "2024-01-12",
    published_date: "2024-02-20", source_file: `ofsted-reports/1_x/${file}`, source_sha256: "0".repeat(64), report_url: null,
  });
  const rows: OurRows = {
    ...ours,
    inspections: [insp("a", "ILACS", "a.pdf"), insp("b", "ILACS_2026", "b.pdf"), insp("c", "SIF", "c.pdf")],
    judgements: [
      ["a", "ilacs_overall", "Requires improvement to be good"], ["a", "ilacs_leaders", "Good"], ["a", "ilacs_help_protection", "Good"],
      ["a", "ilacs_children_in_care", "Good"], ["b", "ilacs26_leaders", "Good"], ["b", "ilacs26_help_protection", "Good"],
      ["b", "ilacs26_children_in_care", "Good"], ["b", "ilacs26_care_leavers", "Outstanding"], ["c", "sif_overall", "good"],
    ].map(([inspection_id, judgement_code, grade_label]) => ({ inspection_id: inspection_id!, judgement_code: judgement_code!, grade_label: grade_label!, source: "x" })),
    accounting: [],
  };
  const d2i = (file: string, o: Partial<D2iRow>): D2iRow => ({
    urn: "1", local_authority: "x", inspection_link: "", pdf_filename: file, publication_date: "20/02/24", inspection_framework: "short",
    inspector_name: "", inspection_start_date: "08/01/2024", inspection_end_date: "12/01/2024", overall_effectiveness_grade: "requires improvement",
    impact_of_leaders_grade: "good", help_and_protection_grade: "good", in_care_grade: "good", care_leavers_grade: "inspection_pre_dates_judgement",
    parser_version: "1", ...o,
  });
  const outcome = (r: D2iResult, file: string, field: string) => r.comparisons.find((c) => c.source_file.endsWith(file) && c.field === field)?.outcome;

  it("agrees on the 1-4 scale, counts label-only differences apart, and honours the absence markers", () => {
    const r = compareD2i([d2i("a.pdf", {}), d2i("b.pdf", { overall_effectiveness_grade: "not_reported_post_reform", care_leavers_grade: "outstanding" })], rows);
    expect(r.comparisons.filter((c) => c.outcome === "disagree")).toEqual([]);
    expect(outcome(r, "a.pdf", "overall_effectiveness_grade")).toBe("label_only");
    expect(outcome(r, "a.pdf", "care_leavers_grade")).toBe("agree");
    expect(outcome(r, "b.pdf", "overall_effectiveness_grade")).toBe("agree");
    expect(r.comparisons.filter((c) => isGradeField(c.field))).toHaveLength(10);
  });

  it("counts blanks on an ILACS report, labels off the scale, a wrong marker and a wrong framework as disagreements", () => {
    const r = compareD2i(
      [
        d2i("a.pdf", { overall_effectiveness_grade: "", help_and_protection_grade: "to requires improvement", care_leavers_grade: "good", inspection_end_date: "" }),
        d2i("b.pdf", { care_leavers_grade: "inspection_pre_dates_judgement", overall_effectiveness_grade: "good" }),
        d2i("c.pdf", {
          inspection_framework: "standard", inspection_start_date: "", inspection_end_date: "", overall_effectiveness_grade: "",
          impact_of_leaders_grade: "data_unreadable", help_and_protection_grade: "data_unreadable", in_care_grade: "data_unreadable",
        }),
      ],
      rows,
    );
    const disagreements = r.comparisons.filter((c) => c.outcome === "disagree").map((c) => `${c.source_file.slice(-5)} ${c.field}`);
    expect(disagreements.sort()).toEqual([
      "a.pdf care_leavers_grade", "a.pdf help_and_protection_grade", "a.pdf inspection_end_date", "a.pdf overall_effectiveness_grade",
      "b.pdf care_leavers_grade", "b.pdf overall_effectiveness_grade", "c.pdf inspection_framework",
    ]);
    // The SIF report's data_unreadable grades and blank dates hold nothing.
    expect(r.comparisons.filter((c) => c.source_file.endsWith("c.pdf")).map((c) => c.field).sort()).toEqual(["inspection_framework", "publication_date"]);
  });

  it("holds verdicts to the comparison: stale rows, unfixed ours_wrong_fixed rows and disagreements without a verdict", () => {
    const cs: D2iComparison[] = [
      { source_file: "f", field: "in_care_grade", theirs: "good", ours: "Good", outcome: "agree" },
      { source_file: "f", field: "care_leavers_grade", theirs: "good", ours: "Outstanding", outcome: "disagree" },
      { source_file: "g", field: "in_care_grade", theirs: "good", ours: "Inadequate", outcome: "disagree" },
    ];
    const v = (o: Partial<D2iVerdict>): D2iVerdict => ({ source_file: "f", field: "in_care_grade", theirs: "good", ours: "Requires improvement", verdict: "ours_wrong_fixed", evidence: "p1 table: quoted here", ...o });
    const check = checkVerdicts(cs, [
      v({}),
      v({ field: "care_leavers_grade", ours: "Good", verdict: "theirs_wrong" }),
      v({ source_file: "g", ours: "Inadequate" }),
    ]);
    expect(check.stale.map((x) => x.field)).toEqual(["care_leavers_grade"]);
    expect(check.unfixed.map((x) => x.source_file)).toEqual(["g"]);
    expect(check.withoutVerdict.map((c) => `${c.source_file} ${c.field}`)).toEqual(["f care_leavers_grade", "g in_care_grade"]);
    const [fixedRow] = summarise(cs, [v({})]);
    expect(fixedRow).toMatchObject({ field: "in_care_grade", agreements: 1, ours_wrong_fixed: 1, disagreements: 1, without_verdict: 1 });
  });
});

describeWithCorpus("ILACS grades and dates against the Data to Insight scrape", () => {
  let result: D2iResult;
  let verdicts: D2iVerdict[];
  beforeAll(() => {
    result = compareD2i(readD2i(d2iFile(corpusDir)), ours);
    verdicts = readD2iVerdicts(path.join(verdictsDir, "d2i-verdicts.csv"));
  });
  const disagreements = () => result.comparisons.filter((c) => c.outcome === "disagree");

  it("joins all 497 scrape rows to our files: 493 ingested reports and the four quarantined 2012 HTML pages", () => {
    expect(result.rows).toBe(497);
    expect(result.notIngested.map((x) => x.source_file.split("/")[1]).sort()).toEqual([
      "80429_birmingham", "80431_blackpool", "80490_bromley", "80543_rotherham",
    ]);
    expect(result.notIngested.every((x) => x.outcome === "quarantined")).toBe(true);
    expect(result.missingFromTheirs).toEqual([]);
  });

  it("compares five grades on each of the 321 ILACS reports (310 ILACS, 11 ILACS from April 2026)", () => {
    const grades = result.comparisons.filter((c) => isGradeField(c.field));
    expect(new Set(grades.map((c) => c.source_file)).size).toBe(321);
    expect(grades).toHaveLength(1605);
  });

  it("finds exactly the grade disagreements established by reading the reports", () => {
    expect(disagreements().filter((c) => isGradeField(c.field)).map(short).sort()).toEqual([
      "nottingham/05 september 2022.pdf care_leavers_grade",
      "nottingham/07 january 2019.pdf help_and_protection_grade",
      "nottingham/07 january 2019.pdf overall_effectiveness_grade",
      "oxfordshire/22 may 2018.pdf in_care_grade",
      "redcar and cleveland/22 september 2022.pdf care_leavers_grade",
      "rochdale/12 march 2018.pdf in_care_grade",
      "southend-on-sea/27 august 2019.pdf help_and_protection_grade",
      "southend-on-sea/27 august 2019.pdf overall_effectiveness_grade",
      "st helens/04 september 2023.pdf care_leavers_grade",
      "st helens/04 september 2023.pdf help_and_protection_grade",
      "st helens/04 september 2023.pdf in_care_grade",
    ]);
  });

  it("St Helens 2023: the scrape has three grades one row up", () => {
    const sh = Object.fromEntries(
      result.comparisons.filter((c) => c.source_file.includes("80560_st helens") && c.source_file.includes("2023")).map((c) => [c.field, [c.theirs, c.ours]]),
    );
    expect(sh.impact_of_leaders_grade).toEqual(["good", "Good"]);
    expect(sh.help_and_protection_grade).toEqual(["good", "Requires improvement to be good"]);
    expect(sh.in_care_grade).toEqual(["requires improvement", "Good"]);
    expect(sh.care_leavers_grade).toEqual(["good", "Outstanding"]);
  });

  it("finds the date and framework disagreements: blanks, split fieldwork, printed publication dates, Doncaster 2018", () => {
    const other = disagreements().filter((c) => !isGradeField(c.field));
    expect(other.filter((c) => c.field === "inspection_end_date" && c.theirs !== "").map(short).sort()).toEqual([
      "derbyshire/19 september 2019.pdf inspection_end_date",
      "devon/13 may 2025.pdf inspection_end_date",
      "south tyneside/10 may 2023.pdf inspection_end_date",
    ]);
    expect(other.filter((c) => c.theirs === "")).toHaveLength(6);
    expect(other.filter((c) => c.field === "publication_date")).toHaveLength(6);
    expect(other.filter((c) => c.field === "inspection_framework").map((c) => [c.theirs, c.ours])).toEqual([["standard", "SIF re-inspection"]]);
  });

  it("every disagreement has a verdict, no verdict row is stale, none is ours_wrong unfixed", () => {
    const check = checkVerdicts(result.comparisons, verdicts);
    expect(check.withoutVerdict.map(short)).toEqual([]);
    expect(check.stale.map(short)).toEqual([]);
    expect(check.unfixed.map(short)).toEqual([]);
    expect(new Set(verdicts.map((v) => `${v.source_file}/${v.field}`)).size).toBe(verdicts.length);
  });

  it("verdicts: 21 theirs wrong (all 11 grade disagreements among them), 6 ambiguous publication dates, no ours wrong", () => {
    const count = (kind: string) => verdicts.filter((v) => v.verdict === kind).length;
    expect([count("theirs_wrong"), count("ambiguous"), count("ours_wrong_fixed")]).toEqual([21, 6, 0]);
    expect(verdicts.filter((v) => isGradeField(v.field)).every((v) => v.verdict === "theirs_wrong")).toBe(true);
    expect(verdicts.filter((v) => v.verdict === "ambiguous").every((v) => v.field === "publication_date")).toBe(true);
  });

  it("agreement on ILACS grades is 100% after the verdicts", () => {
    const grades = summarise(result.comparisons, verdicts).find((r) => r.field === "all ILACS grades")!;
    expect(grades.compared).toBe(1605);
    expect(grades.disagreements).toBe(11);
    expect(grades.without_verdict).toBe(0);
    expect((grades.agreements + grades.theirs_wrong + grades.ambiguous) / grades.compared).toBe(1);
  });

  it("label-only differences are every other 'requires improvement to be good' of ours, against their 'requires improvement'", () => {
    const labelOnly = result.comparisons.filter((c) => c.outcome === "label_only");
    expect(labelOnly.every((c) => c.theirs === "requires improvement" && /^requires improvement to be good$/i.test(c.ours))).toBe(true);
    const ilacsIds = new Set(ours.inspections.filter((i) => i.framework.startsWith("ILACS")).map((i) => i.inspection_id));
    const ourRitbg = ours.judgements.filter((j) => ilacsIds.has(j.inspection_id) && /^requires improvement to be good$/i.test(j.grade_label)).length;
    // Five of ours are in the disagreements: Nottingham and Southend 2019 (two each), St Helens 2023 (one).
    expect(labelOnly).toHaveLength(ourRitbg - 5);
  });

  it("the report text bears out our grade in every grade verdict", () => {
    const rowText: Record<string, string> = {
      overall_effectiveness_grade: "overall effectiveness",
      impact_of_leaders_grade: "practice with children and families",
      help_and_protection_grade: "children who need help and protection",
      in_care_grade: "children in care( and care leavers)?",
    };
    const byFile = new Map(ours.inspections.map((i) => [i.source_file, i]));
    for (const v of verdicts.filter((x) => isGradeField(x.field))) {
      const cached = readCached(defaultCacheDir, byFile.get(v.source_file)!.source_sha256);
      expect(cached?.ok, v.source_file).toBe(true);
      const page1 = (cached as { pages: string[] }).pages[0]!.replace(/\s+/g, " ").toLowerCase();
      if (v.field === "care_leavers_grade" && v.ours === "") {
        expect(page1, short(v)).not.toMatch(/progress of care leavers/);
        expect(page1, short(v)).toMatch(/children in care and care leavers/);
      } else {
        const label = v.field === "care_leavers_grade" ? "progress of care leavers" : rowText[v.field]!;
        expect(page1, short(v)).toMatch(new RegExp(`${label} ${v.ours.toLowerCase()}`));
      }
    }
  });
});

describe("seed 004 Annex 1 against our SIF reports", () => {
  const inputs = readKentInputs(dataDir);
  const result = compareKent(inputs, ours);
  const verdicts = readKentVerdicts(path.join(verdictsDir, "kent-annex1-verdicts.csv"));

  it("reads the paper's grade phrases, including Bradford's 'Good CIC'", () => {
    expect(paperGrade(ours.gradeScale, "Requires Improvement")).toBe(3);
    expect(paperGrade(ours.gradeScale, "Good CIC")).toBe(2);
    expect(paperExceptions(ours.gradeScale, "Adoption: Outstanding; Care Leavers: Requires Improvement")).toEqual(["adoption:1", "care_leavers:3"]);
    expect(paperExceptions(ours.gradeScale, "Child Protection, Care Leavers, Leadership & Management: Good")).toEqual([
      "care_leavers:2", "help_protection:2", "leadership:2",
    ]);
  });

  it("the paper's window holds the first SIF report of 32 of its 33 authorities and no other", () => {
    expect(inputs.window).toEqual({ from: "2013-11-01", to: "2014-10-31" });
    expect(result.rows.filter((r) => r.inspection_id === null).map((r) => r.authority)).toEqual(["Bournemouth"]);
    expect(result.notInAnnex).toEqual([]);
    const swindon = result.rows.find((r) => r.authority === "Swindon")!;
    expect([swindon.inspection_id, swindon.published_date]).toEqual(["866-sif-2014-05-23", "2014-05-23"]);
  });

  it("Annex 1's own columns sum to 0/9/18/6 overall (as section 5) and 0/11/15/7 LSCB (section 5: 0/11/15/6)", () => {
    expect(annexGradeCounts(ours.gradeScale, inputs.annex, "overall_as_published")).toEqual([0, 9, 18, 6]);
    expect(annexGradeCounts(ours.gradeScale, inputs.annex, "lscb_as_published")).toEqual([0, 11, 15, 7]);
  });

  it("overall and LSCB agree for all 32; exceptions differ for the five where the paper omits sub-judgements sharing their parent's grade", () => {
    const failing = (field: string) => result.fields.filter((f) => f.field === field && !f.agrees).map((f) => f.authority);
    expect(result.fields.filter((f) => f.field === "overall")).toHaveLength(32);
    expect(failing("overall")).toEqual([]);
    expect(failing("lscb")).toEqual([]);
    expect(failing("exceptions")).toEqual(["Bolton", "Bradford", "Coventry", "Knowsley", "Portsmouth"]);
    expect(result.fields.find((f) => f.authority === "Bolton" && f.field === "exceptions")!.ours).toBe("Children in Care, Adoption, Care Leavers: Good");
  });

  it("every disagreement is explained, none stale", () => {
    const check = checkKentVerdicts(result.fields, verdicts);
    expect(check).toEqual({ withoutVerdict: [], stale: [], unfixed: [] });
    expect(verdicts.map((v) => `${v.authority} ${v.verdict}`)).toEqual([
      "Bolton paper_convention", "Bournemouth not_in_corpus", "Bradford paper_convention",
      "Coventry paper_convention", "Knowsley paper_convention", "Portsmouth paper_convention",
    ]);
    const stale = checkKentVerdicts(result.fields, [{ ...verdicts[0]!, field: "lscb" }]);
    expect(stale.stale).toHaveLength(1);
  });
});

describe("seed 004 section 5 figures recomputed (view national_figures_check)", () => {
  let wh: Warehouse;
  let byId: Map<string, { published: number; computed: number; agrees: boolean }>;
  beforeAll(async () => {
    wh = await buildWarehouse();
    const rows = await wh.query<{ figure_id: string; published: number; computed: number; agrees: boolean }>("SELECT * FROM national_figures_check");
    byId = new Map(rows.map((r) => [r.figure_id, r]));
  });
  afterAll(() => wh?.close());
  const computed = (ids: string[]) => ids.map((id) => byId.get(id)?.computed);

  // Annex 1 without Bournemouth (requires improvement overall and LSCB), whose report the corpus lacks.
  it("counts 0/9/17/6 overall and 0/11/14/7 LSCB in 32 first SIF reports", () => {
    expect(byId.size).toBe(16);
    expect(computed(["sif_overall_outstanding", "sif_overall_good", "sif_overall_requires_improvement", "sif_overall_inadequate", "sif_overall_total"])).toEqual([0, 9, 17, 6, 32]);
    expect(computed(["sif_lscb_outstanding", "sif_lscb_good", "sif_lscb_requires_improvement", "sif_lscb_inadequate", "sif_lscb_total"])).toEqual([0, 11, 14, 7, 32]);
  });

  it("shares: 23 of 32 and 21 of 32 not good, 32 of 152 authorities inspected", () => {
    expect(computed(["sif_overall_not_good_pct", "sif_lscb_not_good_pct", "sif_authorities_inspected_pct"])).toEqual([71.9, 65.6, 21.1]);
    expect(byId.get("sif_overall_not_good_pct")!.agrees).toBe(false);
  });

  it("seven inspected but unpublished (paragraph 4.8's six and Surrey); 39 started in the window projects 152/39 years", () => {
    expect(byId.get("sif_inspected_unpublished")!.computed).toBe(7);
    expect(byId.get("sif_projected_cycle_years_min")!.computed).toBe(Math.round((10 * 152 * (365 / 365.25)) / 39) / 10);
    expect([byId.get("sif_projected_cycle_years_min")!.agrees, byId.get("sif_projected_cycle_years_max")!.agrees]).toEqual([true, true]);
  });
});

describeWithCorpus("committed cross-check outputs", () => {
  it("are what loaders/cross-checks/cli.ts writes now (re-run it if not)", async () => {
    const outputs = crossCheckOutputs(await runCrossChecks({ dataDir, sourcesDir: corpusDir }));
    for (const [file, text] of Object.entries(outputs)) {
      expect(fs.readFileSync(path.join(projectRoot, file), "utf8"), file).toBe(text);
    }
  });
});
