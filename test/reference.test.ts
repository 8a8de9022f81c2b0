import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { readCsv } from "../lib/csv.ts";
import { dataDir, referenceDir } from "../lib/paths.ts";
import * as ref from "../schema/reference.ts";
import { corpusDir, describeWithCorpus, describeWithSeeds, seedText } from "./support/sources.ts";

// The reference tables this suite owns, with their schemas (columns in schema order).
const FILES = {
  "frameworks.csv": ref.framework,
  "themes.csv": ref.theme,
  "judgement-areas.csv": ref.judgementArea,
  "grade-scale.csv": ref.gradeLabel,
  "scheduling-rules.csv": ref.schedulingRule,
  "national-figures.csv": ref.nationalFigure,
  "kent-annex1.csv": ref.kentAnnexRow,
} as const;

const load = <S extends z.ZodType>(name: string, schema: S) => readCsv(path.join(referenceDir, name), schema);
const frameworks = load("frameworks.csv", ref.framework);
const themes = load("themes.csv", ref.theme);
const judgements = load("judgement-areas.csv", ref.judgementArea);
const grades = load("grade-scale.csv", ref.gradeLabel);
const rules = load("scheduling-rules.csv", ref.schedulingRule);
const figures = load("national-figures.csv", ref.nationalFigure);
const annex = load("kent-annex1.csv", ref.kentAnnexRow);

const frameworkCodes = new Set(frameworks.map((f) => f.framework));
const themeCodes = new Set(themes.map((t) => t.theme));
const figure = (id: string) => {
  const f = figures.find((x) => x.figure_id === id);
  if (!f) throw new Error(`national figure ${id} missing`);
  return f.value;
};
const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const dupes = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

// Seed evidence: each seed-backed national figure, as a sentence from the seed with {v} where the value goes.
const EVIDENCE: Record<string, [seed: string, template: string]> = (() => {
  const sg = (v: string) => ["002", `Safeguarding overall effectiveness ${v}`] as [string, string];
  const lac = (v: string) => ["002", `Services for looked after children overall effectiveness ${v}`] as [string, string];
  const cpi = (v: string) => ["002", `(CPI) overall effectiveness ${v}`] as [string, string];
  const sif = (v: string) => ["004", v] as [string, string];
  return {
    slac_sg_inspections: sg("{v} inspections, 3% (5) were outstanding, 36% (57) were good, 44% (70) were adequate and 17% (26) were inadequate."),
    slac_sg_outstanding: sg("158 inspections, 3% ({v}) were outstanding,"),
    slac_sg_good: sg("158 inspections, 3% (5) were outstanding, 36% ({v}) were good,"),
    slac_sg_adequate: sg("158 inspections, 3% (5) were outstanding, 36% (57) were good, 44% ({v}) were adequate"),
    slac_sg_inadequate: sg("158 inspections, 3% (5) were outstanding, 36% (57) were good, 44% (70) were adequate and 17% ({v}) were inadequate."),
    slac_sg_outstanding_pct: sg("158 inspections, {v}% (5) were outstanding,"),
    slac_sg_good_pct: sg("158 inspections, 3% (5) were outstanding, {v}% (57) were good,"),
    slac_sg_adequate_pct: sg("158 inspections, 3% (5) were outstanding, 36% (57) were good, {v}% (70) were adequate"),
    slac_sg_inadequate_pct: sg("158 inspections, 3% (5) were outstanding, 36% (57) were good, 44% (70) were adequate and {v}% (26) were inadequate."),
    slac_lac_inspections: lac("{v} inspections, 1% (2) were outstanding, 51% (80) were good, 44% (69) were adequate and 2% (3) were inadequate"),
    slac_lac_outstanding: lac("154 inspections, 1% ({v}) were outstanding,"),
    slac_lac_good: lac("154 inspections, 1% (2) were outstanding, 51% ({v}) were good,"),
    slac_lac_adequate: lac("154 inspections, 1% (2) were outstanding, 51% (80) were good, 44% ({v}) were adequate"),
    slac_lac_inadequate: lac("154 inspections, 1% (2) were outstanding, 51% (80) were good, 44% (69) were adequate and 2% ({v}) were inadequate"),
    slac_lac_outstanding_pct: lac("154 inspections, {v}% (2) were outstanding,"),
    slac_lac_good_pct: lac("154 inspections, 1% (2) were outstanding, {v}% (80) were good,"),
    slac_lac_adequate_pct: lac("154 inspections, 1% (2) were outstanding, 51% (80) were good, {v}% (69) were adequate"),
    slac_lac_inadequate_pct: lac("154 inspections, 1% (2) were outstanding, 51% (80) were good, 44% (69) were adequate and {v}% (3) were inadequate"),
    slac_authorities_inspected: ["002", "All {v} local authorities have been inspected at least once."],
    cpi_published: cpi("{v} inspections published - 4 inadequate and 3 adequate - 9 completed"),
    cpi_inadequate: cpi("7 inspections published - {v} inadequate and 3 adequate"),
    cpi_adequate: cpi("7 inspections published - 4 inadequate and {v} adequate"),
    cpi_completed: cpi("7 inspections published - 4 inadequate and 3 adequate - {v} completed"),
    sif_overall_outstanding: sif("• {v} local authorities have been rated ‘Outstanding’"),
    sif_overall_good: sif("• {v} local authorities have been rated ‘Good’"),
    sif_overall_requires_improvement: sif("• {v} local authorities have been rated ‘Requires Improvement’"),
    sif_overall_inadequate: sif("• {v} local authorities have been rated ‘Inadequate’"),
    sif_overall_not_good_pct: sif("This means that {v}% of local authorities have been rated as failing to meet the required standards"),
    sif_lscb_outstanding: sif("• {v} LCSBs have been rated ‘Outstanding’"),
    sif_lscb_good: sif("• {v} LCSBs have been rated ‘Good’"),
    sif_lscb_requires_improvement: sif("• {v} LCSBs have been rated ‘Requires Improvement’"),
    sif_lscb_inadequate: sif("• {v} LCSBs have been rated ‘Inadequate’."),
    sif_lscb_not_good_pct: sif("This means {v}% of LSCBs have been rated as failing to meet the required standards"),
    sif_authorities_inspected_pct: sif("• {v}% of all LAs have been inspected under the single inspection framework since it was launched."),
    sif_projected_cycle_years_min: sif("it will take Ofsted {v} - 4 years to complete their full inspection cycle."),
    sif_projected_cycle_years_max: sif("it will take Ofsted 3.5 - {v} years to complete their full inspection cycle."),
  };
})();

