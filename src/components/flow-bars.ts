import * as Plot from "@observablehq/plot";
import {gradeColors, gradeShort} from "./grades.js";

export interface FlowRow {
  period_kind: string;
  period: string;
  period_start: string;
  framework: string;
  grade: number | null;
  inspections: number;
}

// Overall grades plus "no overall judgement" (0: ILACS from April 2026).
const categories = [1, 2, 3, 4, 0];
const categoryName = (c: number) => (c === 0 ? "No overall judgement" : gradeShort[c] ?? String(c));

/**
 * Inspections published per period, stacked by overall grade, one row of bars per framework.
 * Periods run left to right; with many periods only every few are labelled.
 */
export function flowBars(rows: FlowRow[], {width = 640, label = ""}: {width?: number; label?: string} = {}): SVGSVGElement | HTMLElement {
  // Framework's width is 0 before layout; a chart narrower than its margins would draw negative bars.
  width = Math.max(width, 360);
  const periods = [...new Map([...rows].sort((a, b) => a.period_start.localeCompare(b.period_start)).map((r) => [r.period, r])).keys()];
  const frameworks = [...new Set([...rows].sort((a, b) => a.period_start.localeCompare(b.period_start)).map((r) => r.framework))];
  const every = Math.max(1, Math.ceil(periods.length / Math.max(4, Math.floor(width / 60))));
  const data = rows.map((r) => ({...r, category: r.grade ?? 0}));
  return Plot.plot({
    width,
    height: 60 + 110 * Math.max(frameworks.length, 1),
    marginBottom: 50,
    marginRight: 70,
    ariaLabel: label,
    x: {domain: periods, label: null, tickRotate: -40, ticks: periods.filter((_, i) => i % every === 0)},
    y: {label: "Reports published", grid: true},
    fy: {domain: frameworks, label: null},
    color: {type: "ordinal", domain: categories, range: categories.map((c) => (c === 0 ? "#bbb" : gradeColors[c] ?? "#999")), tickFormat: categoryName, legend: true},
    marks: [
      Plot.barY(data, Plot.stackY({
        x: "period",
        y: "inspections",
        fy: "framework",
        fill: "category",
        order: (d: {category: number}) => categories.indexOf(d.category),
        title: (d: FlowRow & {category: number}) => `${d.period}, ${d.framework}, ${categoryName(d.category)}: ${d.inspections}`,
      })),
      Plot.ruleY([0], {ariaHidden: "true"}),
    ],
  });
}
