import * as Plot from "@observablehq/plot";
import {gradeColors, gradeShort} from "./grades.js";

export interface ContextRow {
  la_code: string;
  name: string;
  measure: string;
  measure_label: string;
  unit: string;
  period: string;
  value: number;
  from_la_code: string | null;
  overall_grade: number | null;
  overall_label: string | null;
}

/**
 * One context measure by latest overall grade: each authority a dot, in rows by grade (the row and
 * its label carry the grade, the colour repeats it), with each grade's median as a tick.
 */
export function contextByGrade(rows: ContextRow[], {width}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const data = rows.map((r) => ({...r, gradeName: r.overall_grade == null ? "No overall grade" : gradeShort[r.overall_grade]}));
  const order = [1, 2, 3, 4].map((g) => gradeShort[g]).concat("No overall grade");
  const label = rows[0]?.measure_label ?? "";
  return Plot.plot({
    width: Math.max(320, width ?? 640),
    height: 260,
    marginLeft: 130,
    ariaLabel: `${label} by each authority's latest overall grade; the table below lists every authority`,
    x: {label, grid: true},
    y: {label: null, domain: order},
    color: {domain: order, range: [gradeColors[1], gradeColors[2], gradeColors[3], gradeColors[4], "#999"]},
    marks: [
      Plot.dot(data, {x: "value", y: "gradeName", fill: "gradeName", stroke: "#333", r: 3.5, title: (d: ContextRow) => `${d.name}: ${d.value} (${d.period})`}),
      Plot.tickX(data, Plot.groupY({x: "median"}, {x: "value", y: "gradeName", stroke: "#000", strokeWidth: 2, ariaHidden: "true"})),
    ],
  });
}
