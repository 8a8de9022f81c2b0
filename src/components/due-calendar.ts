import * as Plot from "@observablehq/plot";

export interface DueCell {
  due_month: string;
  ofsted_region: string;
  authorities: number;
  authority_names: string;
}

/**
 * A month-by-region grid of when inspections fall due: each cell shows the number of authorities
 * whose window closes that month (written in the cell; the shading repeats it). Cells keep a legible
 * size, so on a narrow screen the grid is wider than the page and scrolls sideways (put it in a
 * scrolling container).
 */
export function dueCalendar(cells: DueCell[], {months, regions, width}: {months: string[]; regions: string[]; width?: number}): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width: Math.max(320, width ?? 640, 200 + 18 * months.length),
    style: {maxWidth: "none"},
    height: 60 + 30 * regions.length,
    ariaLabel: "Authorities by the month their inspection window closes and region; the table below lists them",
    marginLeft: 190,
    marginBottom: 50,
    padding: 0.05,
    x: {label: null, domain: months, tickRotate: -90, tickFormat: (m: string, i: number) => (months.length > 24 && i % 3 !== 0 ? "" : m)},
    y: {label: null, domain: regions},
    color: {type: "linear", scheme: "Blues", domain: [0, Math.max(1, ...cells.map((c) => c.authorities))]},
    marks: [
      Plot.cell(cells, {x: "due_month", y: "ofsted_region", fill: "authorities", inset: 0.5, title: (d: DueCell) => `${d.due_month}, ${d.ofsted_region}: ${d.authority_names}`}),
      Plot.text(cells, {x: "due_month", y: "ofsted_region", text: "authorities", fill: (d: DueCell) => (d.authorities > 2 ? "white" : "black"), fontSize: 11}),
    ],
  });
}
