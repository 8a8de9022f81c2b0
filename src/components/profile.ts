/**
 * The authority profile (pre-inspection briefing), shared by the site page (src/authorities/[la_code].md)
 * and the standalone briefing (scripts/briefing.ts): the documents the warehouse writes, the state on an
 * as-at date, and the HTML both show. Everything computed is computed in SQL (warehouse/sql/views/3*.sql);
 * here rows are only picked for the date (valid_from <= asAt < valid_to), tallied and laid out.
 */
import type {AuthorityThemeReport} from "./authority-themes.js";
import {gradeColors, gradeNames, gradeShort} from "./grades.js";

/** Rows of one shape as a header and value arrays: a third of the size of a list of objects. */
export interface Packed {
  columns: string[];
  rows: unknown[][];
}

export function pack(rows: object[]): Packed {
  const columns = rows.length ? Object.keys(rows[0]!) : [];
  return {columns, rows: rows.map((r) => columns.map((c) => (r as Record<string, unknown>)[c] ?? null))};
}

export function unpack<T>(packed: Packed): T[] {
  return packed.rows.map((r) => Object.fromEntries(packed.columns.map((c, i) => [c, r[i]])) as T);
}

export interface Interval {
  valid_from: string;
  valid_to: string | null;
}

export interface Who {
  la_code: string;
  name: string;
  aliases: string | null;
  gss_code: string;
  ofsted_urn: string | null;
  ofsted_region: string;
  ons_region: string;
  la_type: string;
  population_0_25: number | null;
  status: "current" | "predecessor";
  valid_from: string | null;
  valid_to: string | null;
  source: string;
  data_last_published: string | null;
  default_as_at: string | null;
  earliest_as_at: string | null;
}

export interface Related {
  link: "predecessor" | "successor";
  la_code: string;
  name: string;
  date: string;
  profiled: boolean;
}

export interface Neighbour {
  la_code: string;
  name: string;
  valid_from: string | null;
  valid_to: string | null;
  profiled: boolean;
}

export interface Judgement {
  code: string;
  label: string;
  framework: string;
  theme: string;
  grade: number | null;
  grade_label: string;
}

export interface Inspection {
  inspection_id: string;
  la_code: string;
  authority_name: string;
  framework: string;
  framework_family: string;
  inspection_type: string;
  start_date: string | null;
  end_date: string | null;
  published_date: string;
  report_url: string | null;
  source_file: string;
  overall_grade: number | null;
  overall_label: string | null;
  judgements: Judgement[];
  /** An earlier inspection known only from a later report: the month as stated ("March 2012") and that report. */
  stated: { when: string; year: number; framework: string; page: number } | null;
}

export interface LatestGrade extends Interval {
  theme: string;
  grade: number;
  grade_label: string;
  framework: string;
  inspection_id: string;
  published_date: string;
  inherited_from: string | null;
}

export interface NeighbourGrade extends Interval {
  la_code: string;
  theme: string;
  grade: number;
  published_date: string;
}

export interface DistributionRow extends Interval {
  /** "England" or an Ofsted region. */
  scope: string;
  theme: string;
  /** Authorities graded outstanding, good, requires improvement / adequate, inadequate. */
  n: [number, number, number, number];
}

export type Direction = "improved" | "declined" | "unchanged";

export interface TrajectoryRow {
  theme: string;
  grade: number;
  grade_label: string;
  previous_grade: number | null;
  previous_grade_label: string | null;
  first_grade: number | null;
  first_grade_label: string | null;
  since_previous: Direction | null;
  since_first: Direction | null;
}

/**
 * An authority's state between graded reports, as the forward look computes it (scheduling_windows,
 * docs/scheduling.md): from state_from to state_to inclusive (null: still the state), the rule for the
 * last grade, its window, and when the next inspection began against that window.
 */
export interface ScheduleRow {
  inspection_id: string;
  state_from: string;
  state_to: string | null;
  rule_id: string | null;
  window_open: string | null;
  window_close: string | null;
  blackout_applied: string | null;
  next_inspection_id: string | null;
  next_date: string | null;
  months_to_next: number | null;
  next_verdict: string | null;
}

export interface SequenceEntry extends Interval {
  inspection_id: string;
  framework_family: string;
  previous_inspection_id: string | null;
  first_of_framework_id: string;
  trajectory: TrajectoryRow[] | null;
}

export interface EnquiryRow extends Interval {
  kind: "below_good" | "fell" | "below_neighbours";
  theme: string;
  grade: number;
  grade_label: string | null;
  inspection_id: string | null;
  published_date: string | null;
  previous_grade_label: string | null;
}

