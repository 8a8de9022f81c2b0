/**
 * Our stated SLAC and CPI grades beside the published national figures: HMCI's annual report
 * 2010/11 (reference/slac-published-figures.csv) and seed 002's SLAC and CPI counts
 * (reference/national-figures.csv). We only know each authority's inspections that a later report
 * states (usually its last before the SIF), so our counts are a lower bound of the published ones.
 */
import path from "node:path";
import { z } from "zod";
import { readCsv } from "../../lib/csv.ts";
import { gradeLabel, nationalFigure } from "../../schema/reference.ts";
import { statedInspection, statedJudgement } from "../../schema/stated.ts";
import { optional, source } from "../../schema/primitives.ts";
import { gradeKey } from "./common.ts";

export const slacPublishedFigure = z.object({
  figure_id: z.string().regex(/^[a-z0-9_]+$/),
  publication: z.string().min(1),
  element: z.enum(["safeguarding", "looked_after", "cpi"]),
  period_start: z.string().regex(/^\d{4}-\d{2}$/),
  period_end: z.string().regex(/^\d{4}-\d{2}$/),
  grade: optional(z.coerce.number().int().min(1).max(4)),
  value: z.coerce.number().int(),
  source,
});

export type StatedComparisonRow = {
  publication: string;
  element: string;
  period: string;
  grade: string;
  published: number;
  ours: number;
  ours_year_only: number;
  difference: number;
  source: string;
};

const GRADE_NAMES = ["all grades", "outstanding", "good", "adequate", "inadequate"];
const CODES: Record<string, string> = { safeguarding: "slac_sg_overall", looked_after: "slac_lac_overall", cpi: "cpi_overall" };

export function compareStatedWithPublished(dataDir: string): StatedComparisonRow[] {
  const ref = (f: string) => path.join(dataDir, "reference", f);
  const inspections = new Map(readCsv(path.join(dataDir, "stated-inspections.csv"), statedInspection).map((i) => [i.inspection_id, i]));
  const judgements = readCsv(path.join(dataDir, "stated-judgements.csv"), statedJudgement);
  const scale = new Map(readCsv(ref("grade-scale.csv"), gradeLabel).map((g) => [gradeKey(g.grade_label), g.grade]));
  const hmci = readCsv(ref("slac-published-figures.csv"), slacPublishedFigure);
  // Seed 002's counts, as the national figures table holds them (one definition of those figures).
  const seed = readCsv(ref("national-figures.csv"), nationalFigure)
    .filter((f) => f.unit === "count" && (f.framework === "SLAC" || f.framework === "CPI") && f.theme === "overall")
    .map((f) => ({
      publication: "seed 002 (NCASC 2012)",
      element: f.framework === "CPI" ? "cpi" : f.figure_id.startsWith("slac_sg") ? "safeguarding" : "looked_after",
      period_start: (f.period_start ?? "2012-05-01").slice(0, 7),
      // CPI: published by the NCASC conference (October 2012).
      period_end: (f.period_end ?? "2012-10-31").slice(0, 7),
      grade: f.grade ?? null,
      value: f.value,
      source: f.source,
    }));

  const rows: StatedComparisonRow[] = [];
  for (const f of [...hmci, ...seed]) {
    const mine = judgements.filter((j) => j.judgement_code === CODES[f.element]);
    const inPeriod = (precision: "month" | "year") =>
      mine.filter((j) => {
        const i = inspections.get(j.inspection_id)!;
        if (i.date_precision !== precision) return false;
        const d = i.stated_date;
        const inWindow = precision === "month" ? f.period_start <= d && d <= f.period_end : f.period_start.slice(0, 4) <= d && d <= f.period_end.slice(0, 4);
        return inWindow && (f.grade == null || scale.get(gradeKey(j.grade_label)) === f.grade);
      }).length;
    const ours = inPeriod("month");
    rows.push({
      publication: f.publication,
      element: f.element,
      period: `${f.period_start} to ${f.period_end}`,
      grade: GRADE_NAMES[f.grade ?? 0]!,
      published: f.value,
      ours,
      ours_year_only: inPeriod("year"),
      difference: ours - f.value,
      source: f.source,
    });
  }
  return rows;
}
