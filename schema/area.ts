import { z } from "zod";
import { isoDate, optional, source } from "./primitives.ts";

const number = z.preprocess((v) => (v === "" || v === undefined ? null : Number(v)), z.number().finite().nullable());

/** data/reference/area-measures.csv: the measures of "The area", each with where it comes from. */
export const areaMeasure = z.object({
  measure: z.string().regex(/^[a-z0-9_]+$/),
  label: z.string().min(1),
  /** for the profile's compact table; the label is its title */
  short_label: z.string().min(1).max(32),
  unit: z.enum(["count", "per_10000", "percent", "rank", "cases", "date", "text"]),
  as_at: z.string().min(1),
  group: z.enum(["children", "child_protection", "looked_after", "workforce", "deprivation", "leadership"]),
  official_code: optional(z.string()),
  report_phrase: optional(z.string()),
  source,
});
export type AreaMeasure = z.infer<typeof areaMeasure>;

/** data/reference/area-sources.csv: each official file read, its publication and release. */
export const areaSource = z.object({
  source_file: z.string().min(1),
  kind: z.enum(["lait", "dfe", "ssda903", "imd2019", "neighbours"]),
  release: z.string().min(1),
  release_date: isoDate,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  library: z.string().min(1),
  source,
});
export type AreaSource = z.infer<typeof areaSource>;

/**
 * data/area-statistics.csv: one figure about one area (an authority, an ONS region or England).
 * value is null exactly when the source printed a suppression code (kept as printed, never a zero)
 * or the figure is text (value_text: a month, a practice model).
 */
export const areaStatistic = z
  .object({
    area: z.string().regex(/^(\d{3}|E1[02]\d{6}|E92000001)$/),
    area_kind: z.enum(["authority", "region", "england"]),
    measure: z.string().regex(/^[a-z0-9_]+$/),
    period: z.string().min(4),
    as_at: isoDate,
    value: number,
    value_text: optional(z.string()),
    unit: z.string().min(1),
    suppression: optional(z.string()),
    source: z.string().min(1),
    release: z.string().min(1),
    locator: z.string().min(1),
    quote: optional(z.string()),
  })
  .refine((r) => (r.value === null) === (r.suppression !== null || r.value_text !== null), {
    message: "a row holds a number, a suppression code or a text value, exactly one",
  });
export type AreaStatistic = z.infer<typeof areaStatistic>;

/** data/area-neighbours.csv: DfE's statistical neighbour groupings, one row per pair. */
export const areaNeighbour = z.object({
  la_code: z.string().regex(/^\d{3}$/),
  grouping: z.string().min(1),
  rank: z.coerce.number().int().min(1),
  neighbour_la_code: z.string().regex(/^\d{3}$/),
  closeness: optional(z.string()),
  source,
});
export type AreaNeighbour = z.infer<typeof areaNeighbour>;

/** data/area-report-accounting.csv: every SIF report, and which area figures its text gave. */
export const areaReportAccount = z.object({
  inspection_id: z.string().min(1),
  la_code: z.string().regex(/^\d{3}$/),
  status: z.enum(["extracted", "partial", "no section"]),
  found: z.string(),
  missing: z.string(),
  page: optional(z.coerce.number().int()),
});
export type AreaReportAccount = z.infer<typeof areaReportAccount>;
