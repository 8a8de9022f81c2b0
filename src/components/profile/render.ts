/** The profile body as HTML, for the site page (src/authorities/[la_code].md) and the standalone briefing (scripts/briefing.ts). */
import {formatDate} from "../dates.js";
import {gradeShort} from "../grades.js";
import type {Direction, EnquiryRow, Inspection, Judgement} from "./document.js";
import {badge, esc, inspectionWhen, scrollable, THEME_SHORT} from "./html.js";
import type {Snapshot, ThemeRow} from "./snapshot.js";
import {timelineSvg} from "./timeline.js";

function formatMonths(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts = [y ? `${y} year${y === 1 ? "" : "s"}` : "", m || !y ? `${m} month${m === 1 ? "" : "s"}` : ""];
  return parts.filter(Boolean).join(" ");
}

const ARROWS: Record<Direction, string> = {improved: "↑ improved", declined: "↓ declined", unchanged: "→ unchanged"};

function direction(d: Direction | null, from: number | null): string {
  if (!d) return `<span class="muted">–</span>`;
  return `<span class="dir dir-${d}">${ARROWS[d]}</span> <span class="muted">from ${esc(gradeShort[from ?? 0] ?? "")}</span>`;
}

const tallyText = (t: [number, number, number, number] | null) =>
  t ? `<span class="tally" title="outstanding ${t[0]}, good ${t[1]}, requires improvement or adequate ${t[2]}, inadequate ${t[3]}">${t.join(" · ")}</span>` : `<span class="muted">–</span>`;

const JUDGEMENT_ABBR = (j: Judgement, themes: Map<string, string>) => THEME_SHORT[j.theme] ?? themes.get(j.theme) ?? j.label;

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
  const label = new Map(snap.profile.reference.themes.map((t) => [t.theme, t.label]));
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
  const themes = new Map(snap.profile.reference.themes.map((t) => [t.theme, t.label]));
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
<footer class="profile-footer"><p>As at ${esc(formatDate(snap.asAt))} (latest report in the data: ${esc(formatDate(snap.profile.reference.data_last_published))}). Sources: ${esc(SOURCES)}; this authority: ${esc(w.source)}.</p></footer>`;
}

