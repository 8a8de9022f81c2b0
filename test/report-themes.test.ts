import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsvText, readCsv, writeCsvAtomic } from "../lib/csv.ts";
import { projectRoot, referenceDir } from "../lib/paths.ts";
import { reportThemeCount, splitTerms, themeLabel } from "../schema/report-themes.ts";
import { sha256 } from "../loaders/reports/cache.ts";
import { type Section, splitSections } from "../loaders/report-themes/sections.ts";
import { SNIPPET_MAX, clip, cuePolarity, listHeadings, passagePolarity, tagSections, themesIn } from "../loaders/report-themes/tag.ts";
import { loadTaxonomy } from "../loaders/report-themes/themes.ts";
import { labelsFile, predictLabelled, score } from "../loaders/report-themes/evaluate.ts";
import { independentFiles, independentLabels, polarityAgreement, sampledReport, sampledReports, wilson } from "../loaders/report-themes/evaluate-independent.ts";
import { type Candidate, drawSample } from "../loaders/report-themes/sample.ts";
import { itemRounds, itemUnits, tagItems } from "../loaders/report-themes/evaluate-items.ts";
import { readReportTexts } from "../loaders/report-themes/text.ts";
import { runReportThemes } from "../loaders/report-themes/run.ts";
import { buildWarehouse, type Warehouse } from "../warehouse/build.ts";
import { type AuthorityThemeReport, reportAsAt } from "../src/components/authority-themes.ts";
import { corpusDir, describeWithCorpus, describeWithSeeds, seedText } from "./support/sources.ts";

const { themes, compiled } = loadTaxonomy();
const ids = (text: string) => themesIn(text, compiled).map((h) => h.theme);

