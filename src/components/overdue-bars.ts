import * as Plot from "@observablehq/plot";
import {gradeColors, gradeShort} from "./grades.js";

export interface Overdue {
  authority_name: string;
  last_overall_grade: number | null;
  window_close: string;
  overdue_from: string;
}

/**
 * One bar per overdue authority, from the day its window closed to the as-at date. Each row is
 * named with the authority and its last grade in words; the bar's colour repeats the grade.
 */
export function overdueBars(rows: Overdue[], asAt: string, {width}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const label = (d: Overdue) => `${d.authority_name} (${d.last_overall_grade == null ? "no overall grade" : gradeShort[d.last_overall_grade]})`;
  const data = rows.map((d) => ({...d, row: label(d), x1: new Date(d.window_close), x2: new Date(asAt)}));
  const narrow = (width ?? 640) < 560;
  return Plot.plot({
    width: Math.max(320, width ?? 640),
    height: 50 + 20 * data.length,
    ariaLabel: `Authorities overdue on ${asAt}, each bar from the day its window closed; the table below lists them`,
    marginLeft: narrow ? 180 : 260,
    style: narrow ? {fontSize: "9px"} : undefined,
    x: {label: `Overdue since the window closed, to ${asAt}`, type: "utc", grid: true},
    y: {label: null, domain: data.map((d) => d.row)},
    marks: [
      Plot.barX(data, {
        x1: "x1",
        x2: "x2",
        y: "row",
        fill: (d: Overdue) => (d.last_overall_grade == null ? "#999" : gradeColors[d.last_overall_grade]),
        stroke: "#333",
        strokeWidth: 0.5,
        title: (d: Overdue) => `${d.authority_name}: window closed ${d.window_close}`,
      }),
      Plot.ruleX([new Date(asAt)], {stroke: "black", ariaHidden: "true"}),
    ],
  });
}
