import { z } from "zod";
import { intFromCsv, laCode, optional, source } from "./primitives.ts";

/** A date known to the month ("2012-03") or the year ("2012") only: never a day. */
export const statedDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, "expected YYYY-MM or YYYY");
export const datePrecision = z.enum(["month", "year"]);

/** The rule that turns a stated element, wording and month into a framework (data/reference/stated-framework-rules.csv). */
export const statedFrameworkRule = z.object({
  rule_id: z.string().min(1),
  element: z.enum(["safeguarding", "looked_after", "sif", "contact_referral_assessment"]),
  wording: z.enum(["safeguarding", "protection_of_children", "looked_after", "sif", "unannounced"]),
  from_month: statedDate,
  to_month: statedDate,
  framework: z.string().min(1),
  judgement_code: optional(z.string()),
  graded: z.enum(["yes", "no"]),
  description: z.string().min(1),
  source,
});
export type StatedFrameworkRule = z.infer<typeof statedFrameworkRule>;

/** An earlier inspection known only from what a later report states (data/stated-inspections.csv). */
export const statedInspection = z.object({
  inspection_id: z.string().regex(/^[a-z0-9-]+$/, "lower-case id"),
  la_code: laCode,
  framework: z.string().min(1),
  inspection_type: z.string().min(1),
  stated_date: statedDate,
  date_precision: datePrecision,
  rule_id: z.string().min(1),
  stated_in: z.string().min(1),
  stated_page: intFromCsv,
  quote: z.string().min(1),
  statements: intFromCsv,
  source_file: z.string().min(1),
  source_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  report_url: optional(z.string().url()),
});
export type StatedInspection = z.infer<typeof statedInspection>;

/** A grade a later report states for an earlier inspection, label as written (data/stated-judgements.csv). */
export const statedJudgement = z.object({
  inspection_id: z.string().min(1),
  judgement_code: z.string().min(1),
  grade_label: z.string().min(1),
  source,
  stated_in: z.string().min(1),
  stated_page: intFromCsv,
  quote: z.string().min(1),
});
export type StatedJudgement = z.infer<typeof statedJudgement>;

export const statementOutcome = z.enum([
  "used",
  "corroborates",
  "conflict_overruled",
  "agrees_with_ours",
  "disagrees_with_ours",
  "ambiguous",
]);

/** Every claim read from a later report, and what became of it (data/stated-statements.csv). */
export const statedStatement = z.object({
  stating_inspection_id: z.string().min(1),
  la_code: laCode,
  page: intFromCsv,
  pattern: z.string().min(1),
  kind: z.enum(["list", "narrative"]),
  element: z.string().min(1),
  wording: z.string().min(1),
  stated_date: optional(statedDate),
  date_precision: optional(datePrecision),
  grade_label: optional(z.string()),
  framework: optional(z.string()),
  judgement_code: optional(z.string()),
  outcome: statementOutcome,
  reason: optional(z.string()),
  inspection_id: optional(z.string()),
  quote: z.string().min(1),
});
export type StatedStatement = z.infer<typeof statedStatement>;

/** Every report read for statements, once (data/stated-accounting.csv). */
export const statedAccounting = z.object({
  inspection_id: z.string().min(1),
  framework: z.string().min(1),
  source_file: z.string().min(1),
  outcome: z.enum(["extracted", "ambiguous", "none"]),
  statements: intFromCsv,
  used: intFromCsv,
  reason: optional(z.string()),
});
export type StatedAccountingRow = z.infer<typeof statedAccounting>;

export { slacPublishedFigure } from "./stated-published.ts";
