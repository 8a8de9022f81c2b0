import { z } from "zod";
import { intFromCsv, laCode, optional } from "./primitives.ts";

const ddmmyy = z.string().regex(/^\d{2}\/\d{2}\/\d{2}$/, "expected dd/mm/yy");
const ddmmyyyyOrBlank = z.string().regex(/^(\d{2}\/\d{2}\/\d{4})?$/, "expected dd/mm/yyyy or blank");

/** One row of Data to Insight's scrape (../shared/data/d2i-ilacs-history.csv), as they publish it. */
export const d2iRow = z.object({
  urn: z.string().regex(/^\d+$/),
  local_authority: z.string().min(1),
  inspection_link: z.string(),
  pdf_filename: z.string().min(1),
  publication_date: ddmmyy,
  inspection_framework: z.string(),
  inspector_name: z.string(),
  inspection_start_date: ddmmyyyyOrBlank,
  inspection_end_date: ddmmyyyyOrBlank,
  overall_effectiveness_grade: z.string(),
  impact_of_leaders_grade: z.string(),
  help_and_protection_grade: z.string(),
  in_care_grade: z.string(),
  care_leavers_grade: z.string(),
  parser_version: z.string(),
});
export type D2iRow = z.infer<typeof d2iRow>;

/** The d2i columns we compare, by their own names. */
export const d2iGradeFields = [
  "overall_effectiveness_grade",
  "impact_of_leaders_grade",
  "help_and_protection_grade",
  "in_care_grade",
  "care_leavers_grade",
] as const;
export const d2iDateFields = ["publication_date", "inspection_start_date", "inspection_end_date"] as const;
export const d2iField = z.enum(["inspection_framework", ...d2iDateFields, ...d2iGradeFields]);
export type D2iField = z.infer<typeof d2iField>;

/**
 * A disagreement read against the report: the scrape is wrong, we were wrong and the ingest is
 * fixed (ours then records our value before the fix), or the report does not settle it.
 */
export const d2iVerdictKind = z.enum(["theirs_wrong", "ours_wrong_fixed", "ambiguous"]);
export type D2iVerdictKind = z.infer<typeof d2iVerdictKind>;

/** data/cross-checks/d2i-verdicts.csv: one row per disagreement with the d2i scrape. */
export const d2iVerdict = z.object({
  source_file: z.string().startsWith("ofsted-reports/"),
  field: d2iField,
  theirs: z.string(),
  ours: z.string(),
  verdict: d2iVerdictKind,
  evidence: z.string().min(20, "quote the report"),
});
export type D2iVerdict = z.infer<typeof d2iVerdict>;

/** data/cross-checks/d2i-comparison-summary.csv: per field, how the comparison came out. */
export const d2iSummaryRow = z.object({
  field: z.string().min(1),
  compared: intFromCsv,
  agreements: intFromCsv,
  label_only: intFromCsv,
  disagreements: intFromCsv,
  theirs_wrong: intFromCsv,
  ours_wrong_fixed: intFromCsv,
  ambiguous: intFromCsv,
  without_verdict: intFromCsv,
});
export type D2iSummaryRow = z.infer<typeof d2iSummaryRow>;

/** What Annex 1 of seed 004 and our SIF report are compared on. */
export const kentField = z.enum(["report", "overall", "exceptions", "lscb"]);
export type KentField = z.infer<typeof kentField>;

/**
 * paper_convention: the paper applies a rule of its own that the report bears out (it lists a
 * sub-judgement only where it differs from its parent judgement too); paper_wrong: the report
 * says otherwise; not_in_corpus: the report is not among the published files we hold.
 */
export const kentVerdictKind = z.enum(["paper_convention", "paper_wrong", "not_in_corpus", "ours_wrong_fixed", "ambiguous"]);
export type KentVerdictKind = z.infer<typeof kentVerdictKind>;

/** data/cross-checks/kent-annex1-verdicts.csv: one row per disagreement with Annex 1. */
export const kentVerdict = z.object({
  annex_row: intFromCsv,
  authority: z.string().min(1),
  field: kentField,
  paper: z.string(),
  ours: z.string(),
  verdict: kentVerdictKind,
  evidence: z.string().min(20, "quote the report"),
});
export type KentVerdict = z.infer<typeof kentVerdict>;

/** data/cross-checks/kent-annex1-comparison.csv: each Annex 1 row beside our SIF report. */
export const kentComparisonRow = z.object({
  annex_row: intFromCsv,
  authority: z.string().min(1),
  la_code: laCode,
  inspection_id: optional(z.string()),
  published_date: optional(z.string()),
  overall_paper: z.string(),
  overall_ours: z.string(),
  exceptions_paper: z.string(),
  exceptions_ours: z.string(),
  lscb_paper: z.string(),
  lscb_ours: z.string(),
  status: z.string().min(1),
});
export type KentComparisonRow = z.infer<typeof kentComparisonRow>;
