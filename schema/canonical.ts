import { z } from "zod";
import { isoDate, laCode, optional, pipeList, source, intFromCsv } from "./primitives.ts";

/** One row per upper-tier authority, current or predecessor (data/authorities.csv). */
export const authority = z.object({
  la_code: laCode,
  gss_code: z.string().regex(/^E\d{8}$/),
  gss_codes_previous: pipeList,
  name: z.string().min(1),
  aliases: pipeList,
  ofsted_urn: optional(z.string()),
  ofsted_region_code: z.string().min(1),
  ofsted_region: z.string().min(1),
  ons_region_code: z.string().regex(/^E12\d{6}$/),
  ons_region: z.string().min(1),
  la_type: z.enum(["County", "Unitary Authority", "Metropolitan District", "London Borough"]),
  stat_neighbours: pipeList,
  population_0_25: optional(intFromCsv),
  status: z.enum(["current", "predecessor"]),
  valid_from: optional(isoDate),
  valid_to: optional(isoDate),
  successors: pipeList,
  predecessors: pipeList,
  source,
});
export type Authority = z.infer<typeof authority>;

/**
 * A link to a published report: https on Ofsted's report hosts only, so no other scheme
 * (javascript:, data:) or site can reach a page or a briefing as a live link.
 */
export const reportUrl = z.url({ protocol: /^https$/, hostname: /^(files|reports)\.ofsted\.gov\.uk$/, message: "expected an https link on files.ofsted.gov.uk or reports.ofsted.gov.uk" });

/** One row per published graded inspection report (data/inspections.csv). */
export const inspection = z.object({
  inspection_id: z.string().regex(/^[a-z0-9-]+$/, "lower-case id"),
  la_code: laCode,
  framework: z.string().min(1),
  inspection_type: z.string().min(1),
  start_date: optional(isoDate),
  end_date: optional(isoDate),
  published_date: isoDate,
  source_file: z.string().min(1),
  source_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  report_url: optional(reportUrl),
});
export type Inspection = z.infer<typeof inspection>;

/** One row per graded judgement in a report, label exactly as published (data/judgements.csv). */
export const judgement = z.object({
  inspection_id: z.string().min(1),
  judgement_code: z.string().min(1),
  grade_label: z.string().min(1),
  source: source,
});
export type Judgement = z.infer<typeof judgement>;

/** Every source file seen by an ingest run, once (data/ingest-accounting.csv). */
export const accounting = z.object({
  source_file: z.string().min(1),
  source_sha256: optional(z.string()),
  outcome: z.enum(["ingested", "out_of_scope", "quarantined"]),
  kind: z.string().min(1),
  reason: optional(z.string()),
  inspection_id: optional(z.string()),
});
export type Accounting = z.infer<typeof accounting>;