/** One authority's document as written by the data loader (packed parts are lists of intervals). */
export interface ProfileFile {
  who: Who;
  related: Related[];
  neighbours: Neighbour[];
  inspections: Inspection[];
  latest: Packed;
  neighbour_latest: Packed;
  sequence: SequenceEntry[];
  scheduling: Packed;
  enquiry: Packed;
  /** Rows of the view authority_theme_reports (see authority-themes.ts). */
  themes: AuthorityThemeReport[];
}

export interface Profile {
  who: Who;
  related: Related[];
  neighbours: Neighbour[];
  inspections: Inspection[];
  latest: LatestGrade[];
  neighbour_latest: NeighbourGrade[];
  sequence: SequenceEntry[];
  scheduling: ScheduleRow[];
  enquiry: EnquiryRow[];
  themes: AuthorityThemeReport[];
}

export interface Rule {
  rule_id: string;
  framework: string;
  applies_to_grade: number | null;
  rule_kind: string;
  min_months: number | null;
  max_months: number | null;
  status: string;
  description: string;
  source: string;
}

/** What every profile shares: reference rows and the distributions of England and each region. */
export interface SharedFile {
  data_last_published: string | null;
  themes: {theme: string; label: string; sort_order: number}[];
  frameworks: {framework: string; name: string; framework_family: string}[];
  rules: Rule[];
  distribution: Packed;
}

export interface Shared extends Omit<SharedFile, "distribution"> {
  distribution: DistributionRow[];
}

export function unpackProfile(file: ProfileFile): Profile {
  return {
    ...file,
    latest: unpack<LatestGrade>(file.latest),
    neighbour_latest: unpack<NeighbourGrade>(file.neighbour_latest),
    scheduling: unpack<ScheduleRow>(file.scheduling),
    enquiry: unpack<EnquiryRow>(file.enquiry),
  };
}

export function unpackShared(file: SharedFile): Shared {
  return {...file, distribution: unpack<DistributionRow>(file.distribution)};
}

const holds = (asAt: string) => (r: Interval) => r.valid_from <= asAt && (r.valid_to === null || asAt < r.valid_to);

export interface ThemeRow {
  theme: string;
  label: string;
  latest: LatestGrade;
  /** Graded under the framework family of the latest inspection (else: history from an earlier framework). */
  current: boolean;
  trajectory: TrajectoryRow | null;
  /** Neighbours' latest grades in the theme, tallied outstanding .. inadequate. */
  neighbours: [number, number, number, number];
  region: [number, number, number, number] | null;
  england: [number, number, number, number] | null;
}

export interface NeighbourRow {
  neighbour: Neighbour;
  exists: boolean;
  grades: Map<string, NeighbourGrade>;
}

export interface SchedulingState {
  inspection: Inspection;
  row: ScheduleRow;
  rule: Rule | null;
  monthsSince: number;
  /** Where the as-at date falls against the window for the next inspection. */
  status: "before window" | "within window" | "after window" | "no fixed interval" | "no rule";
}

export interface Snapshot {
  asAt: string;
  profile: Profile;
  shared: Shared;
  /** The authority existed on the date (it may still have no inspection). */
  exists: boolean;
  history: Inspection[];
  latestInspection: Inspection | null;
  sequence: SequenceEntry | null;
  family: string | null;
  themes: ThemeRow[];
  neighbours: NeighbourRow[];
  scheduling: SchedulingState | null;
  enquiry: EnquiryRow[];
}

