import { z } from "zod";
import { sectionKind } from "./report-themes.ts";

/**
 * data/report-passages.csv.gz: every passage (list item or paragraph) of every ingested report, in
 * the sections loaders/report-themes/sections.ts finds; boilerplate, statistics and contents left out.
 * The text is Ofsted's, published under the Open Government Licence v3.0.
 */
export const reportPassage = z.object({
  inspection_id: z.string().min(1),
  section: sectionKind,
  /** Position of the passage in its report (1-based, in reading order). */
  item: z.coerce.number().int().positive(),
  /** PDF page the passage starts on (1-based). */
  page: z.coerce.number().int().positive(),
  text: z.string().min(1),
});
export type ReportPassage = z.infer<typeof reportPassage>;
