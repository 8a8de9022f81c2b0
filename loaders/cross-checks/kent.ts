import path from "node:path";
import { readCsv } from "../../lib/csv.ts";
import { kentVerdict, type KentComparisonRow, type KentField, type KentVerdict } from "../../schema/cross-checks.ts";
import { gradeKey, kentAnnexRow, nationalFigure, type KentAnnexRow } from "../../schema/reference.ts";
import type { Inspection } from "../../schema/canonical.ts";
import { judgementsByInspection, type OurRows } from "./common.ts";

/** The paper's names for the SIF judgements (seed 004, Annex 1), by our theme. */
const paperNames: Record<string, string> = {
  help_protection: "Child Protection",
  children_in_care: "Children in Care",
  adoption: "Adoption",
  care_leavers: "Care Leavers",
  leadership: "Leadership & Management",
};
const themeOfPaperName = new Map(Object.entries(paperNames).map(([theme, name]) => [name.toLowerCase(), theme]));
const gradeNames = ["", "Outstanding", "Good", "Requires Improvement", "Inadequate"];

export interface KentInputs {
  annex: KentAnnexRow[];
  /** The paper's window: section 5's period, as data/reference/national-figures.csv records it. */
  window: { from: string; to: string };
}

export function readKentInputs(dataDir: string): KentInputs {
  const ref = (f: string) => path.join(dataDir, "reference", f);
  const total = readCsv(ref("national-figures.csv"), nationalFigure).find((f) => f.figure_id === "sif_overall_total");
  if (!total?.period_start || !total.period_end) throw new Error("national-figures.csv: sif_overall_total needs its period");
  return { annex: readCsv(ref("kent-annex1.csv"), kentAnnexRow), window: { from: total.period_start, to: total.period_end } };
}

export function readKentVerdicts(file: string): KentVerdict[] {
  return readCsv(file, kentVerdict);
}

/** A grade phrase as the paper writes it: the longest scale label it starts with ("Good CIC" is good). */
export function paperGrade(scale: Map<string, number | null>, phrase: string): number | undefined {
  const p = gradeKey(phrase);
  let best: { len: number; grade: number } | undefined;
  for (const [label, grade] of scale) {
    if (grade === null || !(p === label || p.startsWith(`${label} `))) continue;
    if (!best || label.length > best.len) best = { len: label.length, grade };
  }
  return best?.grade;
}

/** "Adoption, Care Leavers: Good; Children in Care: Requires Improvement" to theme:grade keys. */
export function paperExceptions(scale: Map<string, number | null>, text: string): string[] {
  const keys: string[] = [];
  for (const part of text.split(";").map((p) => p.trim()).filter(Boolean)) {
    const [names = "", phrase = ""] = part.split(":");
    const grade = paperGrade(scale, phrase);
    for (const name of names.split(",").map((n) => n.trim().toLowerCase())) {
      keys.push(`${themeOfPaperName.get(name) ?? `?${name}`}:${grade ?? "?"}`);
    }
  }
  return keys.sort();
}

/** Exception keys written as the paper writes them, grades in order, judgements in report order. */
function formatExceptions(keys: { theme: string; grade: number; order: number }[]): string {
  const grades = [...new Set(keys.map((k) => k.grade))].sort();
  return grades
    .map((g) => {
      const names = keys.filter((k) => k.grade === g).sort((a, b) => a.order - b.order).map((k) => paperNames[k.theme] ?? k.theme);
      return `${names.join(", ")}: ${gradeNames[g]}`;
    })
    .join("; ");
}

export interface KentFieldComparison {
  annex_row: number;
  authority: string;
  field: KentField;
  paper: string;
  ours: string;
  agrees: boolean;
}

export interface KentResult {
  rows: KentComparisonRow[];
  fields: KentFieldComparison[];
  /** First SIF reports published in the window whose authority is not in Annex 1. */
  notInAnnex: Inspection[];
}

/**
 * Annex 1 beside our rows. The paper's report for an authority is its first SIF report, published
 * in the window; exceptions are the sub-judgements whose grade differs from overall effectiveness.
 */
