import { z } from "zod";
import { optional, source } from "./primitives.ts";

/** Published national SLAC counts not in the seeds (data/reference/slac-published-figures.csv). */
export const slacPublishedFigure = z.object({
  figure_id: z.string().regex(/^[a-z0-9_]+$/),
  publication: z.string().min(1),
  framework: z.string().min(1),
  element: z.enum(["safeguarding", "looked_after"]),
  period_start: z.string().regex(/^\d{4}-\d{2}$/),
  period_end: z.string().regex(/^\d{4}-\d{2}$/),
  grade: optional(z.coerce.number().int().min(1).max(4)),
  value: z.coerce.number().int(),
  source,
});
