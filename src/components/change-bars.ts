import * as Plot from "@observablehq/plot";
import {areaOrder} from "./as-at.js";

export interface ChangeRow {
  comparison: string;
  area: string;
  change: string;
  authorities: number;
}

export const changes = ["improved", "retained good or better", "stayed the same below good", "declined"];
const changeColors = ["#2166ac", "#92c5de", "#f4a582", "#b2182b"];

/** For one comparison: a bar per area (England first) split by kind of change, counts written in. */
export function changeBars(rows: ChangeRow[], {width = 640, label = ""}: {width?: number; label?: string} = {}): SVGSVGElement | HTMLElement {
  // Framework's width is 0 before layout; a chart narrower than its margins would draw negative bars.
  width = Math.max(width, 360);
  const areas = areaOrder(rows.map((r) => r.area));
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.area, (totals.get(r.area) ?? 0) + r.authorities);
  const stack = {x: "authorities", y: "area", order: (d: ChangeRow) => changes.indexOf(d.change), offset: "normalize" as const};
  return Plot.plot({
    width,
    marginLeft: 170,
    height: 40 + 28 * areas.length,
    ariaLabel: label,
    x: {label: "Share of authorities compared (%)", percent: true, grid: true},
    y: {label: null, domain: areas},
    color: {type: "ordinal", domain: changes, range: changeColors, legend: true},
    marks: [
      Plot.barX(rows, Plot.stackX({...stack, fill: "change", title: (d: ChangeRow) => `${d.area}, ${d.change}: ${d.authorities} of ${totals.get(d.area)}`})),
      Plot.textX(rows, Plot.stackX({
        ...stack,
        text: (d: ChangeRow) => (d.authorities / (totals.get(d.area) ?? 1) >= 0.08 ? String(d.authorities) : ""),
        fill: (d: ChangeRow) => (d.change === "improved" || d.change === "declined" ? "white" : "black"),
        ariaHidden: "true",
      })),
      Plot.ruleX([0], {ariaHidden: "true"}),
    ],
  });
}