export function compareKent(inputs: KentInputs, ours: OurRows): KentResult {
  const { annex, window } = inputs;
  const labels = judgementsByInspection(ours.judgements);
  const area = new Map(ours.judgementAreas.map((a) => [a.judgement_code, a]));
  const inWindow = (i: Inspection) => i.published_date >= window.from && i.published_date <= window.to;
  const byDate = (a: Inspection, b: Inspection) => a.published_date.localeCompare(b.published_date);

  const firstSif = new Map<string, Inspection>();
  for (const i of ours.inspections.filter((i) => i.framework === "SIF").sort(byDate)) {
    if (!firstSif.has(i.la_code)) firstSif.set(i.la_code, i);
  }
  const graded = (inspectionId: string) =>
    [...(labels.get(inspectionId) ?? new Map<string, string>())].map(([code, label]) => ({
      code,
      label,
      theme: area.get(code)?.theme ?? "",
      order: area.get(code)?.sort_order ?? 0,
      grade: ours.gradeScale.get(gradeKey(label)) ?? undefined,
    }));
  const lscbFor = (la: string, report: Inspection) => {
    const own = graded(report.inspection_id).find((j) => j.theme === "lscb");
    if (own) return own;
    const review = ours.inspections.filter((i) => i.la_code === la && i.framework === "SIF_LSCB" && inWindow(i)).sort(byDate)[0];
    return review && graded(review.inspection_id).find((j) => j.theme === "lscb");
  };

  const rows: KentComparisonRow[] = [];
  const fields: KentFieldComparison[] = [];
  for (const a of annex) {
    const base = { annex_row: a.row, authority: a.authority_as_published };
    const report = firstSif.get(a.la_code);
    const paperOverall = paperGrade(ours.gradeScale, a.overall_as_published);
    const paperLscb = paperGrade(ours.gradeScale, a.lscb_as_published);
    const paperKeys = paperExceptions(ours.gradeScale, a.exceptions_as_published);
    const row: KentComparisonRow = {
      ...base,
      la_code: a.la_code,
      inspection_id: null,
      published_date: null,
      overall_paper: a.overall_as_published,
      overall_ours: "",
      exceptions_paper: a.exceptions_as_published,
      exceptions_ours: "",
      lscb_paper: a.lscb_as_published,
      lscb_ours: "",
      status: "",
    };
    if (!report || !inWindow(report)) {
      const found = report ? `first SIF report published ${report.published_date}` : "no SIF report";
      fields.push({ ...base, field: "report", paper: `published by ${window.to}`, ours: found, agrees: false });
      rows.push({ ...row, status: `differs: ${found}` });
      continue;
    }
    const js = graded(report.inspection_id);
    const overall = js.find((j) => j.theme === "overall");
    const lscb = lscbFor(a.la_code, report);
    const exceptions = js.filter(
      (j) => !["overall", "lscb"].includes(j.theme) && j.grade !== undefined && overall?.grade !== undefined && j.grade !== overall.grade,
    ) as { theme: string; grade: number; order: number }[];
    const ourKeys = exceptions.map((j) => `${j.theme}:${j.grade}`).sort();
    const compared: KentFieldComparison[] = [
      { ...base, field: "overall", paper: a.overall_as_published, ours: overall?.label ?? "", agrees: paperOverall !== undefined && paperOverall === overall?.grade },
      {
        ...base,
        field: "exceptions",
        paper: a.exceptions_as_published,
        ours: formatExceptions(exceptions),
        agrees: paperKeys.join("|") === ourKeys.join("|"),
      },
      { ...base, field: "lscb", paper: a.lscb_as_published, ours: lscb?.label ?? "", agrees: paperLscb !== undefined && paperLscb === lscb?.grade },
    ];
    fields.push(...compared);
    const differing = compared.filter((c) => !c.agrees).map((c) => c.field);
    rows.push({
      ...row,
      inspection_id: report.inspection_id,
      published_date: report.published_date,
      overall_ours: compared[0]!.ours,
      exceptions_ours: compared[1]!.ours,
      lscb_ours: compared[2]!.ours,
      status: differing.length === 0 ? "agrees" : `differs: ${differing.join(", ")}`,
    });
  }
  const annexCodes = new Set(annex.map((a) => a.la_code));
  const notInAnnex = [...firstSif.values()].filter((i) => inWindow(i) && !annexCodes.has(i.la_code)).sort(byDate);
  return { rows, fields, notInAnnex };
}

const key = (c: { annex_row: number; field: string }) => `${c.annex_row}/${c.field}`;

/** Disagreements without a verdict row matching them value for value, and verdict rows that match none. */
export function checkKentVerdicts(fields: KentFieldComparison[], verdicts: KentVerdict[]) {
  const byKey = new Map(fields.map((f) => [key(f), f]));
  const matched = new Set<string>();
  const stale: KentVerdict[] = [];
  const unfixed: KentVerdict[] = [];
  for (const v of verdicts) {
    const f = byKey.get(key(v));
    if (v.verdict === "ours_wrong_fixed") {
      if (f && !f.agrees) unfixed.push(v);
      else if (!f || f.paper !== v.paper) stale.push(v);
    } else if (f && !f.agrees && f.paper === v.paper && f.ours === v.ours) matched.add(key(v));
    else stale.push(v);
  }
  return { withoutVerdict: fields.filter((f) => !f.agrees && !matched.has(key(f))), stale, unfixed };
}

/** The paper's own column sums: authorities by grade 1-4, as Annex 1 lists them. */
export function annexGradeCounts(scale: Map<string, number | null>, annex: KentAnnexRow[], column: "overall_as_published" | "lscb_as_published"): number[] {
  const counts = [0, 0, 0, 0];
  for (const a of annex) {
    const g = paperGrade(scale, a[column]);
    if (g !== undefined) counts[g - 1]!++;
  }
  return counts;
}
