import * as Plot from "@observablehq/plot";
import {gradeColors} from "./grades.js";

export const percent = (x: number | null | undefined) => (x == null || Number.isNaN(x) ? "–" : `${Math.round(x * 100)}%`);

export interface PrevalenceCell {
  theme: string;
  column: string;
  share: number;
}

/**
 * Themes down, groups across, each cell shaded by the share of the group's reports raising the
 * theme and labelled with it, so the numbers can be read without the colour.
 */
export function prevalenceGrid(cells: PrevalenceCell[], {themes, columns, width, ariaLabel}: {themes: string[]; columns: string[]; width: number; ariaLabel: string}) {
  return Plot.plot({
    width,
    height: 30 * themes.length + 110,
    marginLeft: 330,
    marginBottom: 80,
    x: {domain: columns, label: null, tickRotate: columns.length > 6 ? -35 : 0, axis: "bottom"},
    y: {domain: themes, label: null},
    color: {type: "linear", domain: [0, 1], range: ["#f7fbff", "#08306b"], label: "Share of reports", legend: true, tickFormat: "%"},
    marks: [
      Plot.cell(cells, {x: "column", y: "theme", fill: "share", inset: 0.5, ariaHidden: "true"}),
      Plot.text(cells, {x: "column", y: "theme", text: (d: PrevalenceCell) => percent(d.share), fill: (d: PrevalenceCell) => (d.share > 0.65 ? "white" : "black"), fontSize: 11, ariaHidden: "true"}),
    ],
    ariaLabel,
  });
}

export interface GradeGap {
  theme: string;
  share_good: number;
  share_inadequate: number;
}

/** Two marks per theme, joined: good or outstanding (circle) and inadequate (square); shape and legend carry the grade, not colour alone. */
export function gradeGapChart(rows: GradeGap[], {width, ariaLabel}: {width: number; ariaLabel: string}) {
  const groups = ["Good or outstanding", "Inadequate"];
  const dots = rows.flatMap((r) => [
    {theme: r.theme, group: groups[0], share: r.share_good},
    {theme: r.theme, group: groups[1], share: r.share_inadequate},
  ]);
  return Plot.plot({
    width,
    height: 28 * rows.length + 80,
    marginLeft: 330,
    x: {domain: [0, 1], tickFormat: "%", label: "Share of reports raising the theme in their areas for improvement →", grid: true},
    y: {domain: rows.map((r) => r.theme), label: null},
    color: {domain: groups, range: [gradeColors[2], gradeColors[4]]},
    symbol: {domain: groups, range: ["circle", "square"], legend: true},
    marks: [
      Plot.link(rows, {x1: "share_good", x2: "share_inadequate", y: "theme", stroke: "#999", ariaHidden: "true"}),
      Plot.dot(dots, {x: "share", y: "theme", fill: "group", symbol: "group", r: 5, stroke: "#333", strokeWidth: 0.5, ariaHidden: "true"}),
    ],
    ariaLabel,
  });
}