describe("the theme taxonomy (data/reference/report-themes.csv)", () => {
  it("has the themes issue 8 lists, in order, each citing seed 004 or seed 002", () => {
    expect(themes.map((t) => t.theme_id)).toEqual([
      "multi_agency", "early_help", "practice_quality", "management_oversight", "permanence", "care_leavers",
      "missing_exploitation", "legal_cafcass", "leadership", "challenge_iro", "audit_performance", "caseloads_drift",
      "workforce", "camhs", "education_vs", "voice_child", "lscb", "health_in_care", "risk_cp",
    ]);
    expect(themes.map((t) => t.sort_order)).toEqual(themes.map((_, i) => i + 1));
    for (const t of themes) expect(t.source).toMatch(/^seed 00[24] \(/);
  });

  it("splits terms at top-level bars only, so a term can hold its own alternatives", () => {
    expect(splitTerms("caseloads?|partner agenc(y|ies)|[a|b]x")).toEqual(["caseloads?", "partner agenc(y|ies)", "[a|b]x"]);
  });

  it("the page names one evidence file per theme", () => {
    const page = fs.readFileSync(path.join(projectRoot, "src", "themes.md"), "utf8");
    const named = [...page.matchAll(/FileAttachment\("data\/site\/themes-snippets-(\w+)\.json"\)/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(themes.map((t) => t.theme_id).sort());
  });
});

describeWithSeeds("the taxonomy's citations", () => {
  const flat = (s: string) => s.replace(/[‘’]/g, "'").replace(/[–-]/g, "-").replace(/\s+/g, " ").toLowerCase();
  it("every quoted passage is in the seed it cites", () => {
    const seeds = { "002": flat(seedText("002")), "004": flat(seedText("004")) };
    let checked = 0;
    for (const t of themes) {
      for (const part of t.source.split(/; (?=seed)/)) {
        const seed = /^seed (00[24])/.exec(part)![1] as "002" | "004";
        // A quote opens after a space or bracket and closes before one (apostrophes inside words are not quotes).
        for (const [, quote] of part.matchAll(/(?<=^|[\s(])'(.+?)'(?=[\s),;]|$)/g)) {
          for (const piece of quote!.split(" ... ")) {
            expect(seeds[seed].includes(flat(piece)), `${t.theme_id}: "${piece}" in seed ${seed}`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe("tagging passages", () => {
  it("finds themes by their terms, and not by look-alikes", () => {
    expect(ids("Improve the recruitment and retention of social workers.")).toEqual(["workforce"]);
    expect(ids("Recruitment of adopters is slow.")).not.toContain("workforce");
    expect(ids("The response to children living in private fostering arrangements.")).not.toContain("permanence");
    expect(ids("Sufficiency of foster carers for older children.")).toContain("permanence");
    expect(ids("The impact of parental mental health on children.")).not.toContain("camhs");
    expect(ids("Timely access to child and adolescent mental health services.")).toContain("camhs");
    expect(ids("Escalate the case to a higher level of intervention.")).not.toContain("challenge_iro");
    expect(ids("Independent reviewing officers’ challenge to drift.")).toEqual(expect.arrayContaining(["challenge_iro", "caseloads_drift"]));
    expect(ids("Reduce social workers’ caseloads in the MASH.")).toEqual(["multi_agency", "caseloads_drift"]);
  });

  it("follows the readers' rules: what is asked, not who does it or for whom (extension-adjudication.md)", () => {
    // T2: senior managers doing casework oversight is management oversight, not leadership.
    expect(ids("The robustness of senior management oversight of plans.")).not.toContain("leadership");
    expect(ids("Senior managers should make sure that partners share information.")).not.toContain("leadership");
    // T3: leaders' understanding of performance is self-awareness.
    expect(ids("Senior leaders’ understanding of the quality of social work practice.")).toContain("leadership");
    // T1: care leavers as the population of a health-history item.
    expect(ids("Support to enable care leavers to understand their health histories.")).toEqual(["health_in_care"]);
    // Attendance at meetings is not school attendance; care leavers' EET is not education.
    expect(ids("Attendance of partners at strategy meetings.")).not.toContain("education_vs");
    expect(ids("Reduce the number of care leavers not in education, employment or training.")).not.toContain("education_vs");
    // Drift without the word.
    expect(ids("Chairs identify when progress is not being made for children.")).toContain("caseloads_drift");
    expect(ids("The analysis of return home interviews.")).toContain("audit_performance");
  });

  it("follows the third sample's rules (extension2-adjudication.md) on items quoted there", () => {
    // U1: children at home on a care order are the population; the decisions about where they live are permanence.
    const f04 = ids("The pace of reviews and decisions for children who live at home and who are subject to care orders.");
    expect(f04).toEqual(expect.arrayContaining(["permanence", "caseloads_drift"]));
    expect(f04).not.toContain("legal_cafcass");
    expect(ids("Review all arrangements when children are placed with parents to ensure that these are appropriate and that children are not unnecessarily made subject to a care order.")).toEqual(expect.arrayContaining(["legal_cafcass", "permanence"]));
    // U2(a): monitoring of services to know the quality of practice is quality assurance.
    expect(ids("Management oversight and monitoring of services, including in pre-proceedings, to ensure that there is sufficient grip on the quality of practice.")).toContain("audit_performance");
    // U3: edge-of-care support is not early help.
    expect(ids("Support for children and families on the edge of care which is timely, responsive and effective.")).not.toContain("early_help");
    // The guide: homeless 16- and 17-year-olds are in no theme; T1 extended: care leavers as the population of mental health support.
    expect(ids("The consistency of making children aged 16 and 17 years old who present as homeless aware of their rights and entitlements.")).toEqual([]);
    expect(ids("Timely access and support for care leavers in relation to their mental health.")).toEqual(["camhs"]);
    expect(ids("Enable care leavers to have access to good physical and emotional health services.")).toContain("care_leavers");
  });

  it("follows the item sample's rules and labels (items-adjudication.md) on items quoted there", () => {
    // V1: assessing the risk of children who go missing stays with that theme; managing it is risk too.
    expect(ids("Ensure that all children and young people who go missing from home and care have a return home interview and that the interview is recorded and used to inform subsequent risk assessment and planning.")).not.toContain("risk_cp");
    // Members holding partners to account is scrutiny; a virtual school's challenge of attainment is not.
    expect(ids("The Corporate Parenting Board’s rigour in holding partners, including health providers and district councils, to account to ensure that they prioritise services for children and young people more effectively.")).toContain("challenge_iro");
    expect(ids("The virtual school should track and challenge the attainment, progress and personal development of all children in care.")).not.toContain("challenge_iro");
    // Drift without the word: plans progressed with an adverb, the PLO's timeliness, recording systems (R1).
    expect(ids("Take immediate action to make sure that children’s plans are properly progressed.")).toContain("caseloads_drift");
    expect(ids("Ensure that children benefit from effective and timely processes under the PLO.")).toContain("caseloads_drift");
    expect(ids("The system for recording all return home interviews.")).toContain("caseloads_drift");
    expect(ids("Leadership stability and capacity to lead the improvements required.")).not.toContain("caseloads_drift");
    // Voice: listening to children, meeting the child (V4); agencies' participation and lived experience are not voice.
    expect(ids("Elected members and senior managers listen to, and act on, the experiences of children and young people.")).toContain("voice_child");
    expect(ids("IROs meeting the child before the first review.")).toContain("voice_child");
    expect(ids("Information sharing for children who do not meet child protection thresholds.")).not.toContain("voice_child");
    expect(ids("Consistency of multi-agency information-sharing and participation at strategy discussions.")).not.toContain("voice_child");
    expect(ids("Social workers’ exploration of the impact of diversity on children’s lived experiences.")).not.toContain("voice_child");
    // Quality assurance: tracking systems (U2a), not an audit trail of supervision decisions.
    expect(ids("More effective tracking of children who are the subject of pre-proceedings work.")).toContain("audit_performance");
    expect(ids("Supervision that provides a robust audit trail of decisions taken and action agreed.")).not.toContain("audit_performance");
    // Work placements are not placements; learning from complaints is quality assurance, not leadership.
    expect(ids("Better support for care leavers to access apprenticeships, work placements or vocational training.")).not.toContain("permanence");
    expect(ids("Maximise learning from complaints made by children looked after.")).not.toContain("leadership");
    // W7: drift is a case reaching its outcome late: entry to care, permanence at the earliest point.
    expect(ids("The quality of decision-making, to ensure that children come into care in a timely way.")).toContain("caseloads_drift");
    expect(ids("Ensure that robust permanency plans are in place for all children looked after at the earliest point.")).toContain("caseloads_drift");
    // W8: IROs named for their caseloads or capacity are a population.
    expect(ids("Ensure that social worker, and IRO, caseloads are at a reasonable level to support good-quality work.")).toEqual(["caseloads_drift"]);
    expect(ids("Ensure that parents and carers who need an advocate to support them in child protection conferences have access to this service.")).not.toContain("voice_child");
  });

  it("drops bare sub-headings from a list of sentences, not from a list of bare phrases (T7)", () => {
    const list = (texts: string[]) => ({ prior: "weakness" as const, passages: texts.map((text) => ({ text, page: 1 })) });
    const sif = list(["Improve assessments.", "Ensure plans are reviewed.", "Management and leadership"]);
    expect([...listHeadings(sif)].map((p) => p.text)).toEqual(["Management and leadership"]);
    expect(listHeadings(list(["Quality and impact of safety planning", "Timeliness of assessments"])).size).toBe(0);
  });

  it("reads polarity from the section first, then from cue words", () => {
    expect(cuePolarity("Assessments are not consistently effective.")).toBe("weakness");
    expect(cuePolarity("Assessments are thorough and timely.")).toBe("strength");
    expect(cuePolarity("Inspectors read case files and spoke with social workers.")).toBe("neutral");
    // No cue either way: inspectors state what works plainly.
    expect(cuePolarity("Personal advisers stay in touch with young people.")).toBe("strength");
    // A shortfall word that marks none.
    expect(cuePolarity("The local authority has a sound understanding of its strengths and weaknesses.")).toBe("strength");
    expect(cuePolarity("This is a missed opportunity to improve practice.")).toBe("weakness");
    expect(passagePolarity({ prior: "weakness" }, "Good work continues.")).toBe("weakness");
    expect(passagePolarity({ prior: null }, "Good work continues.")).toBe("strength");
  });

  it("cuts snippets to 200 characters around the term, at word boundaries", () => {
    const text = `${"Children are seen regularly and their plans are reviewed. ".repeat(4)}Recruitment of social workers is slow. ${"Managers oversee the work closely. ".repeat(4)}`;
    const cut = clip(text, text.indexOf("Recruitment"));
    expect(cut.length).toBeLessThanOrEqual(SNIPPET_MAX);
    expect(cut).toContain("Recruitment of social workers is slow.");
    expect(cut.startsWith("…")).toBe(true);
    expect(cut.endsWith("…")).toBe(true);
    expect(clip("Short.", 0)).toBe("Short.");
  });

  it("counts passages per theme, section and polarity, and keeps the first weakness and strength as evidence", () => {
    const sections: Section[] = [
      { kind: "improve", heading: "What needs to improve?", prior: "weakness", passages: [
        { text: "The stability of the workforce.", page: 2 },
        { text: "Management oversight of plans.", page: 2 },
      ] },
      { kind: "leadership", heading: "The impact of leaders", prior: null, passages: [
        { text: "Recruitment and retention have been effective.", page: 9 },
        { text: "Agency staff turnover is too high.", page: 9 },
        { text: "Inspectors met 40 teams.", page: 9 },
      ] },
    ];
    const { counts, snippets } = tagSections(sections, compiled);
    const count = (theme: string, section: string, polarity: string) => counts.find((c) => c.theme_id === theme && c.section === section && c.polarity === polarity)?.passages ?? 0;
    expect(count("all", "improve", "weakness")).toBe(2);
    expect(count("all", "leadership", "strength")).toBe(1);
    expect(count("all", "leadership", "weakness")).toBe(1);
    expect(count("all", "leadership", "neutral")).toBe(1);
    expect(count("workforce", "improve", "weakness")).toBe(1);
    expect(count("workforce", "leadership", "strength")).toBe(1);
    expect(count("workforce", "leadership", "weakness")).toBe(1);
    expect(count("management_oversight", "improve", "weakness")).toBe(1);
    // "plans": social work practice.
    expect(count("practice_quality", "improve", "weakness")).toBe(1);
    expect(counts.reduce((s, c) => s + c.passages, 0)).toBe(5 + 5);
    expect(snippets.filter((s) => s.theme_id === "workforce").map((s) => [s.polarity, s.section, s.snippet])).toEqual([
      ["weakness", "improve", "The stability of the workforce."],
      ["strength", "leadership", "Recruitment and retention have been effective."],
    ]);
  });
});

describe("cue-word polarity against a reader (test/fixtures/report-themes/polarity-labels.csv)", () => {
  // 40 passages with a theme, drawn at random from judgement sections and summaries and read by hand.
  it("agrees on at least 35 of 40 (measured 37), and is right at least 9 times in 10 when it commits", () => {
    const rows = parseCsvText(fs.readFileSync(path.join(import.meta.dirname, "fixtures", "report-themes", "polarity-labels.csv"), "utf8"), "polarity-labels.csv");
    expect(rows).toHaveLength(40);
    const machine = rows.map((r) => cuePolarity(r.passage!));
    const agree = rows.filter((r, i) => r.polarity === machine[i]).length;
    const committed = rows.filter((_, i) => machine[i] !== "neutral");
    const committedRight = committed.filter((r) => r.polarity === cuePolarity(r.passage!)).length;
    expect(agree).toBeGreaterThanOrEqual(35);
    expect(committedRight / committed.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe("the authority profile section", () => {
  it("shows the latest report published on or before the as-at date", () => {
    const report = (inspection_id: string, published_date: string) => ({ inspection_id, published_date }) as AuthorityThemeReport;
    const rows = [report("b", "2019-08-01"), report("a", "2016-05-10"), report("c", "2023-02-01")];
    expect(reportAsAt(rows, "2019-07-31")?.inspection_id).toBe("a");
    expect(reportAsAt(rows, "2019-08-01")?.inspection_id).toBe("b");
    expect(reportAsAt(rows, new Date("2024-01-01T00:00:00Z"))?.inspection_id).toBe("c");
    expect(reportAsAt(rows)?.inspection_id).toBe("c");
    expect(reportAsAt(rows, "2010-01-01")).toBeUndefined();
  });
});

describe("the validation sample draw", () => {
  it("takes each stratum's quota, from that stratum, the same way every time", () => {
    const pool: Candidate[] = [];
    for (const [framework, grade, n] of [["ILACS", 1, 10], ["ILACS", 4, 2], ["SIF", 2, 6]] as const) {
      for (let i = 0; i < n; i++) pool.push({ inspection_id: `${framework}-${grade}-${i}`, source_file: `${framework}/${grade}/${i}.pdf`, framework, overall_grade: grade });
    }
    const quotas = { "ILACS 1": 3, "ILACS 4": 3, "SIF 2": 2 };
    const first = drawSample(pool, 8, quotas);
    expect(first.map((c) => `${c.framework} ${c.overall_grade}`)).toEqual(["ILACS 1", "ILACS 1", "ILACS 1", "ILACS 4", "ILACS 4", "SIF 2", "SIF 2"]);
    expect(new Set(first.map((c) => c.inspection_id)).size).toBe(7);
    expect(drawSample([...pool].reverse(), 8, quotas)).toEqual(first);
    expect(drawSample(pool, 9, quotas)).not.toEqual(first);
  });
});

describe("precision and recall scoring", () => {
  it("scores per theme and overall from labels and predictions", () => {
    const labels = [
      { source_file: "a", theme_id: "camhs", present: "yes" as const, note: "" },
      { source_file: "b", theme_id: "camhs", present: "no" as const, note: "" },
      { source_file: "c", theme_id: "camhs", present: "yes" as const, note: "" },
      { source_file: "a", theme_id: "lscb", present: "no" as const, note: "" },
    ];
    const predicted = new Map([["a", new Set(["camhs", "lscb"])], ["b", new Set(["camhs"])], ["c", new Set<string>()]]);
    const byTheme = new Map(score(labels, predicted).map((s) => [s.theme_id, s]));
    expect(byTheme.get("camhs")).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(byTheme.get("lscb")).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: null });
    expect(byTheme.get("all")).toMatchObject({ tp: 1, fp: 2, fn: 1 });
  });
});

/** Report files in the corpus used below (paths as data/inspections.csv writes them). */
const REPORTS = {
  dorset2021: "ofsted-reports/2532283_dorset/children's services inspection - 19 november 2021.pdf",
  norfolkSif2015: "ofsted-reports/80418_norfolk/children's services inspection - 20 october 2015.pdf",
  barnsleySif2014: "ofsted-reports/80426_barnsley/children's services inspection - 08 august 2014.pdf",
  norfolkLac2013: "ofsted-reports/80418_norfolk/children's services inspection,  pdf - 16 august 2013.pdf",
  oldham2019: "ofsted-reports/80535_oldham/children's services inspection - 04 march 2019.pdf",
};

describeWithCorpus("splitting real reports into sections", () => {
  const pages = new Map<string, string[]>();
  beforeAll(async () => {
    const files = Object.values(REPORTS);
    const texts = await readReportTexts(files.map((source_file) => ({ source_file })), { sourcesDir: corpusDir, workers: 0 });
    texts.forEach((t, i) => {
      if (!t.ok) throw new Error(`${files[i]}: ${t.reason}`);
      pages.set(files[i]!, t.pages);
    });
  });
  const split = (file: string, lscbOnly = false) => splitSections(pages.get(file)!, { lscbOnly });
  const texts = (s: Section | undefined) => s?.passages.map((p) => p.text) ?? [];

  it("ILACS: the summary after the judgement table, the list, then each judgement", () => {
    const s = split(REPORTS.dorset2021);
    expect(s.map((x) => x.kind)).toEqual(["summary", "improve", "help_protection", "children_in_care", "leadership"]);
    expect(texts(s[0])[0]).toBe("Services for children and families in Dorset are of good quality and are continuing to improve.");
    expect(texts(s[1])).toEqual(["Oversight of arrangements when care leavers move in and out of emergency or temporary accommodation."]);
    expect(s[1]!.prior).toBe("weakness");
    expect(texts(s[2])[0]).toBe("Children receive the help that they need at the right time.");
    expect(s[2]!.passages[0]!.page).toBe(2);
  });

  it("ILACS with square bullets from a symbol font: one passage per point", () => {
    const improve = split(REPORTS.oldham2019).find((x) => x.kind === "improve");
    expect(texts(improve)).toHaveLength(7);
    expect(texts(improve)[0]).toBe("The quality of assessments to effectively analyse risks and parents’ capacity to meet children’s needs.");
    expect(texts(improve)[6]).toBe("Management oversight and practice leadership at all levels in the organisation to ensure that consistent, and good quality, social work practice is in place.");
  });

  it("SIF: 19 recommendations (one with four sub-points), and the LSCB's own recommendations kept apart", () => {
    const s = split(REPORTS.norfolkSif2015);
    const improve = s.filter((x) => x.kind === "improve");
    expect(improve).toHaveLength(1);
    expect(texts(improve[0])).toHaveLength(23);
    expect(texts(improve[0])[0]).toMatch(/^Strengthen management oversight in the MASH/);
    expect(texts(improve[0]).at(-1)).toMatch(/^Evaluate the long-term impact and outcomes of the NIPE scheme/);
    expect(s.map((x) => x.kind)).toEqual(expect.arrayContaining(["summary", "help_protection", "children_in_care", "adoption", "care_leavers", "leadership", "lscb"]));
    const lscbRecs = s.find((x) => x.kind === "lscb" && x.prior === "weakness");
    expect(texts(lscbRecs)[0]).toMatch(/^Ensure that children and young people in care and those leaving care/);
    // Contents lines ("Executive summary<TAB>6") are never text.
    expect(s.flatMap(texts).some((t) => /Executive summary 6/.test(t))).toBe(false);
  });

  it("early SIF: a strengths list and an areas-for-improvement list under their own headings", () => {
    const s = split(REPORTS.barnsleySif2014);
    expect(texts(s.find((x) => x.kind === "strengths"))[0]).toBe(
      "When children are at risk of immediate harm, they receive a good service from children’s social care and the police to keep them safe.",
    );
    const improve = s.filter((x) => x.kind === "improve").flatMap(texts);
    expect(improve).toContain("The inspection did not find any areas for priority and immediate action.");
    expect(improve).toContain("Processes to reduce risk for children at risk of sexual exploitation need to be more effective.");
    expect(improve.at(-1)).toBe("Professional, reflective supervision and professional development needs to be embedded to support social workers in their current positions and future careers.");
  });

  it("2013 looked after children inspection: areas for improvement, then outcomes, provision and leadership", () => {
    const s = split(REPORTS.norfolkLac2013);
    expect(s.map((x) => `${x.kind}: ${x.heading}`)).toEqual([
      "summary: Overall effectiveness of services for looked after children and young people",
      "improve: Areas for improvement",
      "children_in_care: Outcomes for looked after children and young people",
      "children_in_care: Quality of provision",
      "leadership: Leadership and management",
    ]);
    expect(texts(s[1])).toContain("Immediately:");
  });
});

describeWithCorpus("precision and recall against the hand labels", () => {
  // Measured on the 24 labelled reports (docs/report-themes.md); a theme may not fall more than 5 points below.
  const MEASURED: Record<string, [precision: number, recall: number]> = {
    all: [0.955, 0.92],
    // Below the first figures where this reader's calls differ from the independent readers' rules:
    // return-interview information analysed for patterns (R4), care leavers' health histories (T1),
    // children missing education and home education (not the education of children in care).
    audit_performance: [0.8, 0.92],
    camhs: [1, 1],
    care_leavers: [0.92, 0.92],
    caseloads_drift: [0.93, 1],
    challenge_iro: [0.78, 0.88],
    // Fourth tuning: edge of care is no longer early help (extension2-adjudication.md, U3), which removed a false alarm.
    early_help: [1, 0.75],
    education_vs: [1, 0.78],
    health_in_care: [0.8, 0.67],
    // Third tuning: Kent 2013's "the Pledge" is no longer found (it was, through a phrase that is now narrowed).
    leadership: [1, 0.82],
    legal_cafcass: [1, 1],
    lscb: [1, 0.5],
    management_oversight: [1, 1],
    missing_exploitation: [1, 1],
    multi_agency: [1, 1],
    permanence: [1, 0.94],
    practice_quality: [1, 0.96],
    // Fifth tuning: the item readers' rules differ from this reader's: a risk assessment tool for exploitation is
    // that theme's (items-adjudication.md, V1), and a child's lived experience is not their voice.
    risk_cp: [0.94, 0.89],
    voice_child: [1, 0.91],
    workforce: [1, 0.67],
  };
  it("no theme's precision or recall falls below what was measured, less 5 points", async () => {
    const labels = readCsv(labelsFile, themeLabel);
    expect(new Set(labels.map((l) => l.source_file)).size).toBeGreaterThanOrEqual(20);
    const scores = score(labels, await predictLabelled(labels, { sourcesDir: corpusDir }));
    expect(scores.map((s) => s.theme_id).sort()).toEqual(Object.keys(MEASURED).sort());
    for (const s of scores) {
      const [p, r] = MEASURED[s.theme_id]!;
      expect(s.precision ?? 1, `${s.theme_id} precision`).toBeGreaterThanOrEqual(p - 0.05);
      expect(s.recall ?? 1, `${s.theme_id} recall`).toBeGreaterThanOrEqual(r - 0.05);
    }
  });
});

describeWithCorpus("precision and recall against the independent labels (two readers, adjudicated)", () => {
  // The test half was scored five times, each time once after tuning on development data only: after the
  // first round (229 of 251 and 229 of 254), after the extension (232 of 253 and 232 of 254), after the
  // third tuning (240 of 254 each way), after the fourth (239 of 253 and 239 of 254) and after the item
  // samples' fifth and sixth (238 of 253 and 238 of 254; docs/report-themes.md).
  const TEST_HALF = { precision: 238 / 253, recall: 238 / 254 };
  it("the sample and its split are the committed ones: 64 reports, 32 in each half, none of the older 24", () => {
    const sample = readCsv(independentFiles.sample, sampledReport);
    expect(sample).toHaveLength(64);
    expect(sample.filter((s) => s.half === "dev")).toHaveLength(32);
    const older = new Set(readCsv(labelsFile, themeLabel).map((l) => l.source_file));
    expect(sample.filter((s) => older.has(s.source_file))).toEqual([]);
  });

  it("the test half scores no lower than measured, less 3 points, micro-averaged", async () => {
    const labels = independentLabels("test");
    expect(labels.filter((l) => l.present === "yes")).toHaveLength(254);
    const all = score(labels, await predictLabelled(labels, { sourcesDir: corpusDir })).find((s) => s.theme_id === "all")!;
    expect(all.precision!).toBeGreaterThanOrEqual(TEST_HALF.precision - 0.03);
    expect(all.recall!).toBeGreaterThanOrEqual(TEST_HALF.recall - 0.03);
  });

  it("cue polarity agrees with the readers on at least 85 of the 100 passages (measured 88)", () => {
    const dev = polarityAgreement("dev").score;
    const test = polarityAgreement("test").score;
    expect(dev.passages + test.passages).toBe(100);
    expect(dev.agree + test.agree).toBeGreaterThanOrEqual(85);
    expect(wilson(88, 100)![0]).toBeGreaterThan(0.79);
  });

  it("the extension: 48 reports and 100 passages drawn before none of them, all development data", () => {
    const first = readCsv(independentFiles.sample, sampledReport);
    const extension = sampledReports("extension");
    expect(extension).toHaveLength(48);
    expect(extension.every((s) => s.half === "dev" && /^e\d\d$/.test(s.key))).toBe(true);
    const drawn = new Set([...first.map((s) => s.source_file), ...readCsv(labelsFile, themeLabel).map((l) => l.source_file)]);
    expect(extension.filter((s) => drawn.has(s.source_file))).toEqual([]);
    expect(independentLabels("extension").filter((l) => l.present === "yes")).toHaveLength(381);
  });

  it("the third sample (extension2): 28 reports drawn before none of them, all development data, themes only", () => {
    const extension2 = sampledReports("extension2");
    expect(extension2).toHaveLength(28);
    expect(extension2.every((s) => s.half === "dev" && /^f\d\d$/.test(s.key))).toBe(true);
    const drawn = new Set([
      ...readCsv(independentFiles.sample, sampledReport).map((s) => s.source_file),
      ...sampledReports("extension").map((s) => s.source_file),
      ...readCsv(labelsFile, themeLabel).map((l) => l.source_file),
    ]);
    expect(extension2.filter((s) => drawn.has(s.source_file))).toEqual([]);
    expect(independentLabels("extension2").filter((l) => l.present === "yes")).toHaveLength(218);
    expect(sampledReports("combined")).toHaveLength(32 + 48 + 28);
    // It labelled no passages for polarity: the combined set's passages are the first round's and the extension's.
    expect(polarityAgreement("extension2").score.passages).toBe(0);
    expect(polarityAgreement("combined").score.passages).toBe(150);
  });

  it("the combined development set scores no lower than measured, less 3 points (tuned on: 98.9% and 99.4%)", async () => {
    const labels = independentLabels("combined");
    const all = score(labels, await predictLabelled(labels, { sourcesDir: corpusDir })).find((s) => s.theme_id === "all")!;
    expect(all.precision!).toBeGreaterThanOrEqual(864 / 874 - 0.03);
    expect(all.recall!).toBeGreaterThanOrEqual(864 / 869 - 0.03);
    expect(polarityAgreement("combined").score.agree).toBeGreaterThanOrEqual(145 - 5);
  });
});

describeWithCorpus("the item samples (items-adjudication.md, items2-adjudication.md)", () => {
  it("two rounds of 240 items, none drawn twice, none from a labelled report, every item labelled", () => {
    const { items, labels } = itemRounds([1, 2]);
    expect(items).toHaveLength(480);
    expect(new Set(items.map((i) => `${i.source_file}#${i.item}`)).size).toBe(480);
    expect(items.filter((i) => i.reason === "random")).toHaveLength(140);
    const labelled = new Set([
      ...readCsv(independentFiles.sample, sampledReport).map((s) => s.source_file),
      ...sampledReports("extension").map((s) => s.source_file),
      ...sampledReports("extension2").map((s) => s.source_file),
      ...readCsv(labelsFile, themeLabel).map((l) => l.source_file),
    ]);
    expect(items.filter((i) => labelled.has(i.source_file))).toEqual([]);
    expect(labels.map((l) => l.key).sort()).toEqual(items.map((i) => i.key).sort());
    expect(itemUnits(items, labels).filter((u) => u.present === "yes")).toHaveLength(417 + 461);
  });

  it("the tagger scores on both rounds no lower than measured, less 3 points (tuned on: 757 of 1,064 and 757 of 878)", async () => {
    const { items, labels } = itemRounds([1, 2]);
    const all = score(itemUnits(items, labels), await tagItems(items)).find((s) => s.theme_id === "all")!;
    expect(all.precision!).toBeGreaterThanOrEqual(757 / 1064 - 0.03);
    expect(all.recall!).toBeGreaterThanOrEqual(757 / 878 - 0.03);
  });
});

describeWithCorpus("the loader (runReportThemes)", () => {
  it("tags a report from the corpus and keeps the previous rows of a report it cannot read", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-themes-"));
    const sha = sha256(fs.readFileSync(path.join(corpusDir, REPORTS.dorset2021)));
    const base = { la_code: "838", framework: "ILACS", inspection_type: "standard", start_date: "", end_date: "", report_url: "" };
    writeCsvAtomic(path.join(dir, "inspections.csv"), [
      { ...base, inspection_id: "838-ilacs-2021-11-19", published_date: "2021-11-19", source_file: REPORTS.dorset2021, source_sha256: sha },
      { ...base, inspection_id: "838-ilacs-2099-01-01", published_date: "2099-01-01", source_file: "ofsted-reports/none.pdf", source_sha256: "f".repeat(64) },
    ], ["inspection_id", "la_code", "framework", "inspection_type", "start_date", "end_date", "published_date", "source_file", "source_sha256", "report_url"]);
    writeCsvAtomic(path.join(dir, "report-themes.csv"), [
      { inspection_id: "838-ilacs-2099-01-01", theme_id: "camhs", section: "improve", polarity: "weakness", passages: 4 },
      { inspection_id: "gone-report", theme_id: "camhs", section: "improve", polarity: "weakness", passages: 1 },
    ], ["inspection_id", "theme_id", "section", "polarity", "passages"]);

    const result = await runReportThemes({ dataDir: dir, sourcesDir: corpusDir, workers: 0 });
    expect(result.tagged).toBe(1);
    expect(result.unread).toEqual([{ inspection_id: "838-ilacs-2099-01-01", reason: expect.stringContaining("no cached text"), kept: true }]);
    const rows = readCsv(path.join(dir, "report-themes.csv"), reportThemeCount);
    expect(rows.filter((r) => r.inspection_id === "gone-report")).toEqual([]);
    expect(rows.filter((r) => r.inspection_id === "838-ilacs-2099-01-01")).toEqual([
      { inspection_id: "838-ilacs-2099-01-01", theme_id: "camhs", section: "improve", polarity: "weakness", passages: 4 },
    ]);
    // Dorset 2021 lists one area for improvement: oversight of care leavers' emergency accommodation.
    const improve = rows.filter((r) => r.inspection_id === "838-ilacs-2021-11-19" && r.section === "improve");
    expect(improve.map((r) => `${r.theme_id} ${r.polarity} ${r.passages}`).sort()).toEqual([
      "all weakness 1",
      "care_leavers weakness 1",
      "management_oversight weakness 1",
    ]);
    expect(fs.existsSync(path.join(dir, "report-theme-snippets.csv"))).toBe(true);
  });
});

describe("warehouse views over theme tables (hand-worked fixture)", () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await buildWarehouse({ dataDir: path.join(import.meta.dirname, "fixtures", "warehouse") });
  });
  afterAll(() => wh?.close());

  it("reads only the reports the tagger wrote rows for", async () => {
    const rows = await wh.query<{ inspection_id: string; improve_passages: number }>(`SELECT inspection_id, improve_passages FROM theme_reports ORDER BY inspection_id`);
    expect(rows).toEqual([
      { inspection_id: "301-ilacs-2019-01-15", improve_passages: 0 },
      { inspection_id: "301-sif-2015-03-02", improve_passages: 8 },
      { inspection_id: "302-sif-2017-06-01", improve_passages: 6 },
      { inspection_id: "928-ilacs-2019-08-01", improve_passages: 4 },
      { inspection_id: "928-sif-2016-05-10", improve_passages: 10 },
      { inspection_id: "940-ilacs-2023-02-01", improve_passages: 3 },
    ]);
  });

  it("prevalence: areas for improvement, mostly praised, mostly criticised", async () => {
    const q = (dimension: string, level: string, theme: string) =>
      wh.query(`SELECT reports, reports_improve, reports_praised, reports_criticised FROM theme_prevalence WHERE dimension = $d AND level = $l AND theme_id = $t`, { d: dimension, l: level, t: theme });
    // Inadequate: 928 SIF and 302 SIF both list workforce; 928 SIF praises leadership in 3 passages against 2.
    expect(await q("grade", "4", "workforce")).toEqual([{ reports: 2, reports_improve: 2, reports_praised: 0, reports_criticised: 2 }]);
    expect(await q("grade", "4", "leadership")).toEqual([{ reports: 2, reports_improve: 1, reports_praised: 1, reports_criticised: 0 }]);
    expect(await q("grade", "2", "early_help")).toEqual([{ reports: 2, reports_improve: 0, reports_praised: 1, reports_criticised: 0 }]);
    // 301 SIF criticises workforce outside its list.
    expect(await q("framework", "SIF", "workforce")).toEqual([{ reports: 3, reports_improve: 2, reports_praised: 0, reports_criticised: 3 }]);
  });

  it("inadequate against good or outstanding: shares, difference, interval and emphasis", async () => {
    const rows = await wh.query(
      `SELECT theme_id, inadequate_reports, inadequate_raising, good_reports, good_raising, share_inadequate, share_good, difference, difference_margin, ratio, theme_share_inadequate
       FROM theme_grade_association WHERE scope = 'All frameworks' AND theme_id IN ('workforce', 'leadership', 'camhs') ORDER BY theme_id`,
    );
    expect(rows).toEqual([
      { theme_id: "camhs", inadequate_reports: 2, inadequate_raising: 0, good_reports: 2, good_raising: 1, share_inadequate: 0, share_good: 0.5, difference: -0.5, difference_margin: 0.693, ratio: 0, theme_share_inadequate: 0 },
      { theme_id: "leadership", inadequate_reports: 2, inadequate_raising: 1, good_reports: 2, good_raising: 0, share_inadequate: 0.5, share_good: 0, difference: 0.5, difference_margin: 0.693, ratio: null, theme_share_inadequate: 0.0625 },
      { theme_id: "workforce", inadequate_reports: 2, inadequate_raising: 2, good_reports: 2, good_raising: 0, share_inadequate: 1, share_good: 0, difference: 1, difference_margin: 0, ratio: null, theme_share_inadequate: 0.3125 },
    ]);
  });

  it("an authority's reports, with each theme recurring, new or not raised again against the report before", async () => {
    const rows = await wh.query<{ inspection_id: string; previous_inspection_id: string | null; inherited_from: string | null; has_improvement_section: boolean; themes: { theme_id: string; status: string; snippet: string | null }[] }>(
      `SELECT inspection_id, previous_inspection_id, inherited_from, has_improvement_section, themes FROM authority_theme_reports WHERE la_code = '940' ORDER BY published_date`,
    );
    expect(rows.map((r) => [r.inspection_id, r.previous_inspection_id, r.inherited_from])).toEqual([
      ["928-sif-2016-05-10", null, "Northamptonshire"],
      ["928-ilacs-2019-08-01", "928-sif-2016-05-10", "Northamptonshire"],
      ["940-ilacs-2023-02-01", "928-ilacs-2019-08-01", null],
    ]);
    expect(rows.map((r) => r.themes.map((t) => `${t.theme_id} ${t.status}`))).toEqual([
      ["leadership new", "workforce new"],
      ["workforce recurring", "camhs new", "leadership not raised again"],
      ["camhs recurring", "workforce not raised again"],
    ]);
    expect(rows[1]!.themes.map((t) => t.snippet)).toEqual([
      "The stability of the workforce.",
      "Timely access to mental health services.",
      "Leaders need a clearer plan for improvement.",
    ]);
    const barking = await wh.query<{ inspection_id: string; has_improvement_section: boolean; themes: unknown[] }>(
      `SELECT inspection_id, has_improvement_section, themes FROM authority_theme_reports WHERE la_code = '301' ORDER BY published_date`,
    );
    expect(barking).toEqual([
      { inspection_id: "301-sif-2015-03-02", has_improvement_section: true, themes: [] },
      { inspection_id: "301-ilacs-2019-01-15", has_improvement_section: false, themes: [] },
    ]);
  });
});
