import path from "node:path";
import { readCsv } from "../../lib/csv.ts";
import { referenceDir } from "../../lib/paths.ts";
import { gradeKey, gradeLabel, judgementArea } from "../../schema/reference.ts";

/** The reference tables ingest validates against, read at run time (data/reference/). */
export interface Reference {
  /** judgement_code -> framework */
  codes: Map<string, string>;
  /** Known grade labels, lower-case, whitespace normalised, longest first. */
  gradeLabels: string[];
}

export function loadReference(dir = referenceDir): Reference {
  const areas = readCsv(path.join(dir, "judgement-areas.csv"), judgementArea);
  const grades = readCsv(path.join(dir, "grade-scale.csv"), gradeLabel);
  return {
    codes: new Map(areas.map((a) => [a.judgement_code, a.framework])),
    gradeLabels: [...new Set(grades.map((g) => gradeKey(g.grade_label)))].sort((a, b) => b.length - a.length),
  };
}
