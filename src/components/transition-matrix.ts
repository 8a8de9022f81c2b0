import * as Plot from "@observablehq/plot";
import {gradeShort} from "./grades.js";

export interface TransitionRow {
  from_framework: string;
  to_framework: string;
  from_grade: number;
  to_grade: number;
  authorities: number;
}

/** A grid of first grade under one framework (rows) against first grade under the next (columns). */
export function transitionMatrix(rows: TransitionRow[], {width = 480, label = ""}: {width?: number; label?: string} = {}): SVGSVGElement | HTMLElement {
  // Framework's width is 0 before layout; a chart narrower than its margins would draw negative bars.
  width = Math.max(width, 360);
  const first = rows[0];
  const grades = [1, 2, 3, 4];
  const count = (f: number, t: number) => rows.find((r) => r.from_grade === f && r.to_grade === t)?.authorities ?? 0;
  const cells = grades.flatMap((f) => grades.map((t) => ({from: gradeShort[f], to: gradeShort[t], n: count(f, t), same: f === t})));
  const max = Math.max(1, ...cells.map((c) => c.n));
  const names = grades.map((g) => gradeShort[g] as string);
  return Plot.plot({
    width: Math.min(width, 560),
    height: 300,
    marginLeft: 110,
    marginTop: 50,
    ariaLabel: label,
    x: {domain: names, label: first ? `First ${first.to_framework} grade` : null, axis: "top"},
    y: {domain: names, label: first ? `First ${first.from_framework} grade` : null},
    color: {type: "linear", domain: [0, max], range: ["#f7f7f7", "#4d4d4d"]},
    marks: [
      Plot.cell(cells, {x: "to", y: "from", fill: "n", stroke: (c: {same: boolean}) => (c.same ? "#333" : "white"), inset: 1, title: (c: {from: string; to: string; n: number}) => `${c.from} to ${c.to}: ${c.n}`}),
      Plot.text(cells, {x: "to", y: "from", text: "n", fill: (c: {n: number}) => (c.n > max / 2 ? "white" : "black"), fontSize: 13, ariaHidden: "true"}),
    ],
  });
}