describe("reference CSV files", () => {
  it.each(Object.entries(FILES))("%s: header in schema order, UTF-8 without BOM, \\n line ends", (name, schema) => {
    const text = fs.readFileSync(path.join(referenceDir, name), "utf8");
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).not.toContain("\r");
    expect(text.endsWith("\n")).toBe(true);
    const header = Papa.parse<string[]>(text.split("\n")[0]!).data[0];
    expect(header).toEqual(Object.keys(schema.shape));
    expect(readCsv(path.join(referenceDir, name), schema).length).toBeGreaterThan(0);
  });
});

describe("frameworks", () => {
  it("has the fixed codes, unique, with valid parents and date order", () => {
    expect(dupes(frameworks.map((f) => f.framework))).toEqual([]);
    for (const code of ["SLAC", "CPI", "SIF", "SIF_LSCB", "ILACS", "ILACS_2026", "MONITORING_VISIT", "FOCUSED_VISIT", "JTAI"]) {
      expect(frameworkCodes.has(code), code).toBe(true);
    }
    for (const f of frameworks) {
      if (f.parent_framework) expect(frameworkCodes.has(f.parent_framework), f.framework).toBe(true);
      if (f.end_date) expect(f.end_date > f.start_date, f.framework).toBe(true);
    }
    const byCode = Object.fromEntries(frameworks.map((f) => [f.framework, f]));
    expect(byCode.SIF!.start_date).toBe("2013-11-01");
    expect(byCode.SIF_LSCB!.parent_framework).toBe("SIF");
    expect(byCode.ILACS!.start_date).toBe("2018-01-01");
    expect(byCode.ILACS_2026!.start_date).toBe("2026-04-01");
    expect(byCode.SLAC!.start_date).toBe("2009-04-01");
  });

  it("graded frameworks have a four-label scale best to worst; ungraded have none", () => {
    for (const f of frameworks) {
      if (f.graded === "yes") {
        expect(f.grade_scale, f.framework).toHaveLength(4);
        const ordinal = f.grade_scale.map((label) => grades.find((g) => g.grade_label === label)?.grade);
        expect(ordinal, f.framework).toEqual([1, 2, 3, 4]);
        for (const label of f.grade_scale) {
          expect(grades.find((g) => g.grade_label === label)!.frameworks, `${label} in ${f.framework}`).toContain(f.framework);
        }
      } else {
        expect(f.grade_scale, f.framework).toEqual([]);
      }
    }
    expect(frameworks.find((f) => f.framework === "SIF")!.grade_scale).toEqual(["outstanding", "good", "requires improvement", "inadequate"]);
    expect(frameworks.find((f) => f.framework === "SLAC")!.grade_scale).toEqual(["outstanding", "good", "adequate", "inadequate"]);
  });
});

