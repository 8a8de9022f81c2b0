import * as Plot from "@observablehq/plot";
import {gradeColors, gradeShort} from "./grades.js";

export interface IntervalPoint {
  prev_overall_grade: number | null;
  months: number;
  authority_name: string;
  framework_pair: string;
  prev_published_date: string;
  next_date: string;
}

export interface IntervalSummary {
  prev_grade: string;
  q1_months: number;
  median_months: number;
  q3_months: number;
  intervals: number;
}

export interface ReferenceLine {
  months: number;
  label: string;
}

const groupLabel = (grade: number | string | null) =>
  grade == null || grade === "none" ? "No overall grade" : `After ${gradeShort[Number(grade)]}`;

const shortLabel = (group: string) => group.replace(/^After /, "");

/**
 * One strip per previous overall grade: every interval as a dot (dodged so none hides another), the
 * interquartile range as a shaded band and the median as a line, with labelled reference lines for
 * the rules' windows. Strips are named in words; colour repeats the grade.
 */
export function intervalStrips(
  points: IntervalPoint[],
  summaries: IntervalSummary[],
  {references = [], width}: {references?: ReferenceLine[]; width?: number} = {},
): SVGSVGElement | HTMLElement {
  const order = [1, 2, 3, 4, null].map(groupLabel).filter((g) => points.some((p) => groupLabel(p.prev_overall_grade) === g));
  const withGroup = points.map((p) => ({...p, group: groupLabel(p.prev_overall_grade)}));
  const bands = summaries.map((s) => ({...s, group: groupLabel(s.prev_grade)})).filter((s) => order.includes(s.group));
  const maxMonths = Math.max(48, ...points.map((p) => p.months), ...references.map((r) => r.months));
  // On a phone the strips keep their labels short and the reference lines go unlabelled (the caption names them).
  const narrow = (width ?? 640) < 560;
  return Plot.plot({
    width: Math.max(320, width ?? 640),
    height: 50 + 120 * order.length,
    ariaLabel: "Months from a report to the next graded inspection, one strip per previous overall grade; the table below gives quartiles and medians",
    marginLeft: narrow ? 100 : 170,
    marginRight: 20,
    x: {label: "Months from the previous report to the next inspection", domain: [0, Math.ceil(maxMonths / 6) * 6], grid: true},
    fy: {label: null, domain: order, axis: "left", padding: 0.15, tickFormat: narrow ? shortLabel : undefined},
    facet: {data: withGroup, y: "group"},
    marks: [
      Plot.rectX(bands, {x1: "q1_months", x2: "q3_months", fy: "group", fill: "#ddd", ariaHidden: "true"}),
      Plot.ruleX(bands, {x: "median_months", fy: "group", stroke: "black", strokeWidth: 2, ariaHidden: "true"}),
      Plot.text(bands, {x: "median_months", fy: "group", frameAnchor: "bottom", dy: -2, dx: 4, textAnchor: "start", text: (d: IntervalSummary) => `median ${d.median_months}`, fontSize: 11}),
      Plot.ruleX(references, {x: "months", stroke: "#333", strokeDasharray: "4,3", ariaHidden: "true"}),
      Plot.text(narrow ? [] : references.map((r) => ({...r, group: order[0]})), {x: "months", fy: "group", text: "label", frameAnchor: "top", dy: 2, dx: 3, textAnchor: "start", fontSize: 10}),
      Plot.dot(
        withGroup,
        Plot.dodgeY("middle", {
          x: "months",
          r: 3,
          fill: (d: IntervalPoint) => (d.prev_overall_grade == null ? "#999" : gradeColors[d.prev_overall_grade]),
          stroke: "#333",
          strokeWidth: 0.5,
          title: (d: IntervalPoint) => `${d.authority_name}: ${d.months} months (${d.framework_pair}, report ${d.prev_published_date}, next inspection ${d.next_date})`,
        }),
      ),
    ],
  });
}
