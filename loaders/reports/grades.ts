import type { Line } from "./lines.ts";
import { collapse } from "./lines.ts";
import { gradeKey } from "../../schema/reference.ts";
import type { Reference } from "./reference.ts";

/**
 * The longest known grade label at the start of `text` (ignoring case and spacing), returned as
 * published with spacing collapsed, or null. "requires improvement to be good. The LSCB" gives
 * "requires improvement to be good".
 */
export function leadingGrade(text: string, ref: Reference): string | null {
  const t = collapse(text).replace(/^[‘'"]+/, "");
  const lower = t.toLowerCase();
  for (const label of ref.gradeLabels) {
    if (lower.startsWith(label) && !/[a-z]/i.test(lower.charAt(label.length))) return t.slice(0, label.length);
  }
  return null;
}

export function isGrade(text: string, ref: Reference): boolean {
  return ref.gradeLabels.includes(gradeKey(text));
}

/** Could `text` still grow into a known label with more words ("Requires", "requires improvement to")? */
export function isGradePrefix(text: string, ref: Reference): boolean {
  const t = gradeKey(text);
  return t !== "" && ref.gradeLabels.some((l) => l.startsWith(t) && (l.length === t.length || l.charAt(t.length) === " "));
}

/**
 * A grade cell that may wrap onto following lines ("Requires" / "improvement", "Requires improvement" /
 * "to be good"), without a trailing "Grade 4". Returns the cell text and how many continuation lines it used.
 */
export function readGradeCell(first: string, following: Line[], ref: Reference): { grade: string; used: number } {
  let grade = collapse(first).replace(/[.;,]+$/, "").replace(/\s+\(?grade \d\)?$/i, "");
  let used = 0;
  for (const next of following) {
    const t = collapse(next.text).replace(/[.;,]+$/, "");
    if (next.text.includes("\t") || t === "") break;
    const joined = `${grade} ${t}`;
    if (!isGradePrefix(joined, ref)) break;
    grade = joined;
    used++;
  }
  return { grade, used };
}
