import { z } from "zod";
import { isoDate, optional, pipeList, source, intFromCsv } from "./primitives.ts";

/** data/reference/frameworks.csv */
export const framework = z.object({
  framework: z.string().regex(/^[A-Z0-9_]+$/),
  name: z.string().min(1),
  start_date: isoDate,
  end_date: optional(isoDate),
  parent_framework: optional(z.string()),
  /** The framework whose timetable and family this one keeps (ILACS as revised from 2026 continues ILACS). */
  continues: optional(z.string()),
  grade_scale: pipeList,
  graded: z.enum(["yes", "no"]),
  description: z.string().min(1),
  source,
});
export type Framework = z.infer<typeof framework>;

/** data/reference/themes.csv: the harmonised themes every judgement maps to. */
export const theme = z.object({
  theme: z.string().regex(/^[a-z_]+$/),
  label: z.string().min(1),
  description: z.string().min(1),
  sort_order: intFromCsv,
  source,
});
export type Theme = z.infer<typeof theme>;

/** data/reference/judgement-areas.csv: each graded judgement of each framework, mapped to a theme. */
export const judgementArea = z.object({
  judgement_code: z.string().regex(/^[a-z0-9_]+$/),
  framework: z.string().min(1),
  label: z.string().min(1),
  parent_code: optional(z.string()),
  theme: z.string().min(1),
  is_headline: z.enum(["yes", "no"]),
  sort_order: intFromCsv,
  source,
});
export type JudgementArea = z.infer<typeof judgementArea>;

/** data/reference/grade-scale.csv: published grade labels mapped to the ordinal 1-4 scale. */
export const gradeLabel = z.object({
  grade_label: z.string().min(1),
  grade: optional(z.coerce.number().int().min(1).max(4)),
  grade_name: z.string().min(1),
  frameworks: pipeList,
  source,
});
export type GradeLabel = z.infer<typeof gradeLabel>;

/** A published grade label as grade-scale.csv keys it: lower case, runs of white space as one space. */
export function gradeKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, " ").trim();
}

/** data/reference/scheduling-rules.csv */
export const schedulingRule = z.object({
  rule_id: z.string().regex(/^[a-z0-9_]+$/),
  framework: z.string().min(1),
  applies_to_grade: optional(z.coerce.number().int().min(1).max(4)),
  rule_kind: z.enum(["cycle", "interval_by_grade", "reinspection", "blackout"]),
  min_months: optional(z.coerce.number()),
  max_months: optional(z.coerce.number()),
  /** What a window is counted from: the previous report's publication, or its action plan. */
  window_anchor: optional(z.enum(["publication", "action_plan"])),
  /** Days a window's close moves past the anchor before months are counted (the action plan's lag). */
  slack_days: optional(z.coerce.number().int().min(0)),
  /** A blackout's first and last day each year, MM-DD; the last may fall in the next year. */
  blackout_from: optional(z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)),
  blackout_to: optional(z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)),
  status: z.enum(["proposed", "in force", "practice"]),
  description: z.string().min(1),
  source,
}).superRefine((r, ctx) => {
  const blackout = r.rule_kind === "blackout";
  if (blackout && (r.blackout_from === null || r.blackout_to === null)) {
    ctx.addIssue({ code: "custom", path: ["blackout_from"], message: "a blackout rule needs blackout_from and blackout_to (MM-DD)" });
  }
  if (!blackout && (r.blackout_from !== null || r.blackout_to !== null)) {
    ctx.addIssue({ code: "custom", path: ["blackout_from"], message: "only blackout rules have blackout dates" });
  }
  if (r.max_months !== null && (r.window_anchor === null || r.slack_days === null)) {
    ctx.addIssue({ code: "custom", path: ["window_anchor"], message: "a rule with max_months needs window_anchor and slack_days" });
  }
});
export type SchedulingRule = z.infer<typeof schedulingRule>;

/** data/reference/national-figures.csv: published national aggregates quoted in the seeds. */
export const nationalFigure = z.object({
  figure_id: z.string().regex(/^[a-z0-9_]+$/),
  framework: z.string().min(1),
  period_start: optional(isoDate),
  period_end: optional(isoDate),
  measure: z.string().min(1),
  theme: optional(z.string()),
  grade: optional(z.coerce.number().int().min(1).max(4)),
  value: z.coerce.number(),
  unit: z.enum(["count", "percent", "years"]),
  source,
});
export type NationalFigure = z.infer<typeof nationalFigure>;

/** data/reference/kent-annex1.csv: seed 004 Annex 1, transcribed as published. */
export const kentAnnexRow = z.object({
  row: intFromCsv,
  authority_as_published: z.string().min(1),
  la_code: z.string().regex(/^\d{3}$/),
  overall_as_published: z.string().min(1),
  exceptions_as_published: z.string(),
  lscb_as_published: z.string().min(1),
  source,
});
export type KentAnnexRow = z.infer<typeof kentAnnexRow>;