describe("themes", () => {
  it("has unique codes and sort orders, including the fixed harmonised themes", () => {
    expect(dupes(themes.map((t) => t.theme))).toEqual([]);
    expect(dupes(themes.map((t) => String(t.sort_order)))).toEqual([]);
    const fixed = ["overall", "help_protection", "children_in_care", "adoption", "care_leavers", "leadership", "lscb", "capacity_to_improve", "quality_of_practice"];
    expect(themes.slice(0, fixed.length).map((t) => t.theme)).toEqual(fixed);
  });
});

describe("judgement areas", () => {
  it("codes are unique; framework, theme and parent all exist", () => {
    expect(dupes(judgements.map((j) => j.judgement_code))).toEqual([]);
    const codes = new Map(judgements.map((j) => [j.judgement_code, j]));
    for (const j of judgements) {
      expect(frameworkCodes.has(j.framework), `${j.judgement_code} framework ${j.framework}`).toBe(true);
      expect(themeCodes.has(j.theme), `${j.judgement_code} theme ${j.theme}`).toBe(true);
      if (j.parent_code) {
        expect(codes.has(j.parent_code), `${j.judgement_code} parent ${j.parent_code}`).toBe(true);
        expect(codes.get(j.parent_code)!.framework).toBe(j.framework);
      }
    }
  });

  it("uses the fixed codes with the agreed framework, theme and parent", () => {
    const expected: [string, string, string, string?][] = [
      ["cpi_overall", "CPI", "overall"],
      ["cpi_help_protection", "CPI", "help_protection"],
      ["cpi_quality_of_practice", "CPI", "quality_of_practice"],
      ["cpi_leadership", "CPI", "leadership"],
      ["sif_overall", "SIF", "overall"],
      ["sif_help_protection", "SIF", "help_protection"],
      ["sif_children_looked_after", "SIF", "children_in_care"],
      ["sif_adoption", "SIF", "adoption", "sif_children_looked_after"],
      ["sif_care_leavers", "SIF", "care_leavers", "sif_children_looked_after"],
      ["sif_leadership", "SIF", "leadership"],
      ["sif_lscb", "SIF_LSCB", "lscb"],
      ["ilacs_overall", "ILACS", "overall"],
      ["ilacs_leaders", "ILACS", "leadership"],
      ["ilacs_help_protection", "ILACS", "help_protection"],
      ["ilacs_children_in_care", "ILACS", "children_in_care"],
      ["ilacs_care_leavers", "ILACS", "care_leavers"],
      ["ilacs26_leaders", "ILACS_2026", "leadership"],
      ["ilacs26_help_protection", "ILACS_2026", "help_protection"],
      ["ilacs26_children_in_care", "ILACS_2026", "children_in_care"],
      ["ilacs26_care_leavers", "ILACS_2026", "care_leavers"],
      ["slac_sg_overall", "SLAC", "overall"],
      ["slac_sg_capacity", "SLAC", "capacity_to_improve"],
      ["slac_lac_overall", "SLAC", "overall"],
      ["slac_lac_capacity", "SLAC", "capacity_to_improve"],
    ];
    for (const [code, fw, theme, parent] of expected) {
      const j = judgements.find((x) => x.judgement_code === code);
      expect(j, code).toBeDefined();
      expect([j!.framework, j!.theme, j!.parent_code ?? undefined], code).toEqual([fw, theme, parent]);
    }
  });

  it("maps by naming rule: *_overall to overall, *_capacity to capacity_to_improve", () => {
    for (const j of judgements) {
      if (j.judgement_code.endsWith("_overall")) expect(j.theme, j.judgement_code).toBe("overall");
      if (j.judgement_code.endsWith("_capacity")) expect(j.theme, j.judgement_code).toBe("capacity_to_improve");
    }
  });

  it("every graded framework has judgements (with a headline); ungraded have none; ILACS_2026 has no overall", () => {
    for (const f of frameworks) {
      const js = judgements.filter((j) => j.framework === f.framework);
      if (f.graded === "yes") {
        expect(js.length, f.framework).toBeGreaterThan(0);
        expect(js.some((j) => j.is_headline === "yes"), f.framework).toBe(true);
      } else expect(js, f.framework).toEqual([]);
    }
    expect(judgements.filter((j) => j.framework === "ILACS_2026" && j.theme === "overall")).toEqual([]);
    expect(judgements.filter((j) => j.framework === "SLAC" && j.judgement_code.startsWith("slac_sg_"))).toHaveLength(15);
    expect(judgements.filter((j) => j.framework === "SLAC" && j.judgement_code.startsWith("slac_lac_"))).toHaveLength(18);
  });
});

