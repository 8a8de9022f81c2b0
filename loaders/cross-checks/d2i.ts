import path from "node:path";
import { readCsv } from "../../lib/csv.ts";
import {
  d2iDateFields,
  d2iGradeFields,
  d2iRow,
  d2iVerdict,
  type D2iField,
  type D2iRow,
  type D2iSummaryRow,
  type D2iVerdict,
} from "../../schema/cross-checks.ts";
import { gradeKey } from "../../schema/reference.ts";
import { gradeOf, judgementsByInspection, type OurRows } from "./common.ts";

export const d2iFile = (sourcesDir: string) => path.join(sourcesDir, "d2i-ilacs-history.csv");

export function readD2i(file: string): D2iRow[] {
  return readCsv(file, d2iRow);
}

export function readD2iVerdicts(file: string): D2iVerdict[] {
  return readCsv(file, d2iVerdict);
}

/** The harmonised theme of each d2i grade column. */
const themeOf: Record<(typeof d2iGradeFields)[number], string> = {
  overall_effectiveness_grade: "overall",
  impact_of_leaders_grade: "leadership",
  help_and_protection_grade: "help_protection",
  in_care_grade: "children_in_care",
  care_leavers_grade: "care_leavers",
};

/** d2i markers that assert the report has no such judgement (care leavers before 2023, overall from April 2026). */
const absentMarkers = new Set(["inspection_pre_dates_judgement", "not_reported_post_reform"]);
/** d2i values that hold nothing: the scrape could not read the report or left the cell empty. */
const notHeld = new Set(["", "data_unreadable"]);
/** d2i's marker for fieldwork longer than two weeks: still a standard inspection. */
const longerThanStandard = "inspection duration longer than standard framework";

export type Outcome = "agree" | "label_only" | "disagree";

export interface D2iComparison {
  source_file: string;
  field: D2iField;
  theirs: string;
  ours: string;
  outcome: Outcome;
}

export interface D2iResult {
  rows: number;
  comparisons: D2iComparison[];
  /** Scrape rows for files we did not ingest, with our accounting outcome and reason. */
  notIngested: { source_file: string; outcome: string; reason: string }[];
  /** Ingested files the scrape has no row for. */
  missingFromTheirs: string[];
}

const isIlacs = (framework: string) => framework.startsWith("ILACS");

/** d2i dates are dd/mm/yy (publication) or dd/mm/yyyy (fieldwork); the corpus starts in 2012. */
export function isoFromD2i(date: string): string {
  if (date === "") return "";
  const [d, m, y] = date.split("/") as [string, string, string];
  return `${y.length === 2 ? `20${y}` : y}-${m}-${d}`;
}

/** "<urn>/<file name>": how a scrape row and one of our source files name the same report. */
function reportKey(sourceFile: string): string {
  const [, folder = "", file = ""] = sourceFile.split("/");
  return `${folder.split("_")[0]}/${file}`;
}

/**
 * Compare every grade and date the scrape holds with ours, on the 1-4 scale. A blank where the
 * report is ILACS and we hold a value counts as a disagreement (the report publishes it); a blank on
 * other reports, and data_unreadable, hold nothing and are not compared.
 */
export function compareD2i(d2iRows: D2iRow[], ours: OurRows): D2iResult {
  const byKey = new Map(ours.inspections.map((i) => [reportKey(i.source_file), i]));
  const accountingByKey = new Map(ours.accounting.map((a) => [reportKey(a.source_file), a]));
  const labels = judgementsByInspection(ours.judgements);
  const codeFor = new Map(ours.judgementAreas.filter((a) => a.is_headline === "yes").map((a) => [`${a.framework}/${a.theme}`, a.judgement_code]));

  const comparisons: D2iComparison[] = [];
  const notIngested: D2iResult["notIngested"] = [];
  const seen = new Set<string>();

  for (const row of d2iRows) {
    const key = `${row.urn}/${row.pdf_filename}`;
    seen.add(key);
    const insp = byKey.get(key);
    if (!insp) {
      const acc = accountingByKey.get(key);
      notIngested.push({
        source_file: acc?.source_file ?? key,
        outcome: acc?.outcome ?? "not in the corpus",
        reason: acc?.reason ?? "",
      });
      continue;
    }
    const push = (field: D2iField, theirs: string, oursValue: string, outcome: Outcome) =>
      comparisons.push({ source_file: insp.source_file, field, theirs, ours: oursValue, outcome });
    const ilacs = isIlacs(insp.framework);

    const theirsType = row.inspection_framework;
    if (theirsType !== "") {
      const oursType = `${insp.framework} ${insp.inspection_type}`;
      const same = ilacs && (theirsType === longerThanStandard ? "standard" : theirsType) === insp.inspection_type;
      push("inspection_framework", theirsType, oursType, same ? "agree" : "disagree");
    }

    const oursDates: Record<(typeof d2iDateFields)[number], string> = {
      publication_date: insp.published_date,
      inspection_start_date: insp.start_date ?? "",
      inspection_end_date: insp.end_date ?? "",
    };
    for (const field of d2iDateFields) {
      const theirs = row[field];
      const oursValue = oursDates[field];
      if (theirs === "" && !(ilacs && oursValue !== "")) continue;
      push(field, theirs, oursValue, isoFromD2i(theirs) === oursValue ? "agree" : "disagree");
    }

    const ourLabels = labels.get(insp.inspection_id) ?? new Map<string, string>();
    for (const field of d2iGradeFields) {
      const theirs = row[field];
      const code = ilacs ? codeFor.get(`${insp.framework}/${themeOf[field]}`) : undefined;
      const oursValue = (code && ourLabels.get(code)) ?? "";
      const theirsHolds = !notHeld.has(theirs);
      if (!ilacs && (!theirsHolds || absentMarkers.has(theirs))) continue;
      if (!theirsHolds && oursValue === "") continue;
      push(field, theirs, oursValue, gradeOutcome(ours.gradeScale, theirs, oursValue));
    }
  }

  const missingFromTheirs = ours.inspections.map((i) => i.source_file).filter((f) => !seen.has(reportKey(f)));
  return { rows: d2iRows.length, comparisons, notIngested, missingFromTheirs };
}

