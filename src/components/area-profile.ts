/**
 * "The area" of an authority profile and briefing (issue 15): the official figures about the area
 * around the inspection beside its DfE statistical neighbours, region and England, with a ten-year
 * sparkline, and the figures its last SIF report stated. Figures come from data/area-statistics.csv
 * through warehouse/sql/views/70_area_statistics.sql; here rows are only picked for the as-at date
 * and laid out.
 */
import {decodeColumns, type Columns} from "./columns.js";
import {formatDate, formatMonth} from "./dates.js";
import {esc} from "./profile/html.js";

export interface AreaFile {
  grouping: string | null;
  lookup_differs: boolean;
  predecessors: {la_code: string; name: string}[];
  measures: {measure: string; label: string; short_label: string; unit: string}[];
  series: Columns;
  report: Columns;
}

export interface SeriesRow {
  measure: string;
  period: string;
  as_at: string;
  value: number | null;
  suppression: string | null;
  from_la_code: string | null;
  neighbours_mean: number | null;
  region_value: number | null;
  england_value: number | null;
}

export interface ReportRow {
  inspection_id: string;
  published_date: string;
  report_url: string | null;
  measure: string;
  as_at: string;
  value: number | null;
  value_text: string | null;
  locator: string;
  quote: string | null;
}

/** Two tables side by side: the children of the area; the social work workforce. Deprivation ranks follow them. */
const SHOWN = [
  ["cla_rate", "cin_rate", "cpp_rate", "child_population"],
  ["sw_turnover_rate", "sw_agency_rate", "sw_vacancy_rate", "sw_caseload"],
];

function fmt(value: number | null, unit: string): string {
  if (value === null) return "–";
  if (unit === "count") return Math.round(value).toLocaleString("en-GB");
  if (unit === "percent") return `${value.toFixed(1)}%`;
  if (unit === "rank") return String(value);
  return value.toLocaleString("en-GB", {maximumFractionDigits: 1});
}

/** A small line of the last ten periods; a predecessor's years dashed; the values in its title. */
export function sparkline(rows: SeriesRow[], names: Map<string, string>): string {
  const pts = rows.filter((r) => r.value !== null).slice(-10);
  if (pts.length < 2) return "";
  const w = 70, h = 14;
  const vals = pts.map((r) => r.value!);
  const lo = Math.min(...vals), hi = Math.max(...vals);
  const x = (i: number) => (i * (w - 4)) / (pts.length - 1) + 2;
  const y = (v: number) => (hi === lo ? h / 2 : h - 2 - ((v - lo) * (h - 4)) / (hi - lo));
  const segs: string[] = [];
  for (let i = 1; i < pts.length; i++) {
    const inherited = pts[i - 1]!.from_la_code !== null || pts[i]!.from_la_code !== null;
    segs.push(`<line x1="${x(i - 1).toFixed(1)}" y1="${y(vals[i - 1]!).toFixed(1)}" x2="${x(i).toFixed(1)}" y2="${y(vals[i]!).toFixed(1)}" class="${inherited ? "spark-pred" : "spark"}"/>`);
  }
  const title = pts.map((r) => `${r.period}: ${r.value}${r.from_la_code ? ` (${names.get(r.from_la_code) ?? r.from_la_code})` : ""}`).join(", ");
  return `<svg class="sparkline" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${segs.join("")}<circle cx="${x(pts.length - 1).toFixed(1)}" cy="${y(vals[vals.length - 1]!).toFixed(1)}" r="2"/></svg>`;
}

function reportLine(rows: ReportRow[], measure: string): ReportRow | undefined {
  return rows.find((r) => r.measure === measure);
}

/** The report's figures for one subject: "1,893 (57 per 10,000) at 6 March 2017; 2,310 (70) at 31 March 2016". */
function countAndRate(rows: ReportRow[], count: string, rate: string | null): string {
  const counts = rows.filter((r) => r.measure === count).sort((a, b) => b.as_at.localeCompare(a.as_at));
  return counts
    .map((c) => {
      const r = rate ? rows.find((x) => x.measure === rate && x.as_at === c.as_at) : undefined;
      return `${fmt(c.value, "count")}${r ? ` (${fmt(r.value, "per_10000")} per 10,000)` : ""} at ${esc(formatDate(c.as_at))}`;
    })
    .join("; ");
}