describe("grade scale", () => {
  it("labels are lower case, whitespace-normalised, unique; grades consistent with names", () => {
    expect(dupes(grades.map((g) => g.grade_label))).toEqual([]);
    const nameOf: Record<string, string> = { "1": "outstanding", "2": "good", "3": "requires improvement or adequate", "4": "inadequate" };
    for (const g of grades) {
      expect(g.grade_label).toBe(norm(g.grade_label).toLowerCase());
      expect(g.grade_name).toBe(g.grade == null ? "not judged" : nameOf[String(g.grade)]);
      for (const f of g.frameworks) expect(frameworkCodes.has(f), `${g.grade_label}: ${f}`).toBe(true);
    }
    const gradeOf = (label: string) => grades.find((g) => g.grade_label === label)?.grade;
    expect(["outstanding", "good", "adequate", "satisfactory", "requires improvement", "requires improvement to be good", "inadequate", "not judged"].map(gradeOf)).toEqual([1, 2, 3, 3, 3, 3, 4, null]);
  });
});

describe("scheduling rules", () => {
  it("ids unique; frameworks exist; key intervals as published", () => {
    expect(dupes(rules.map((r) => r.rule_id))).toEqual([]);
    for (const r of rules) {
      expect(frameworkCodes.has(r.framework), r.rule_id).toBe(true);
      if (r.min_months != null && r.max_months != null) expect(r.min_months).toBeLessThanOrEqual(r.max_months);
      if (r.rule_kind === "interval_by_grade") expect(r.applies_to_grade, r.rule_id).not.toBeNull();
    }
    const pick = (id: string) => {
      const r = rules.find((x) => x.rule_id === id)!;
      return [r.framework, r.applies_to_grade, r.rule_kind, r.min_months, r.max_months, r.status];
    };
    expect(pick("slac_cycle_3y")).toEqual(["SLAC", null, "cycle", null, 36, "in force"]);
    expect(pick("consult2011_inadequate_interval")).toEqual(["CPI", 4, "interval_by_grade", 18, 24, "proposed"]);
    expect(pick("consult2011_satisfactory_interval")).toEqual(["CPI", 3, "interval_by_grade", null, 36, "proposed"]);
    expect(pick("consult2011_good_interval")).toEqual(["CPI", 2, "interval_by_grade", null, 60, "proposed"]);
    expect(pick("consult2011_outstanding_interval")).toEqual(["CPI", 1, "interval_by_grade", null, 60, "proposed"]);
    expect(pick("consult2011_cp_inadequate_reinspection")).toEqual(["CPI", 4, "reinspection", null, 18, "proposed"]);
    expect(pick("sif_cycle_3y")).toEqual(["SIF", null, "cycle", null, 36, "in force"]);
    expect(pick("sif_inadequate_reinspection")).toEqual(["SIF", 4, "reinspection", 12, 24, "in force"]);
    expect(rules.filter((r) => r.rule_kind === "blackout" && r.framework === "SIF")).toHaveLength(2);
    expect(rules.filter((r) => r.framework === "ILACS").every((r) => r.status === "practice")).toBe(true);
  });
});

