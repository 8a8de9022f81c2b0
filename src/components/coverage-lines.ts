import * as Plot from "@observablehq/plot";

export interface CoveragePoint {
  framework: string;
  programme_month: number;
  month: string;
  share_pct: number;
  covered: number;
  existing: number;
}

export interface CoverageMarker {
  programme_month: number;
  share_pct: number;
  label: string;
}

/**
 * Share of authorities covered by month of each programme, one line per framework, each line named
 * at its end (the name, not the colour, identifies it). The selected framework is drawn heavier;
 * markers (such as a published figure) are drawn as labelled rings.
 */
export function coverageLines(
  rows: CoveragePoint[],
  {selected, markers = [], width}: {selected?: string; markers?: CoverageMarker[]; width?: number},
): SVGSVGElement | HTMLElement {
  const last = Array.from(
    rows.reduce((m, r) => (m.get(r.framework)?.programme_month ?? -1) < r.programme_month ? m.set(r.framework, r) : m, new Map<string, CoveragePoint>()).values(),
  );
  return Plot.plot({
    width: Math.max(320, width ?? 640),
    height: 320,
    ariaLabel: "Share of authorities covered by month since each framework's launch, one line per framework; the table below gives the figures",
    marginRight: 90,
    x: {label: "Months since the framework's launch", grid: true},
    y: {label: "Authorities covered (%)", domain: [0, 100], grid: true},
    color: {type: "categorical", scheme: "Tableau10"},
    marks: [
      Plot.ruleY([100], {stroke: "#999", strokeDasharray: "4,3", ariaHidden: "true"}),
      Plot.line(rows, {
        x: "programme_month",
        y: "share_pct",
        z: "framework",
        stroke: "framework",
        strokeWidth: (d: CoveragePoint) => (d.framework === selected ? 3 : 1.5),
        strokeOpacity: (d: CoveragePoint) => (selected && d.framework !== selected ? 0.5 : 1),
        ariaHidden: "true",
      }),
      Plot.text(last, {x: "programme_month", y: "share_pct", text: "framework", dx: 6, textAnchor: "start", fill: "framework", fontWeight: "bold"}),
      Plot.dot(markers, {x: "programme_month", y: "share_pct", r: 6, stroke: "black", strokeWidth: 2}),
      Plot.text(markers, {x: "programme_month", y: "share_pct", text: "label", dy: -14, textAnchor: "middle", fontSize: 11}),
      Plot.tip(rows, Plot.pointerX({
        x: "programme_month",
        y: "share_pct",
        channels: {Framework: "framework", Month: "month", Covered: "covered", Authorities: "existing"},
        format: {x: true, y: true},
        ariaHidden: "true",
      })),
    ],
  });
}