/** "The area" as HTML for the profile page and the standalone briefing. */
export function renderArea(file: AreaFile | undefined, asAt: string, options: {links: boolean}): string {
  if (!file) return "";
  const series = decodeColumns<SeriesRow>(file.series).filter((r) => r.as_at <= asAt);
  const names = new Map(file.predecessors.map((p) => [p.la_code, p.name]));
  const label = new Map(file.measures.map((m) => [m.measure, m]));
  const row = (id: string) => {
    const m = label.get(id);
    const own = series.filter((r) => r.measure === id);
    const latest = [...own].reverse().find((r) => r.value !== null || r.suppression !== null);
    if (!m || !latest) return "";
    const unit = m.unit;
    const pred = latest.from_la_code ? `<sup title="figure for ${esc(names.get(latest.from_la_code) ?? latest.from_la_code)}, its predecessor">p</sup>` : "";
    const value = latest.value === null ? `<span class="muted" title="the source prints ${esc(latest.suppression)} here, not a number">${esc(latest.suppression)}</span>` : fmt(latest.value, unit);
    const cmp = (v: number | null) => `<td class="num">${v === null ? "–" : fmt(v, unit === "rank" ? "per_10000" : unit)}</td>`;
    return `<tr data-measure="${esc(id)}"><th scope="row" title="${esc(m.label)}">${esc(m.short_label)}</th><td class="num">${value}${pred}</td><td>${esc(latest.period)}</td><td>${sparkline(own, names)}</td>${
      unit === "rank" ? `<td class="muted" colspan="3">of 151 upper-tier areas, 1 most deprived</td>` : `${cmp(latest.neighbours_mean)}${cmp(latest.region_value)}${cmp(latest.england_value)}`
    }</tr>`;
  };
  const rank = (id: string) => [...series].reverse().find((r) => r.measure === id && r.value !== null);
  const imd = rank("imd_rank"), idaci = rank("idaci_rank");
  const deprivation = imd || idaci
    ? `<p class="area-deprivation" data-measure="deprivation">Deprivation 2019, rank of average score among 151 upper-tier areas (1 most deprived): IMD ${imd ? `${imd.value}${imd.from_la_code ? `<sup title="figure for ${esc(names.get(imd.from_la_code) ?? imd.from_la_code)}, its predecessor">p</sup>` : ""}` : "–"}, IDACI ${idaci ? `${idaci.value}${idaci.from_la_code ? "<sup>p</sup>" : ""}` : "–"}.</p>`
    : "";
  const inheritedFrom = [...new Set(series.filter((r) => r.from_la_code).map((r) => r.from_la_code!))];
  const predNote = inheritedFrom.length
    ? ` <sup>p</sup>, dashed: figures for ${inheritedFrom.map((c) => esc(names.get(c) ?? c)).join(", ")}, the predecessor, before this authority existed (its whole area).`
    : file.predecessors.length > 1
      ? ` Before this authority existed its area was split between ${file.predecessors.map((p) => esc(p.name)).join(", ")}: their figures are not added up.`
      : "";
  const head = `<thead><tr><th scope="col">Measure</th><th scope="col" class="num">Latest</th><th scope="col">Year</th><th scope="col">Trend</th><th scope="col" class="num">Neighbours</th><th scope="col" class="num">Region</th><th scope="col" class="num">England</th></tr></thead>`;
  const tables = SHOWN.map((ids) => ids.map(row).filter(Boolean)).filter((rows) => rows.length);
  const table = tables.length
    ? `<div class="area-grid">${tables.map((rows, i) => `<div class="scroll" role="region" aria-label="The area: official figures, table ${i + 1} of ${tables.length}" tabindex="0"><table class="area-table">${head}<tbody>${rows.join("")}</tbody></table></div>`).join("")}</div>`
    : `<p class="muted">No official figure dated on or before ${esc(formatDate(asAt))}.</p>`;

  const all = decodeColumns<ReportRow>(file.report).filter((r) => r.published_date <= asAt);
  const lastId = all.reduce<ReportRow | undefined>((a, r) => (!a || r.published_date > a.published_date ? r : a), undefined)?.inspection_id;
  const rep = all.filter((r) => r.inspection_id === lastId);
  let reportPart: string;
  if (!lastId) reportPart = `<p class="muted">No SIF report of this authority published on or before ${esc(formatDate(asAt))} is in the corpus${file.predecessors.length ? " (no predecessor's report is)" : ""}.</p>`;
  else {
    const first = rep[0]!;
    const pages = [...new Set(rep.map((r) => r.locator))].join(", ");
    const items: string[] = [];
    const cla = countAndRate(rep, "cla_count", "cla_rate");
    const cpp = countAndRate(rep, "cpp_count", "cpp_rate");
    const cin = countAndRate(rep, "cin_count", null);
    if (cla) items.push(`<li data-report="cla">Looked after: ${cla}</li>`);
    if (cpp) items.push(`<li data-report="cpp">Child protection plans: ${cpp}</li>`);
    if (cin) items.push(`<li>Children in need: ${cin}</li>`);
    const dcs = reportLine(rep, "dcs_since"), chair = reportLine(rep, "lscb_chair_since"), model = reportLine(rep, "practice_model");
    const lead = [dcs ? `DCS in post since ${esc(formatMonth(dcs.value_text))}` : "", chair ? `LSCB chair since ${esc(formatMonth(chair.value_text))}` : "", model ? `practice model: ${esc(model.value_text === "other (see quote)" ? model.quote : model.value_text)}` : ""].filter(Boolean);
    if (lead.length) items.push(`<li data-report="leadership">${lead.join("; ")}</li>`);
    const sin = reportLine(rep, "serious_incidents"), done = reportLine(rep, "scr_completed"), going = reportLine(rep, "scr_ongoing");
    const scr = [sin ? `${fmt(sin.value, "count")} serious incident notifications` : "", done ? `${fmt(done.value, "count")} serious case reviews completed` : "", going ? `${fmt(going.value, "count")} ongoing` : ""].filter(Boolean);
    if (scr.length) items.push(`<li>Before the inspection: ${scr.join(", ")}</li>`);
    const link = options.links && first.report_url ? `<a href="${esc(first.report_url)}">report published ${esc(formatDate(first.published_date))}</a>` : `report published ${esc(formatDate(first.published_date))}`;
    reportPart = `<p class="area-report-head">Last SIF report (${link}, area section, ${esc(pages.replaceAll("page ", "p. "))}; may be local unvalidated data):</p><ul class="area-report">${items.join("") || "<li class=\"muted\">the section states none of these figures</li>"}</ul>`;
  }
  return `<section class="area" aria-labelledby="area-h"><h2 id="area-h">The area</h2>
${table}
${deprivation}
<p class="caption">Official figures dated to ${esc(formatDate(asAt))}: rates per 10,000 children at 31 March, workforce at 30 September. Neighbours: mean of ${esc(file.grouping ?? "DfE statistical neighbours")}${file.lookup_differs ? " (differs from the lookup's list)" : ""}; region: ONS. Source: data/area-statistics.csv.${predNote}</p>
${reportPart}
</section>`;
}