describe("national figures", () => {
  it("ids unique; framework and theme exist", () => {
    expect(dupes(figures.map((f) => f.figure_id))).toEqual([]);
    for (const f of figures) {
      expect(frameworkCodes.has(f.framework), f.figure_id).toBe(true);
      if (f.theme) expect(themeCodes.has(f.theme), f.figure_id).toBe(true);
      if (f.period_start && f.period_end) expect(f.period_end > f.period_start).toBe(true);
    }
  });

  it("grade counts sum to the published totals", () => {
    const sum = (prefix: string, suffixes: string[]) => suffixes.reduce((s, x) => s + figure(`${prefix}_${x}`), 0);
    expect(sum("slac_sg", ["outstanding", "good", "adequate", "inadequate"])).toBe(158);
    expect(figure("slac_sg_inspections")).toBe(158);
    expect(sum("slac_lac", ["outstanding", "good", "adequate", "inadequate"])).toBe(154);
    expect(figure("slac_lac_inspections")).toBe(154);
    expect(figure("cpi_inadequate") + figure("cpi_adequate")).toBe(figure("cpi_published"));
    expect(figure("cpi_published")).toBeLessThanOrEqual(figure("cpi_completed"));
    const sif = ["outstanding", "good", "requires_improvement", "inadequate"];
    expect(sum("sif_overall", sif)).toBe(figure("sif_overall_total"));
    expect(figure("sif_overall_total")).toBe(33);
    expect(sum("sif_lscb", sif)).toBe(figure("sif_lscb_total"));
    expect(figure("sif_lscb_total")).toBe(32);
  });

  it("published percentages are within one point of count / total", () => {
    for (const [prefix, total] of [["slac_sg", 158], ["slac_lac", 154]] as const) {
      for (const g of ["outstanding", "good", "adequate", "inadequate"]) {
        const exact = (figure(`${prefix}_${g}`) / total) * 100;
        expect(Math.abs(figure(`${prefix}_${g}_pct`) - exact), `${prefix}_${g}_pct`).toBeLessThan(1);
      }
    }
    // 65% of LSCBs: (15 + 6) / 32 = 65.6%; 22% of LAs inspected: 33 / 152 = 21.7%.
    expect(Math.abs(figure("sif_lscb_not_good_pct") - (21 / 32) * 100)).toBeLessThan(1);
    expect(Math.abs(figure("sif_authorities_inspected_pct") - (33 / 152) * 100)).toBeLessThan(1);
    // Known inconsistency in seed 004: "71%" not good, but (18 + 6) / 33 = 72.7%. Kept as published.
    expect(figure("sif_overall_not_good_pct")).toBe(71);
    expect(Math.round(((18 + 6) / 33) * 1000) / 10).toBe(72.7);
  });

  it("every figure not marked derived has seed evidence below", () => {
    const seedBacked = figures.filter((f) => !f.source.startsWith("derived")).map((f) => f.figure_id).sort();
    expect(seedBacked).toEqual(Object.keys(EVIDENCE).sort());
  });
});

