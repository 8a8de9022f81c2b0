import { z } from "zod";
import { intFromCsv, source } from "./primitives.ts";

const themeId = z.string().regex(/^[a-z_]+$/, "theme ids are lower case with underscores");

/**
 * One signal term: a JavaScript regular-expression fragment, lower case, matched case-insensitively
 * at word boundaries against report text with curly quotes straightened.
 */
const term = z
  .string()
  .min(2)
  .refine((t) => t === t.toLowerCase(), "terms are lower case")
  .refine((t) => {
    try {
      new RegExp(t);
      return true;
    } catch {
      return false;
    }
  }, "not a valid regular expression");

/** Split a terms cell at the "|" characters outside parentheses and brackets (those inside belong to one term's pattern). */
export function splitTerms(cell: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let term = "";
  for (const ch of cell) {
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    if (ch === "|" && depth === 0) {
      terms.push(term.trim());
      term = "";
    } else term += ch;
  }
  terms.push(term.trim());
  return terms;
}

/** data/reference/report-themes.csv: the taxonomy of what inspectors write about. */
export const reportTheme = z.object({
  theme_id: themeId,
  label: z.string().min(1),
  definition: z.string().min(1),
  terms: z.string().transform((s, ctx) => {
    const list = splitTerms(s);
    for (const t of list) {
      const r = term.safeParse(t);
      if (!r.success) ctx.addIssue({ code: "custom", message: `term ${JSON.stringify(t)}: ${r.error.issues[0]!.message}` });
    }
    return list;
  }),
  kent_group: z.enum(["well", "poor", "both", "seed002"]),
  sort_order: intFromCsv,
  source,
});
export type ReportTheme = z.infer<typeof reportTheme>;

/** Where in a report a passage sits (sections.ts says how each is found). */
export const sectionKind = z.enum([
  "summary",
  "strengths",
  "improve",
  "help_protection",
  "children_in_care",
  "adoption",
  "care_leavers",
  "leadership",
  "lscb",
  "other",
  // Title page, information about the area and the inspection: searched, never tagged.
  "about",
]);
export type SectionKind = z.infer<typeof sectionKind>;

export const polarity = z.enum(["strength", "weakness", "neutral"]);
export type Polarity = z.infer<typeof polarity>;

/**
 * data/report-themes.csv: passages (sentences or list items) per report, theme, section and polarity.
 * theme_id "all" counts every passage of the section, tagged or not: the denominator, and proof
 * that the report was read.
 */
export const reportThemeCount = z.object({
  inspection_id: z.string().min(1),
  theme_id: z.union([themeId, z.literal("all")]),
  section: sectionKind,
  polarity,
  passages: z.coerce.number().int().positive(),
});
export type ReportThemeCount = z.infer<typeof reportThemeCount>;

/** data/report-theme-snippets.csv: short evidence passages, at most one weakness and one strength per report and theme. */
export const reportThemeSnippet = z.object({
  inspection_id: z.string().min(1),
  theme_id: themeId,
  section: sectionKind,
  polarity: z.enum(["strength", "weakness"]),
  page: z.coerce.number().int().positive(),
  term: z.string().min(1),
  snippet: z.string().min(1).max(200),
});
export type ReportThemeSnippet = z.infer<typeof reportThemeSnippet>;

/** test/fixtures/report-themes/labels.csv: hand labels of theme presence in a report's areas for improvement. */
export const themeLabel = z.object({
  source_file: z.string().min(1),
  theme_id: themeId,
  present: z.enum(["yes", "no"]),
  note: z.string(),
});
export type ThemeLabel = z.infer<typeof themeLabel>;
