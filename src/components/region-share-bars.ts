import * as Plot from "@observablehq/plot";

export interface RegionShare {
  region: string;
  share_pct: number;
  covered: number;
  existing: number;
}

/** Horizontal bars: share of each region's authorities covered, each bar labelled "covered of existing". */
export function regionShareBars(rows: RegionShare[], {width}: {width?: number} = {}): SVGSVGElement | HTMLElement {
  const narrow = (width ?? 640) < 560;
  return Plot.plot({
    width: Math.max(320, width ?? 640),
    height: 40 + 28 * rows.length,
    ariaLabel: "Share of authorities covered by region",
    marginLeft: narrow ? 140 : 190,
    marginRight: narrow ? 110 : 130,
    x: {label: "Authorities covered (%)", domain: [0, 100], grid: true},
    y: {label: null, domain: rows.map((r) => r.region)},
    marks: [
      Plot.barX(rows, {x: "share_pct", y: "region", fill: (d: RegionShare) => (d.region === "England" ? "#555" : "#67a9cf"), ariaHidden: "true"}),
      Plot.text(rows, {x: "share_pct", y: "region", text: (d: RegionShare) => `${d.share_pct}% (${d.covered} of ${d.existing})`, dx: 4, textAnchor: "start"}),
      Plot.ruleX([0], {ariaHidden: "true"}),
    ],
  });
}