describe("Kent annex 1", () => {
  it("has 33 rows numbered in table order", () => {
    expect(annex.map((r) => r.row)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
    expect(annex[0]!.authority_as_published).toBe("Barking & Dagenham");
    expect(annex[32]!.authority_as_published).toBe("Swindon");
  });

  const count = (col: "overall_as_published" | "lscb_as_published") => {
    const c: Record<string, number> = { Outstanding: 0, Good: 0, "Requires Improvement": 0, Inadequate: 0 };
    for (const r of annex) c[r[col]] = (c[r[col]] ?? 0) + 1;
    return c;
  };

  it("overall grades reproduce seed 004 section 5 (0/9/18/6)", () => {
    expect(count("overall_as_published")).toEqual({ Outstanding: 0, Good: 9, "Requires Improvement": 18, Inadequate: 6 });
    const c = count("overall_as_published");
    expect([c.Outstanding, c.Good, c["Requires Improvement"], c.Inadequate]).toEqual(
      ["outstanding", "good", "requires_improvement", "inadequate"].map((g) => figure(`sif_overall_${g}`)),
    );
  });

  it("LSCB grades: annex gives 0/11/15/7 where section 5 says 0/11/15/6 (discrepancy in the source)", () => {
    const c = count("lscb_as_published");
    expect(c).toEqual({ Outstanding: 0, Good: 11, "Requires Improvement": 15, Inadequate: 7 });
    expect([c.Outstanding, c.Good, c["Requires Improvement"]]).toEqual([figure("sif_lscb_outstanding"), figure("sif_lscb_good"), figure("sif_lscb_requires_improvement")]);
    expect(figure("sif_lscb_inadequate")).toBe(6);
    expect(annex.filter((r) => r.lscb_as_published === "Inadequate").map((r) => r.authority_as_published)).toEqual([
      "Bexley", "Birmingham", "Buckinghamshire", "Coventry", "Knowsley", "Manchester", "Slough",
    ]);
  });

  it("each la_code is an authority in data/authorities.csv with a matching name", () => {
    const authorities = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dataDir, "authorities.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
    const simple = (s: string) => s.toLowerCase().replace(/&/g, "and").replace(/\s+/g, " ").trim();
    for (const r of annex) {
      const a = authorities.find((x) => x.la_code === r.la_code);
      expect(a, `${r.authority_as_published} ${r.la_code}`).toBeDefined();
      const names = [a!.name!, ...(a!.aliases ?? "").split("|")].map(simple);
      expect(names, r.authority_as_published).toContain(simple(r.authority_as_published));
    }
    expect(new Set(annex.map((r) => r.la_code)).size).toBe(33);
  });
});

describeWithCorpus("Kent annex 1 against la-lookup.csv", () => {
  it("each la_code is in la-lookup by name; only Bournemouth (837, pre-2019) is absent, via successor 839", () => {
    const lookup = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(corpusDir, "la-lookup.csv"), "utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    const absent: string[] = [];
    for (const r of annex) {
      const l = lookup.find((x) => x.la_code === r.la_code);
      if (!l) {
        absent.push(r.la_code);
        continue;
      }
      expect(l.local_authority_ons_name!.toLowerCase()).toBe(r.authority_as_published.replace("&", "and").toLowerCase());
    }
    expect(absent).toEqual(["837"]);
    const bcp = lookup.find((x) => x.la_code === "839")!;
    expect(bcp.also_known_as).toContain("Bournemouth");
  });
});

/** Text of paragraph `id` of a seed, up to the start of paragraph `next` (line-initial numbers, optional "- "). */
function para(text: string, id: string, next: string): string {
  const at = (n: string, from: number) => {
    const re = new RegExp(`(^|\\n)[ \\t-]*${n.replace(/\./g, "\\.")}(\\.|(?=[ \\t]))[ \\t]`, "g");
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) throw new Error(`paragraph ${n} not found`);
    return m.index;
  };
  const start = at(id, 0);
  return norm(text.slice(start, at(next, start + 1)));
}

