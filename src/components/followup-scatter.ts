import * as Plot from "@observablehq/plot";
import {gradeColors, gradeShort} from "./grades.js";
import type {ReferenceLine} from "./interval-strips.js";

export interface Followup {
  authority_name: string;
  published_date: string;
  months: number;
  status: string;
  next_overall_grade: number | null;
  next_framework: string | null;
}

/**
 * Each inadequate report by publication date against the months until the next graded inspection
 * began: filled dots in the next grade's colour, and open rings for authorities still waiting (months
 * so far). The symbol, not only the colour, separates the two.
 */
export function followupScatter(rows: Followup[], {references = [], width}: {references?: ReferenceLine[]; width?: number} = {}): SVGSVGElement | HTMLElement {
  const data = rows
    .filter((r) => r.status !== "overlapping")
    .map((r) => ({...r, date: new Date(r.published_date), outcome: r.status === "awaiting" ? "Still waiting" : `Next: ${r.next_overall_grade == null ? "no overall grade" : gradeShort[r.next_overall_grade]}`}));
  const outcomes = ["Next: Outstanding", "Next: Good", "Next: RI / adequate", "Next: Inadequate", "Next: no overall grade", "Still waiting"];
  const colours = [gradeColors[1], gradeColors[2], gradeColors[3], gradeColors[4], "#999", "white"];
  return Plot.plot({
    width: Math.max(320, width ?? 640),
    height: 340,
    ariaLabel: "Months from each inadequate report to the next graded inspection, by the report's publication date; the table below lists every report",
    x: {label: "Inadequate report published", type: "utc"},
    y: {label: "Months to the next graded inspection", grid: true, domain: [0, Math.max(48, ...data.map((d) => d.months))]},
    color: {domain: outcomes, range: colours},
    symbol: {domain: outcomes, range: ["circle", "circle", "circle", "circle", "circle", "diamond"], legend: true},
    marks: [
      Plot.ruleY(references, {y: "months", stroke: "#333", strokeDasharray: "4,3", ariaHidden: "true"}),
      Plot.text(references, {y: "months", text: "label", frameAnchor: "left", dy: -6, textAnchor: "start", fontSize: 10}),
      Plot.dot(data, {
        x: "date",
        y: "months",
        fill: "outcome",
        symbol: "outcome",
        stroke: "#333",
        r: 4,
        title: (d: Followup) => `${d.authority_name}, inadequate report ${d.published_date}: ${d.months} months${d.status === "awaiting" ? " so far" : ` to the next inspection (${d.next_framework})`}`,
      }),
    ],
  });
}
