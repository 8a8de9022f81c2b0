import * as Plot from "@observablehq/plot";

export interface TrendPoint {
  as_at: string;
  share_good_pct: number | null;
  coverage_pct: number;
  graded: number;
  authorities: number;
  mostly_covered: boolean;
}

export interface PublishedShare {
  framework: string;
  series: string;
  period_start: string;
  period_end: string | null;
  inspections: number;
  share_good_pct: number;
}

export interface FrameworkSpan {
  framework: string;
  start_date: string;
}

const date = (s: string) => new Date(`${s}T00:00:00Z`);

/**
 * Share of authorities whose most recent grade is good or better at each quarter end: solid where
 * at least half the authorities hold a grade from our reports, dotted where fewer do. Published
 * national shares (of inspections in a period) are dashed bars across their period, labelled.
 * Framework starts are vertical rules.
 */
export function trendLine(
  points: TrendPoint[],
  {published = [], frameworks = [], width = 640, label = ""}: {published?: PublishedShare[]; frameworks?: FrameworkSpan[]; width?: number; label?: string} = {}
): SVGSVGElement | HTMLElement {
  // Framework's width is 0 before layout; a chart narrower than its margins would draw negative bars.
  width = Math.max(width, 360);
  const series = points.filter((p) => p.share_good_pct != null).map((p) => ({...p, date: date(p.as_at)}));
  const covered = series.filter((p) => p.mostly_covered);
  const spans = published.map((p) => ({
    ...p,
    from: date(p.period_start),
    to: date(p.period_end ?? p.period_start),
    text: `Published: ${p.series.includes(p.framework) ? p.series : `${p.framework} ${p.series.toLowerCase()}`}, ${Math.round(p.share_good_pct)}% of ${p.inspections}`,
  }));
  // Frameworks starting the same day share a rule; labels near the right edge run leftwards.
  const byDate = new Map<string, string[]>();
  for (const f of frameworks) byDate.set(f.start_date, [...(byDate.get(f.start_date) ?? []), f.framework]);
  const last = series.at(-1)?.date.getTime() ?? Date.now();
  // Alternate label heights so neighbouring starts (CPI and LAC 2012, SIF 2013) do not overprint.
  const starts = [...byDate].map(([d, names], i) => ({date: date(d), text: names.join(", "), late: last - date(d).getTime() < 2 * 365 * 86_400_000, dy: i % 2 ? -6 : -18}));
  return Plot.plot({
    width,
    height: 380,
    marginTop: 30,
    ariaLabel: label,
    x: {type: "utc", label: null},
    y: {label: "Good or better (%)", domain: [0, 100], grid: true},
    marks: [
      Plot.ruleX(starts, {x: "date", stroke: "#999", strokeDasharray: "2,3", ariaHidden: "true"}),
      ...[-18, -6].flatMap((dy) => [
        Plot.text(starts.filter((s) => s.dy === dy && !s.late), {x: "date", text: "text", frameAnchor: "top", dy, textAnchor: "start", dx: 3, fill: "#555", ariaHidden: "true"}),
        Plot.text(starts.filter((s) => s.dy === dy && s.late), {x: "date", text: "text", frameAnchor: "top", dy, textAnchor: "end", dx: -3, fill: "#555", ariaHidden: "true"}),
      ]),
      Plot.link(spans, {x1: "from", x2: "to", y1: "share_good_pct", y2: "share_good_pct", stroke: "#7b3294", strokeWidth: 3, strokeDasharray: "6,3", ariaHidden: "true"}),
      Plot.dot(spans.filter((p) => p.period_end == null), {x: "from", y: "share_good_pct", fill: "#7b3294", r: 4, ariaHidden: "true"}),
      Plot.text(spans, {x: "from", y: "share_good_pct", text: "text", textAnchor: "start", dy: -8, fill: "#5e2075", fontSize: 10, ariaHidden: "true"}),
      Plot.line(series, {x: "date", y: "share_good_pct", stroke: "#333", strokeDasharray: "2,3", strokeOpacity: 0.6, ariaHidden: "true"}),
      Plot.line(covered, {x: "date", y: "share_good_pct", stroke: "#111", strokeWidth: 2, ariaHidden: "true"}),
      Plot.dot(series, Plot.pointerX({x: "date", y: "share_good_pct", fill: "#111", r: 4, ariaHidden: "true"})),
      Plot.tip(series, Plot.pointerX({
        x: "date",
        y: "share_good_pct",
        title: (p: TrendPoint) => `${p.as_at}: ${p.share_good_pct}% good or better\n${p.graded} of ${p.authorities} authorities graded`,
        ariaHidden: "true",
      })),
    ],
  });
}