describeWithSeeds("reference data against the seed text", () => {
  // Read lazily: describe.skip still runs this body to collect the tests.
  const cache = new Map<string, string>();
  const seed = (n: string) => cache.get(n) ?? cache.set(n, seedText(n)).get(n)!;
  const whole = (n: string) => norm(seed(n));
  const s5 = () => para(seed("004"), "5.1", "6");

  it("every seed-backed national figure appears in its seed with the same value", () => {
    for (const f of figures.filter((x) => !x.source.startsWith("derived"))) {
      const [n, template] = EVIDENCE[f.figure_id]!;
      expect(f.source, f.figure_id).toContain(`seed ${n}`);
      const haystack = n === "004" ? s5() : whole(n);
      expect(haystack, f.figure_id).toContain(norm(template.replace("{v}", String(f.value))));
    }
  });

  it("figures would fail with a wrong value (the check is not vacuous)", () => {
    expect(whole("002")).not.toContain("36% (58) were good");
    expect(s5()).not.toContain("• 7 LCSBs have been rated ‘Inadequate’");
  });

  it("scheduling rules: the cited paragraphs say what the rows say", () => {
    const checks: Record<string, [seed: string, id: string, next: string, phrases: string[]]> = {
      slac_cycle_3y: ["000", "10", "11", ["at least one inspection of safeguarding and looked after children services in the three-year period following 1 April 2009"]],
      slac_inadequate_further: ["000", "10", "11", ["inadequate a further inspection may follow"]],
      consult2011_inadequate_interval: ["003", "35", "36", ["inadequate child protection services will be re-inspected within 18 months to two years"]],
      consult2011_satisfactory_interval: ["003", "35", "36", ["satisfactory child protection services will be re-inspected within three years"]],
      consult2011_good_interval: ["003", "35", "36", ["good or outstanding child protection services will be re-inspected within five years"]],
      consult2011_outstanding_interval: ["003", "35", "36", ["good or outstanding child protection services will be re-inspected within five years"]],
      consult2011_cp_inadequate_reinspection: ["003", "55", "56", ["child protection or children in care are inadequate, we will normally undertake a further full inspection within 18 months"]],
      consult2011_cic_inadequate_reinspection: ["003", "55", "56", ["child protection or children in care are inadequate, we will normally undertake a further full inspection within 18 months"]],
      sif_cycle_3y: ["004", "2.3", "3", ["The framework is set to take place over a three-year cycle."]],
      sif_inadequate_reinspection: ["001", "200", "201", ["re-inspect a local authority judged inadequate at its last inspection within two years of it submitting its action plan", "within 70 working days", "between four and six quarterly monitoring visits", "less than a year"]],
      sif_blackout_august: ["001", "8", "9", ["Inspections will not usually commence in August"]],
      sif_blackout_christmas: ["001", "8", "9", ["over the Christmas and New Year period"]],
    };
    const seedRules = rules.filter((r) => r.source.startsWith("seed")).map((r) => r.rule_id).sort();
    expect(seedRules).toEqual(Object.keys(checks).sort());
    for (const [id, [n, p, next, phrases]] of Object.entries(checks)) {
      const rule = rules.find((r) => r.rule_id === id)!;
      expect(rule.source, id).toContain(`seed ${n}`);
      expect(rule.source, id).toMatch(new RegExp(`para[s]? ${p.replace(".", "\\.")}\\b`));
      const text = para(seed(n), p, next);
      for (const phrase of phrases) expect(text, `${id}: ${phrase}`).toContain(phrase);
    }
  });

  it("SLAC judgements are exactly the graded items of seed 000 para 55", () => {
    const contents = para(seed("000"), "55", "56");
    const [sg, lac] = contents.split("Services for looked after children") as [string, string];
    // Graded lines end "Grade" (capital G); "No grade" lines are not judgements.
    expect(sg.match(/ Grade\b/g)).toHaveLength(15);
    expect(lac.match(/ Grade\b/g)).toHaveLength(18);
    for (const j of judgements.filter((x) => x.framework === "SLAC")) {
      const label = j.label.replace(/ \((safeguarding|looked after children)\)$/, "");
      expect(j.judgement_code.startsWith("slac_sg_") ? sg : lac, j.judgement_code).toContain(label);
    }
  });

  it("SLAC scale and start, SIF launch and the 2011 'satisfactory' label are as in the seeds", () => {
    expect(para(seed("000"), "29", "30")).toContain("four- point scale. Outstanding Good Adequate Inadequate");
    expect(whole("000")).toContain("take effect from 1 April 2009");
    expect(para(seed("004"), "1.1", "1.2")).toContain("framework launch in November 2013");
    expect(para(seed("003"), "28", "29")).toContain("outstanding, good, satisfactory and inadequate");
    expect(para(seed("004"), "2.1", "2.2")).toContain("simultaneous review of Local Safeguarding Children Boards");
  });

  it("Kent annex rows are transcribed as published, in order", () => {
    const table = norm(seed("004").slice(seed("004").indexOf("Annex 1: Inspection Details")));
    let from = 0;
    for (const r of annex) {
      const line = `${r.authority_as_published} ${r.overall_as_published}${r.exceptions_as_published ? ` (${r.exceptions_as_published})` : ""} ${r.lscb_as_published}`;
      const at = table.indexOf(line, from);
      expect(at, line).toBeGreaterThanOrEqual(from);
      from = at + line.length;
    }
  });
});