/** Whole months from one ISO date to another (a month counts once the day of the month is reached). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split("-").map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

function tally(grades: number[]): [number, number, number, number] {
  const t: [number, number, number, number] = [0, 0, 0, 0];
  for (const g of grades) t[g - 1] = (t[g - 1] ?? 0) + 1;
  return t;
}

export function snapshot(profile: Profile, shared: Shared, asAt: string): Snapshot {
  const at = holds(asAt);
  const who = profile.who;
  const exists = (!who.valid_from || who.valid_from <= asAt) && (!who.valid_to || asAt <= who.valid_to);
  const sequence = profile.sequence.find(at) ?? null;
  const byId = new Map(profile.inspections.map((i) => [i.inspection_id, i]));
  const latestInspection = sequence ? byId.get(sequence.inspection_id) ?? null : null;
  const family = sequence?.framework_family ?? null;
  const familyOf = new Map(shared.frameworks.map((f) => [f.framework, f.framework_family]));
  const themeOrder = new Map(shared.themes.map((t) => [t.theme, t]));
  const neighbourGrades = profile.neighbour_latest.filter(at);
  const distribution = shared.distribution.filter(at);
  const region = distribution.filter((d) => d.scope === who.ofsted_region);
  const england = distribution.filter((d) => d.scope === "England");
  const themes = profile.latest
    .filter(at)
    .map((latest): ThemeRow => ({
      theme: latest.theme,
      label: themeOrder.get(latest.theme)?.label ?? latest.theme,
      latest,
      current: familyOf.get(latest.framework) === family,
      trajectory: sequence?.trajectory?.find((t) => t.theme === latest.theme) ?? null,
      neighbours: tally(neighbourGrades.filter((g) => g.theme === latest.theme).map((g) => g.grade)),
      region: region.find((d) => d.theme === latest.theme)?.n ?? null,
      england: england.find((d) => d.theme === latest.theme)?.n ?? null,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || (themeOrder.get(a.theme)?.sort_order ?? 99) - (themeOrder.get(b.theme)?.sort_order ?? 99));
  const neighbours = profile.neighbours.map((neighbour): NeighbourRow => ({
    neighbour,
    exists: (!neighbour.valid_from || neighbour.valid_from <= asAt) && (!neighbour.valid_to || asAt <= neighbour.valid_to),
    grades: new Map(neighbourGrades.filter((g) => g.la_code === neighbour.la_code).map((g) => [g.theme, g])),
  }));
  let scheduling: SchedulingState | null = null;
  const row = profile.scheduling.find((r) => r.state_from <= asAt && (r.state_to === null || asAt <= r.state_to));
  const last = row ? byId.get(row.inspection_id) : undefined;
  if (row && last) {
    const rule = shared.rules.find((r) => r.rule_id === row.rule_id) ?? null;
    const status: SchedulingState["status"] = !rule
      ? "no rule"
      : !row.window_close
        ? "no fixed interval"
        : asAt < (row.window_open ?? last.published_date)
          ? "before window"
          : asAt <= row.window_close
            ? "within window"
            : "after window";
    scheduling = {inspection: last, row, rule, monthsSince: monthsBetween(last.published_date, asAt), status};
  }
  return {
    asAt,
    profile,
    shared,
    exists,
    history: profile.inspections.filter((i) => i.published_date <= asAt),
    latestInspection,
    sequence,
    family,
    themes,
    neighbours,
    scheduling,
    enquiry: profile.enquiry.filter(at),
  };
}

// ---------------------------------------------------------------------------------------------
// HTML, as a string, so that the page and the standalone briefing show the same thing.

export function esc(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** 2019-08-01 -> "1 Aug 2019". */
/** When an inspection happened as far as it is known: the stated month of an earlier inspection, else its publication day. */
export function inspectionWhen(r: Pick<Inspection, "published_date" | "stated">): string {
  return r.stated ? r.stated.when : formatDate(r.published_date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "–";
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function formatMonths(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts = [y ? `${y} year${y === 1 ? "" : "s"}` : "", m || !y ? `${m} month${m === 1 ? "" : "s"}` : ""];
  return parts.filter(Boolean).join(" ");
}

/** A grade as a swatch and its words; the published label is kept in the tooltip when shortened. */
export function badge(grade: number | null | undefined, label?: string | null, short = false): string {
  if (grade == null) return `<span class="grade-badge grade-none">${esc(label ?? "not graded")}</span>`;
  const text = short ? gradeShort[grade] : (label ?? gradeShort[grade]);
  const title = `${gradeNames[grade]} (grade ${grade} of 4)${label && short ? `; published as "${label}"` : ""}`;
  return `<span class="grade-badge" title="${esc(title)}"><span class="grade-swatch" style="background:${gradeColors[grade]}" aria-hidden="true"></span>${esc(text)}</span>`;
}

const ARROWS: Record<Direction, string> = {improved: "↑ improved", declined: "↓ declined", unchanged: "→ unchanged"};

function direction(d: Direction | null, from: number | null): string {
  if (!d) return `<span class="muted">–</span>`;
  return `<span class="dir dir-${d}">${ARROWS[d]}</span> <span class="muted">from ${esc(gradeShort[from ?? 0] ?? "")}</span>`;
}

const tallyText = (t: [number, number, number, number] | null) =>
  t ? `<span class="tally" title="outstanding ${t[0]}, good ${t[1]}, requires improvement or adequate ${t[2]}, inadequate ${t[3]}">${t.join(" · ")}</span>` : `<span class="muted">–</span>`;

/** Short column headers for the neighbour grid. */
const THEME_SHORT: Record<string, string> = {
  overall: "Overall",
  help_protection: "Help & prot.",
  children_in_care: "In care",
  adoption: "Adoption",
  care_leavers: "Care leavers",
  leadership: "Leaders",
  lscb: "LSCB",
  capacity_to_improve: "Capacity",
  quality_of_practice: "Practice",
};

const JUDGEMENT_ABBR = (j: Judgement, themes: Map<string, string>) => THEME_SHORT[j.theme] ?? themes.get(j.theme) ?? j.label;

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/**
 * Every graded judgement on one timeline, server-side SVG: a row per theme, a mark per report with the
 * grade's initial (colour is never the only carrier) and the as-at date as a rule. The history table
 * beside it is the text alternative.
 */
export function timelineSvg(snap: Snapshot): string {
  const reports = snap.history;
  if (!reports.length) return "";
  const themeOrder = new Map(snap.shared.themes.map((t) => [t.theme, t]));
  const themeIds = [...new Set(reports.flatMap((r) => r.judgements.filter((j) => j.grade != null).map((j) => j.theme)))].sort(
    (a, b) => (themeOrder.get(a)?.sort_order ?? 99) - (themeOrder.get(b)?.sort_order ?? 99),
  );
  const rowH = 16;
  const left = 118;
  const width = 720;
  const right = 12;
  const top = 6;
  const height = top + themeIds.length * rowH + 22;
  const y0 = Math.min(...reports.map((r) => yearOf(r.published_date)));
  const y1 = Math.max(yearOf(snap.asAt), ...reports.map((r) => yearOf(r.published_date))) + 1;
  const x = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    const t = y + (m - 1) / 12 + (d - 1) / 365;
    return left + ((t - y0) / (y1 - y0)) * (width - left - right);
  };
  const parts: string[] = [];
  themeIds.forEach((theme, i) => {
    const y = top + i * rowH + rowH / 2;
    parts.push(`<text x="${left - 6}" y="${y + 3.5}" text-anchor="end" class="tl-label">${esc(THEME_SHORT[theme] ?? themeOrder.get(theme)?.label ?? theme)}</text>`);
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y}" y2="${y}" class="tl-row"/>`);
  });
  for (let yr = y0; yr <= y1; yr++) {
    const xx = x(`${yr}-01-01`);
    const yb = top + themeIds.length * rowH;
    parts.push(`<line x1="${xx}" x2="${xx}" y1="${top}" y2="${yb + 3}" class="tl-tick"/>`);
    if (yr < y1) parts.push(`<text x="${xx + 2}" y="${yb + 14}" class="tl-year">${yr}</text>`);
  }
  for (const r of reports) {
    const seen = new Set<string>();
    for (const j of r.judgements) {
      if (j.grade == null || seen.has(j.theme)) continue;
      seen.add(j.theme);
      const cx = x(r.published_date);
      const cy = top + themeIds.indexOf(j.theme) * rowH + rowH / 2;
      const letter = ["O", "G", "R", "I"][j.grade - 1];
      const title = `${inspectionWhen(r)} ${r.framework}${r.stated ? ` (as stated in the ${r.stated.year} ${r.stated.framework} report)` : ""}: ${j.label}: ${j.grade_label}`;
      parts.push(
        `<g><title>${esc(title)}</title><rect x="${cx - 6}" y="${cy - 6}" width="12" height="12" rx="2" fill="${gradeColors[j.grade]}" stroke="#333" stroke-width="0.5"/>` +
          `<text x="${cx}" y="${cy + 3.5}" text-anchor="middle" class="tl-letter${j.grade === 1 || j.grade === 4 ? " tl-light" : ""}">${letter}</text></g>`,
      );
    }
  }
  const ax = x(snap.asAt);
  parts.push(`<line x1="${ax}" x2="${ax}" y1="${top - 4}" y2="${top + themeIds.length * rowH + 3}" class="tl-asat"/>`);
  const summary = `Timeline of ${reports.length} graded report${reports.length === 1 ? "" : "s"} from ${inspectionWhen(reports[0]!)} to ${inspectionWhen(reports.at(-1)!)}, one row per theme; letters O, G, R, I mark outstanding, good, requires improvement or adequate, inadequate. The same judgements are listed in the table below.`;
  return `<svg class="timeline" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(summary)}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}

/** Wide content scrolls sideways on a phone; the region is focusable so a keyboard can scroll it. */
const scrollable = (label: string, content: string) =>
  content.startsWith("<table") || content.startsWith("<svg") ? `<div class="scroll" role="region" aria-label="${esc(label)}" tabindex="0">${content}</div>` : content;

export interface RenderOptions {
  /** Link other authorities' profiles (on the site); false for the standalone briefing. */
  links: boolean;
  /** HTML of "The area" (src/components/area-profile.ts), placed before the statistical neighbours. */
  area?: string;
}

function authorityName(la_code: string, name: string, profiled: boolean, options: RenderOptions): string {
  return options.links && profiled ? `<a href="./${esc(la_code)}">${esc(name)}</a>` : esc(name);
}

function header(snap: Snapshot, options: RenderOptions): string {
  const w = snap.profile.who;
  const facts = [
    `LA code ${esc(w.la_code)}`,
    `GSS ${esc(w.gss_code)}`,
    w.ofsted_urn ? `Ofsted URN ${esc(w.ofsted_urn)}` : "",
    `${esc(w.ofsted_region)} (Ofsted region)`,
    esc(w.la_type),
    w.population_0_25 != null ? `population aged 0-25: ${w.population_0_25.toLocaleString("en-GB")}` : "",
  ].filter(Boolean);
  const related = snap.profile.related.map((r) =>
    r.link === "predecessor"
      ? `Created on ${formatDate(r.date)} from ${authorityName(r.la_code, r.name, r.profiled, options)} (${esc(r.la_code)}), whose reports it inherits.`
      : `Replaced on ${formatDate(r.date)} by ${authorityName(r.la_code, r.name, r.profiled, options)} (${esc(r.la_code)}).`,
  );
  const neighbours = snap.profile.neighbours.length
    ? `Statistical neighbours: ${snap.profile.neighbours.map((n) => authorityName(n.la_code, n.name, n.profiled, options)).join(", ")}.`
    : "No statistical neighbours are listed for this authority.";
  const aliases = w.aliases ? ` Also known as ${esc(w.aliases.split("|").join(", "))}.` : "";
  return `<p class="who">${facts.join(" · ")}.${aliases}</p>
<p class="who">${[...new Set(related)].join(" ")} ${neighbours}</p>`;
}

function summaryCards(snap: Snapshot): string {
  const overall = snap.themes.find((t) => t.theme === "overall");
  const li = snap.latestInspection;
  const s = snap.scheduling;
  const trajectoryOverall = snap.sequence?.trajectory?.find((t) => t.theme === "overall");
  const cards = [
    `<div class="card"><h2>Latest overall effectiveness</h2><div class="big-badge">${overall ? badge(overall.latest.grade, overall.latest.grade_label) : badge(null, "no overall grade")}</div><p>${
      overall
        ? `${esc(overall.latest.framework)} report published ${formatDate(overall.latest.published_date)}${overall.latest.inherited_from ? ` (inherited from ${esc(overall.latest.inherited_from)})` : ""}`
        : "none held for this date"
    }</p></div>`,
    `<div class="card"><h2>Latest graded inspection</h2><div class="big">${li ? esc(formatDate(li.published_date)) : "–"}</div><p>${
      li
        ? `${esc(li.framework)} ${esc(li.inspection_type)}${li.la_code !== snap.profile.who.la_code ? ` of ${esc(li.authority_name)}` : ""}; ${
            li.overall_grade == null
              ? "no overall grade at this inspection"
              : trajectoryOverall?.since_previous
                ? `overall ${ARROWS[trajectoryOverall.since_previous]} since the previous`
                : "first overall grade held"
          }`
        : "none held for this date"
    }</p></div>`,
    `<div class="card"><h2>Time since</h2><div class="big">${s ? esc(formatMonths(s.monthsSince)) : "–"}</div><p>${s ? `from publication to the as-at date` : "no graded inspection yet"}</p></div>`,
    `<div class="card"><h2>Next inspection expected</h2><div class="big">${
      s?.row.window_close ? `by ${esc(formatDate(s.row.window_close))}` : s?.rule ? "no fixed date" : "–"
    }</div><p>${s ? esc(s.status) : "no rule applies"}${s?.rule ? ` (rule ${esc(s.rule.rule_id)})` : ""}</p></div>`,
  ];
  return `<div class="cards">${cards.join("")}</div>`;
}

function themeTable(snap: Snapshot): string {
  if (!snap.themes.length) return `<p class="muted">No graded judgement is held for this authority on this date.</p>`;
  const first = snap.sequence && snap.latestInspection ? snap.profile.inspections.find((i) => i.inspection_id === snap.sequence!.first_of_framework_id) : null;
  const row = (t: ThemeRow) => `<tr${t.current ? "" : ` class="earlier"`}>
<th scope="row">${esc(t.label)}</th>
<td>${badge(t.latest.grade, t.latest.grade_label, true)}</td>
<td>${esc(formatDate(t.latest.published_date))}${t.latest.inherited_from ? `<sup title="inherited from predecessor ${esc(t.latest.inherited_from)}">p</sup>` : ""}</td>
<td>${t.trajectory ? direction(t.trajectory.since_previous, t.trajectory.previous_grade) : `<span class="muted">–</span>`}</td>
<td>${t.trajectory ? direction(t.trajectory.since_first, t.trajectory.first_grade) : `<span class="muted">–</span>`}</td>
<td class="num">${tallyText(t.neighbours.some((n) => n > 0) ? t.neighbours : null)}</td>
<td class="num">${tallyText(t.region)}</td>
<td class="num">${tallyText(t.england)}</td>
</tr>`;
  const current = snap.themes.filter((t) => t.current);
  const earlier = snap.themes.filter((t) => !t.current);
  return `<table class="themes">
<thead><tr><th>Theme</th><th>Latest grade</th><th>Published</th><th>Since previous inspection</th><th>Since first ${esc(snap.family ?? "")} inspection${first ? ` (${esc(formatDate(first.published_date))})` : ""}</th>
<th class="num" title="outstanding · good · requires improvement or adequate · inadequate">Neighbours<br><abbr title="outstanding · good · requires improvement or adequate · inadequate">O · G · RI · I</abbr></th>
<th class="num">${esc(snap.profile.who.ofsted_region)}<br><abbr title="outstanding · good · requires improvement or adequate · inadequate">O · G · RI · I</abbr></th>
<th class="num">England<br><abbr title="outstanding · good · requires improvement or adequate · inadequate">O · G · RI · I</abbr></th></tr></thead>
<tbody>${current.map(row).join("")}</tbody>
${earlier.length ? `<tbody><tr class="group"><th colspan="8">Last graded under an earlier framework</th></tr>${earlier.map(row).join("")}</tbody>` : ""}
</table>`;
}

const ENQUIRY_TEXT: Record<EnquiryRow["kind"], (e: EnquiryRow, label: string) => string> = {
  below_good: (e, label) => `${label}: graded ${esc(e.grade_label ?? gradeShort[e.grade])} (${esc(formatDate(e.published_date))}), below good.`,
  fell: (e, label) => `${label}: fell from ${esc(e.previous_grade_label)} to ${esc(e.grade_label)} at the latest inspection.`,
  below_neighbours: (e, label) => `${label}: ${esc(gradeShort[e.grade])}, below most of its graded statistical neighbours.`,
};

function enquiryList(snap: Snapshot): string {
  if (!snap.enquiry.length) return `<p>No theme of the current framework is below good, fell at the latest inspection, or is below most neighbours.</p>`;
  const label = new Map(snap.shared.themes.map((t) => [t.theme, t.label]));
  const order = ["fell", "below_good", "below_neighbours"];
  const items = [...snap.enquiry]
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    .map((e) => `<li>${ENQUIRY_TEXT[e.kind](e, esc(label.get(e.theme) ?? e.theme))}</li>`);
  return `<ul class="enquiry">${items.join("")}</ul>`;
}

function schedulingText(snap: Snapshot): string {
  const s = snap.scheduling;
  if (!s) return `<p>No graded inspection is held for this authority on this date, so no scheduling rule applies.</p>`;
  const li = s.inspection;
  const grade = li.overall_grade ? `graded ${esc(li.overall_label)} overall` : "with no overall grade";
  const lines = [
    `The last graded inspection (${esc(li.framework)} ${esc(li.inspection_type)}${li.la_code !== snap.profile.who.la_code ? `, of ${esc(li.authority_name)}` : ""}, ${grade}) was published on ${esc(formatDate(li.published_date))}, ${esc(formatMonths(s.monthsSince))} before ${esc(formatDate(snap.asAt))}.`,
  ];
  if (s.rule) {
    const window = s.row.window_close
      ? `expected between ${esc(formatDate(s.row.window_open ?? li.published_date))} and ${esc(formatDate(s.row.window_close))}${
          s.row.blackout_applied ? ` (closing day moved past ${esc(s.row.blackout_applied)})` : ""
        }; on the as-at date it is <strong>${esc(s.status)}</strong>.`
      : `with no fixed interval.`;
    lines.push(`Under rule <code>${esc(s.rule.rule_id)}</code> (${esc(s.rule.status)}): “${esc(s.rule.description)}” (${esc(s.rule.source)}), the next inspection is ${window}`);
  } else {
    lines.push(`No rule in data/reference/scheduling-rules.csv applies to a ${esc(li.framework)} inspection with this grade.`);
  }
  return `<p>${lines.join(" ")}</p>`;
}

function neighbourGrid(snap: Snapshot, options: RenderOptions): string {
  if (!snap.neighbours.length) return "";
  const themes = snap.themes.filter((t) => t.current);
  if (!themes.length) return "";
  const own = `<tr class="own"><th scope="row">${esc(snap.profile.who.name)}</th>${themes.map((t) => `<td>${badge(t.latest.grade, t.latest.grade_label, true)}</td>`).join("")}<td>${esc(formatDate(snap.latestInspection?.published_date))}</td></tr>`;
  const rows = snap.neighbours.map((n) => {
    const cells = themes.map((t) => {
      const g = n.grades.get(t.theme);
      return `<td>${g ? badge(g.grade, null, true) : `<span class="muted">–</span>`}</td>`;
    });
    const last = [...n.grades.values()].map((g) => g.published_date).sort().at(-1);
    const note = n.exists ? esc(formatDate(last)) : `<span class="muted">not in existence</span>`;
    return `<tr><th scope="row">${authorityName(n.neighbour.la_code, n.neighbour.name, n.neighbour.profiled && n.exists, options)}</th>${cells.join("")}<td>${note}</td></tr>`;
  });
  return `<table class="neighbours-table"><thead><tr><th>Authority</th>${themes.map((t) => `<th>${esc(THEME_SHORT[t.theme] ?? t.label)}</th>`).join("")}<th>Latest report</th></tr></thead><tbody>${own}${rows.join("")}</tbody></table>`;
}

/** When the next inspection began, against the window of the rule that applied (leadership's question). */
function nextReport(snap: Snapshot, r: Inspection): string {
  const s = snap.profile.scheduling.find((e) => e.inspection_id === r.inspection_id);
  if (!s?.next_date || s.next_date > snap.asAt || s.months_to_next == null) return `<span class="muted">–</span>`;
  return `${s.months_to_next.toFixed(0)} months later${s.next_verdict ? `: ${esc(s.next_verdict)}${s.rule_id ? ` (${esc(s.rule_id)})` : ""}` : ""}`;
}

function historyTable(snap: Snapshot): string {
  if (!snap.history.length) return `<p class="muted">No graded report published by this date.</p>`;
  const themes = new Map(snap.shared.themes.map((t) => [t.theme, t.label]));
  const rows = [...snap.history].reverse().map((r) => {
    const overall = r.judgements.find((j) => j.theme === "overall" && j.grade != null);
    const others = r.judgements
      .filter((j) => j !== overall)
      .map((j) => `<span class="j"><span class="j-name" title="${esc(j.label)}">${esc(JUDGEMENT_ABBR(j, themes))}</span> ${badge(j.grade, j.grade_label, true)}</span>`);
    const label = r.stated ? `as stated in the ${r.stated.year} ${r.stated.framework} report, p${r.stated.page}` : "report";
    const report = r.report_url ? `<a href="${esc(r.report_url)}">${esc(label)}</a>` : `<span class="muted" title="${esc(r.source_file)}">${r.stated ? esc(label) : "file"}</span>`;
    return `<tr><td>${esc(inspectionWhen(r))}</td><td>${esc(r.framework)} ${esc(r.inspection_type)}${r.la_code !== snap.profile.who.la_code ? `<br><span class="muted">${esc(r.authority_name)}</span>` : ""}</td><td>${overall ? badge(overall.grade, overall.grade_label, true) : `<span class="muted">–</span>`}</td><td class="js">${others.join(" ")}</td><td>${nextReport(snap, r)}</td><td>${report}</td></tr>`;
  });
  return `<table class="history"><thead><tr><th>Published (earlier inspections: month stated)</th><th>Framework, type</th><th>Overall</th><th>Other judgements (LSCB included)</th><th>Next inspection began</th><th>Source</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

export const SOURCES =
  "data/authorities.csv (who, neighbours), data/reference/reorganisations.csv, data/inspections.csv and data/judgements.csv (reports and grades), data/reference/judgement-areas.csv, themes.csv and grade-scale.csv (themes and the 1-4 scale), data/reference/scheduling-rules.csv (windows), data/reference/frameworks.csv";

/** The whole profile body (everything below the page title). */
export function renderProfile(snap: Snapshot, options: RenderOptions): string {
  const w = snap.profile.who;
  const notice = !snap.exists
    ? `<p class="notice">${esc(w.name)} did not exist on ${esc(formatDate(snap.asAt))}${
        w.valid_from && snap.asAt < w.valid_from ? ` (created ${esc(formatDate(w.valid_from))})` : w.valid_to ? ` (its last day was ${esc(formatDate(w.valid_to))})` : ""
      }: the latest grades, comparisons and scheduling are empty for this date.</p>`
    : "";
  return `${header(snap, options)}
${notice}
${summaryCards(snap)}
<h2>Latest grade by theme, against neighbours, region and England</h2>
${scrollable("Latest grade by theme", themeTable(snap))}
<p class="caption">Each authority's latest grade in each theme as at ${esc(formatDate(snap.asAt))}, on the harmonised 1-4 scale (requires improvement and adequate share grade 3). Neighbours, region and England count authorities existing on that date with a grade in the theme: outstanding · good · requires improvement or adequate · inadequate. Direction compares the latest inspection with the previous one and with the first of the same framework (for a successor, its predecessor's reports count). <sup>p</sup> marks a grade inherited from a predecessor.</p>
<h2>Lines of enquiry</h2>
${enquiryList(snap)}
<h2>Scheduling</h2>
${schedulingText(snap)}
${options.area ?? ""}
<h2>Statistical neighbours</h2>
${scrollable("Statistical neighbours' latest grades", neighbourGrid(snap, options)) || `<p class="muted">No neighbour comparison for this date.</p>`}
<h2>Inspection history</h2>
${scrollable("Timeline of graded judgements", timelineSvg(snap))}
${scrollable("Inspection history", historyTable(snap))}
<footer class="profile-footer"><p>As at ${esc(formatDate(snap.asAt))} (latest report in the data: ${esc(formatDate(snap.shared.data_last_published))}). Sources: ${esc(SOURCES)}; this authority: ${esc(w.source)}.</p></footer>`;
}

/** The profile's own styles; the site adds its theme, the briefing adds a page frame. */
export const profileCss = `
.profile .who { margin: 0.2rem 0; max-width: none; }
.profile .cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0.6rem; margin: 0.8rem 0; }
.profile .card { border: 1px solid #ccc; border-radius: 4px; padding: 0.4rem 0.6rem; margin: 0; }
.profile .card h2 { font-size: 0.8rem; margin: 0 0 0.2rem; font-weight: 600; color: #555; }
.profile .card p { margin: 0.2rem 0 0; font-size: 0.8rem; color: #555; }
.profile .big { font-size: 1.3rem; font-weight: 600; }
.profile .big-badge { font-size: 1.1rem; font-weight: 600; }
.profile .big-badge .grade-badge { white-space: normal; }
.profile table { border-collapse: collapse; width: 100%; font-size: 0.85rem; max-width: none; }
.profile th, .profile td { text-align: left; padding: 0.15rem 0.4rem; border-bottom: 1px solid #ddd; vertical-align: top; }
.profile thead th { font-weight: 600; border-bottom: 1px solid #999; }
.profile .num { text-align: right; white-space: nowrap; }
.profile tr.group th { font-weight: 600; font-style: italic; color: #555; }
.profile tr.earlier td, .profile tr.earlier th { color: #666; }
.profile tr.own th, .profile tr.own td { background: #f3f3f3; }
.profile .muted { color: #666; }
.profile code { font-size: 0.9em; }
.profile .dir { white-space: nowrap; font-weight: 600; }
.profile .js .j { display: inline-block; margin-right: 0.6rem; white-space: nowrap; }
.profile .j-name { color: #555; }
.profile .notice { border-left: 4px solid #b2182b; padding: 0.3rem 0.6rem; background: #fbeaea; }
.profile .enquiry { margin: 0.2rem 0; }
.profile .scroll { overflow-x: auto; }
.profile .timeline { max-width: 760px; display: block; margin: 0.3rem 0; }
.profile .tl-label, .profile .tl-year { font: 10px sans-serif; fill: #333; }
.profile .tl-letter { font: bold 9px sans-serif; fill: #111; }
.profile .tl-light { fill: #fff; }
.profile .tl-row { stroke: #e4e4e4; }
.profile .tl-tick { stroke: #ccc; }
.profile .tl-asat { stroke: #000; stroke-dasharray: 3 2; }
.profile .grade-badge { display: inline-flex; align-items: center; gap: 0.3em; white-space: nowrap; }
.profile .grade-swatch { display: inline-block; width: 0.8em; height: 0.8em; border: 1px solid #333; }
.profile .grade-none { color: #666; font-style: italic; }
.profile .profile-footer { margin-top: 1rem; border-top: 1px solid #999; font-size: 0.75rem; color: #444; }
.profile .profile-footer p { max-width: none; margin: 0.3rem 0; }
.profile h2 { margin: 1rem 0 0.3rem; font-size: 1.05rem; }
@media (max-width: 640px) {
  .profile .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .profile .timeline { min-width: 560px; }
  .profile table.themes, .profile table.history { min-width: 620px; }
}
@media print {
  .profile { font-size: 8pt; }
  .profile .cards { gap: 0.3rem; margin: 0.4rem 0; }
  .profile .big { font-size: 11pt; }
  .profile .big-badge { font-size: 10pt; }
  .profile table { font-size: 7pt; line-height: 1.2; }
  .profile th, .profile td { padding: 0.03rem 0.25rem; }
  .profile h2 { font-size: 10pt; margin: 0.35rem 0 0.1rem; break-after: avoid; }
  .profile .caption { font-size: 7pt; max-width: none; }
  .profile .profile-footer { font-size: 6.5pt; margin-top: 0.4rem; }
  .profile tr, .profile table.neighbours-table, .profile .timeline { break-inside: avoid; }
  .profile a { color: inherit; text-decoration: none; }
  .profile .grade-swatch, .profile .timeline rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
