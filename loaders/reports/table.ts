import { isGrade, isGradePrefix, readGradeCell } from "./grades.ts";
import { type Line, Quarantine, collapse } from "./lines.ts";
import type { Reference } from "./reference.ts";

/** One row of a judgement table: its label and grade cell as published. */
export interface Row {
  label: string;
  grade: string;
  page: number;
}

/**
 * Read label/grade rows from lines[start..]. A label may wrap over several lines; the grade is the
 * cell after the tab (the last of several when it reads as a grade: justified text has tabs between
 * words), or a line that starts a grade, and may wrap too. Stops at `stop`, after
 * `maxRows`, or at prose (a label running over more than `maxLabelLines` lines without a grade).
 */
export function readRows(
  lines: Line[],
  start: number,
  ref: Reference,
  opts: { maxRows: number; stop?: RegExp; maxLabelLines?: number },
): Row[] {
  const rows: Row[] = [];
  let label: string[] = [];
  for (let i = start; i < lines.length && rows.length < opts.maxRows; i++) {
    const line = lines[i]!;
    const text = collapse(line.text);
    if (opts.stop?.test(text)) break;
    if (text === "") continue;
    let gradeCell: string | undefined;
    const cells = line.text.split("\t").map(collapse).filter((c) => c !== "");
    const last = cells.at(-1)!;
    const lastIsGrade = isGradePrefix(last.replace(/[.;,]+$/, ""), ref);
    const numbered = cells.length === 2 && /^\d+(\.\d+)*\.?$/.test(cells[0]!);
    if ((cells.length === 2 && (lastIsGrade || !numbered)) || (cells.length > 2 && lastIsGrade)) {
      gradeCell = cells.pop();
      label.push(...cells);
    } else if (label.length > 0 && cells.length === 1 && lastIsGrade) {
      gradeCell = text;
    } else if (cells.length > 1) {
      label.push(cells.join(" "));
      continue;
    }
    if (gradeCell === undefined) {
      label.push(text);
      if (label.length > (opts.maxLabelLines ?? 3)) break;
      continue;
    }
    const { grade, used } = readGradeCell(gradeCell, lines.slice(i + 1, i + 4), ref);
    rows.push({ label: collapse(label.join(" ")), grade, page: line.page });
    label = [];
    i += used;
  }
  return rows;
}

export interface RowRule {
  code: string;
  label: RegExp;
}

/** Map rows to judgement codes by their labels; every row must match a rule and carry a known grade. */
export function assignCodes(rows: Row[], rules: RowRule[], ref: Reference, where: string): { code: string; label: string; page: number }[] {
  return rows.map((row) => {
    const rule = rules.find((r) => r.label.test(row.label));
    if (!rule) throw new Quarantine(`${where}: unrecognised judgement "${row.label}" (grade "${row.grade}")`);
    if (!isGrade(row.grade, ref)) throw new Quarantine(`${where}: unknown grade label "${row.grade}" for "${row.label}"`);
    return { code: rule.code, label: row.grade, page: row.page };
  });
}
