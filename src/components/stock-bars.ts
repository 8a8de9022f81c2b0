import * as Plot from "@observablehq/plot";
import {gradeColors, gradeShort} from "./grades.js";
import {areaOrder, type StockCount} from "./as-at.js";

// Grades plus "not yet graded" (0), in the order the bars stack.
const categories = [1, 2, 3, 4, 0];
const categoryName = (c: number) => (c === 0 ? "Not yet graded" : gradeShort[c] ?? String(c));
const categoryColor = (c: number) => (c === 0 ? "#e3e3e3" : gradeColors[c] ?? "#999");
// Dark fills take white labels. Marks without titles (labels, rules) are ariaHidden here and in the
// other charts: Plot names every mark's <g>, which axe rejects on groups with no accessible content.
const labelColor = (c: number) => (c === 1 || c === 4 ? "white" : "black");

export function stockColorScale() {
  return {type: "ordinal" as const, domain: categories, range: categories.map(categoryColor), tickFormat: categoryName, legend: true};
}

interface Segment {
  area: string;
  category: number;
  authorities: number;
  share: number;
  frameworks: string;
}

/** Bar segments per area and grade (frameworks merged, named in the tooltip). */
function segments(counts: StockCount[]): Segment[] {
  const totals = new Map<string, number>();
  for (const c of counts) totals.set(c.area, (totals.get(c.area) ?? 0) + c.authorities);
  const merged = new Map<string, Segment>();
  for (const c of counts) {
    const category = c.grade ?? 0;
    const k = `${c.area}|${category}`;
    const s = merged.get(k) ?? {area: c.area, category, authorities: 0, share: 0, frameworks: ""};
    s.authorities += c.authorities;
    s.share = s.authorities / (totals.get(c.area) ?? 1);
    if (c.framework) s.frameworks = [s.frameworks, `${c.framework} ${c.authorities}`].filter(Boolean).join(", ");
    merged.set(k, s);
  }
  return [...merged.values()];
}

/**
 * The stock for one theme on one date: a bar per area (England first) showing the share of its
 * authorities at each most recent grade, with the count written in each segment wide enough to hold it.
 */
export function stockBars(counts: StockCount[], {width = 640, label = "", document}: {width?: number; label?: string; document?: Document} = {}): SVGSVGElement | HTMLElement {
  // Framework's width is 0 before layout; a chart narrower than its margins would draw negative bars.
  width = Math.max(width, 360);
  const data = segments(counts);
  const order = {y: areaOrder(data.map((d) => d.area)), fill: categories};
  const stack = {x: "authorities", y: "area", order: (d: Segment) => categories.indexOf(d.category), offset: "normalize" as const};
  return Plot.plot({
    document,
    width,
    marginLeft: 170,
    height: 40 + 28 * order.y.length,
    ariaLabel: label,
    x: {label: "Share of authorities (%)", percent: true, grid: true},
    y: {label: null, domain: order.y},
    color: stockColorScale(),
    marks: [
      Plot.barX(data, Plot.stackX({
        ...stack,
        fill: "category",
        title: (d: Segment) => `${d.area}, ${categoryName(d.category)}: ${d.authorities} (${Math.round(d.share * 100)}%)${d.frameworks ? `\nfrom ${d.frameworks}` : ""}`,
      })),
      Plot.textX(data, Plot.stackX({
        ...stack,
        text: (d: Segment) => (d.share >= 0.06 ? String(d.authorities) : ""),
        fill: (d: Segment) => labelColor(d.category),
        ariaHidden: "true",
      })),
      Plot.ruleX([0], {ariaHidden: "true"}),
    ],
  });
}

/** Which framework each grade came from: England's authorities by framework and grade. */
export function stockFrameworkBars(counts: StockCount[], {width = 640, label = ""}: {width?: number; label?: string} = {}): SVGSVGElement | HTMLElement {
  width = Math.max(width, 360);
  const data = counts.filter((c) => c.area === "England" && c.framework != null);
  const frameworks = [...new Set(data.map((d) => d.framework as string))];
  const stack = {x: "authorities", y: "framework", order: (d: StockCount) => d.grade};
  return Plot.plot({
    width,
    marginLeft: 170,
    height: 40 + 30 * Math.max(frameworks.length, 1),
    ariaLabel: label,
    x: {label: "Authorities in England", grid: true},
    y: {label: null, domain: frameworks},
    color: {...stockColorScale(), legend: false},
    marks: [
      Plot.barX(data, Plot.stackX({...stack, fill: "grade", title: (d: StockCount) => `${d.framework}, ${categoryName(d.grade ?? 0)}: ${d.authorities}`})),
      Plot.textX(data, Plot.stackX({...stack, text: (d: StockCount) => (d.authorities >= 3 ? String(d.authorities) : ""), fill: (d: StockCount) => labelColor(d.grade ?? 0), ariaHidden: "true"})),
      Plot.ruleX([0], {ariaHidden: "true"}),
    ],
  });
}

/** One table row per area: counts by grade, not yet graded, share good or better, frameworks. */
export function stockTableRows(counts: StockCount[]) {
  return areaOrder(counts.map((c) => c.area)).map((area) => {
    const rows = counts.filter((c) => c.area === area);
    const n = (g: number | null) => rows.filter((c) => c.grade === g).reduce((s, c) => s + c.authorities, 0);
    const graded = n(1) + n(2) + n(3) + n(4);
    const byFramework = new Map<string, number>();
    for (const c of rows) if (c.framework) byFramework.set(c.framework, (byFramework.get(c.framework) ?? 0) + c.authorities);
    return {
      area,
      outstanding: n(1),
      good: n(2),
      requires_improvement: n(3),
      inadequate: n(4),
      not_yet_graded: n(null),
      authorities: graded + n(null),
      good_or_better_pct: graded ? Math.round((1000 * (n(1) + n(2))) / graded) / 10 : null,
      frameworks: [...byFramework].map(([f, k]) => `${f} ${k}`).join(", "),
    };
  });
}