export const areaCss = `
.profile .area-table td, .profile .area-table th { white-space: nowrap; }
.profile .sparkline { vertical-align: middle; }
.profile .sparkline line.spark { stroke: #333; stroke-width: 1.2; }
.profile .sparkline line.spark-pred { stroke: #777; stroke-width: 1.2; stroke-dasharray: 2 2; }
.profile .sparkline circle { fill: #333; }
.profile .area-grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem; align-items: start; }
.profile .area-report { margin: 0.2rem 0; padding-left: 1.2rem; font-size: 0.85rem; }
.profile .area-report-head { margin: 0.4rem 0 0; font-size: 0.85rem; max-width: none; }
.profile .area-deprivation { margin: 0.3rem 0 0; font-size: 0.85rem; max-width: none; }
@media (max-width: 900px) {
  .profile .area-grid { grid-template-columns: minmax(0, 1fr); }
}
@media print {
  .profile .area-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.5rem; }
  .profile .area-report { padding: 0; }
  .profile .area-report li { display: inline; }
  .profile .area-report li + li::before { content: " · "; }
  .profile .area-report, .profile .area-report-head { font-size: 7pt; display: inline; margin: 0; }
  .profile .area-table { break-inside: avoid; }
  .profile .area-table { font-size: 6.5pt; }
  .profile .area-table th, .profile .area-table td { padding: 0 0.2rem; line-height: 1.1; }
  .profile .sparkline { height: 7pt; width: 40pt; }
  .profile .area-deprivation { font-size: 6.5pt; margin: 0; display: inline; }
  .profile .area .caption { display: inline; }
  .profile .area-report-head { margin-top: 0.2rem !important; }
  .profile .area-report-head::before { content: ""; display: block; }
  .profile .area .caption { font-size: 6.5pt; margin: 0; }
  .profile .area h2 { margin: 0.3rem 0 0.1rem; }
}
`;