function gradeOutcome(scale: Map<string, number | null>, theirs: string, ours: string): Outcome {
  if (absentMarkers.has(theirs)) return ours === "" ? "agree" : "disagree";
  if (notHeld.has(theirs) || ours === "") return "disagree";
  const t = gradeOf(scale, theirs);
  const o = gradeOf(scale, ours);
  if (t === undefined || o === undefined || t !== o) return "disagree";
  return gradeKey(theirs) === gradeKey(ours) ? "agree" : "label_only";
}

export const isGradeField = (field: D2iField) => (d2iGradeFields as readonly string[]).includes(field);

const compKey = (c: { source_file: string; field: string }) => `${c.source_file}\u0000${c.field}`;

export interface VerdictCheck {
  /** Disagreements with no verdict row (or one recorded for other values). */
  withoutVerdict: D2iComparison[];
  /** Verdict rows that match nothing the comparison finds now. */
  stale: D2iVerdict[];
  /** ours_wrong_fixed rows whose disagreement is still there. */
  unfixed: D2iVerdict[];
}

/**
 * Hold the verdicts against the comparison: theirs_wrong and ambiguous rows must match a current
 * disagreement value for value; an ours_wrong_fixed row must now agree, with our value equal to theirs.
 */
export function checkVerdicts(comparisons: D2iComparison[], verdicts: D2iVerdict[]): VerdictCheck {
  const byKey = new Map(comparisons.map((c) => [compKey(c), c]));
  const verdictKeys = new Set<string>();
  const stale: D2iVerdict[] = [];
  const unfixed: D2iVerdict[] = [];
  for (const v of verdicts) {
    const c = byKey.get(compKey(v));
    if (v.verdict === "ours_wrong_fixed") {
      if (c?.outcome === "disagree") unfixed.push(v);
      else if (!c || c.theirs !== v.theirs) stale.push(v);
      continue;
    }
    if (c && c.outcome === "disagree" && c.theirs === v.theirs && c.ours === v.ours) verdictKeys.add(compKey(v));
    else stale.push(v);
  }
  const withoutVerdict = comparisons.filter((c) => c.outcome === "disagree" && !verdictKeys.has(compKey(c)));
  return { withoutVerdict, stale, unfixed };
}

/** Per field: comparisons, agreements (label-only among them), disagreements by verdict. */
export function summarise(comparisons: D2iComparison[], verdicts: D2iVerdict[]): D2iSummaryRow[] {
  const verdictOf = new Map(verdicts.map((v) => [compKey(v), v]));
  const fields = [...new Set(comparisons.map((c) => c.field))];
  const row = (field: string, cs: D2iComparison[]): D2iSummaryRow => {
    const disagreements = cs.filter((c) => c.outcome === "disagree");
    const verdictCount = (kind: string) => disagreements.filter((c) => verdictOf.get(compKey(c))?.verdict === kind).length;
    const fixed = cs.filter((c) => c.outcome !== "disagree" && verdictOf.get(compKey(c))?.verdict === "ours_wrong_fixed").length;
    const { withoutVerdict } = checkVerdicts(cs, verdicts);
    return {
      field,
      compared: cs.length,
      agreements: cs.length - disagreements.length,
      label_only: cs.filter((c) => c.outcome === "label_only").length,
      disagreements: disagreements.length,
      theirs_wrong: verdictCount("theirs_wrong"),
      ours_wrong_fixed: fixed,
      ambiguous: verdictCount("ambiguous"),
      without_verdict: withoutVerdict.length,
    };
  };
  const grades = comparisons.filter((c) => isGradeField(c.field));
  return [
    ...fields.map((f) => row(f, comparisons.filter((c) => c.field === f))),
    row("all ILACS grades", grades),
    row("all dates", comparisons.filter((c) => (d2iDateFields as readonly string[]).includes(c.field))),
    row("all fields", comparisons),
  ];
}
