import path from "node:path";
import { readCsv } from "../../lib/csv.ts";
import { accounting, inspection, judgement, type Accounting, type Inspection, type Judgement } from "../../schema/canonical.ts";
import { gradeKey, gradeLabel, judgementArea, type JudgementArea } from "../../schema/reference.ts";

/** The canonical rows a cross-check reads, from one data/ folder. */
export interface OurRows {
  inspections: Inspection[];
  judgements: Judgement[];
  accounting: Accounting[];
  judgementAreas: JudgementArea[];
  /** Published grade label (normalised, see gradeKey) to its 1-4 grade; "not judged" maps to null. */
  gradeScale: Map<string, number | null>;
}

export function readOurRows(dataDir: string): OurRows {
  const ref = (f: string) => path.join(dataDir, "reference", f);
  return {
    inspections: readCsv(path.join(dataDir, "inspections.csv"), inspection),
    judgements: readCsv(path.join(dataDir, "judgements.csv"), judgement),
    accounting: readCsv(path.join(dataDir, "ingest-accounting.csv"), accounting),
    judgementAreas: readCsv(ref("judgement-areas.csv"), judgementArea),
    gradeScale: new Map(readCsv(ref("grade-scale.csv"), gradeLabel).map((g) => [gradeKey(g.grade_label), g.grade])),
  };
}

/** Labels match ignoring case and spacing, as the warehouse matches them. */

/** The 1-4 grade of a published label, or undefined when the label is not on the scale. */
export function gradeOf(scale: Map<string, number | null>, label: string): number | undefined {
  return scale.get(gradeKey(label)) ?? undefined;
}

/** Judgement labels of each inspection, by judgement code. */
export function judgementsByInspection(judgements: Judgement[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const j of judgements) {
    const m = out.get(j.inspection_id) ?? new Map<string, string>();
    m.set(j.judgement_code, j.grade_label);
    out.set(j.inspection_id, m);
  }
  return out;
}
