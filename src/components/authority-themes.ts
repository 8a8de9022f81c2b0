import {html} from "htl";
import {formatDate} from "./dates.js";
import {gradeBadge} from "./grades.js";

/** One row of the warehouse view authority_theme_reports: a report on the authority and the themes of its areas for improvement. */
export interface AuthorityThemeReport {
  la_code: string;
  inspection_id: string;
  framework: string;
  published_date: string;
  overall_grade: number | null;
  overall_label: string | null;
  report_url: string | null;
  has_improvement_section: boolean;
  previous_inspection_id: string | null;
  previous_published_date: string | null;
  previous_framework: string | null;
  inherited_from: string | null;
  themes: {theme_id: string; theme_label: string; status: "recurring" | "new" | "not raised again"; snippet: string | null}[];
}

/** Styles for the section; add once to the page (e.g. in its <style> block or with html`<style>${authorityThemesCss}</style>`). */
export const authorityThemesCss = `
.authority-themes-table { border-collapse: collapse; max-width: 960px; }
.authority-themes-table th, .authority-themes-table td { text-align: left; vertical-align: top; padding: 0.25rem 0.6rem 0.25rem 0; border-bottom: 1px solid var(--theme-foreground-faintest, #ddd); }
.authority-themes-table tr[data-status="recurring"] td:nth-child(2) { font-weight: 600; }
.authority-themes-table .snippet { font-size: 0.85rem; }
@media print { .authority-themes .caption { display: none; } }
`;

const STATUS_TEXT = {recurring: "Raised again", new: "New", "not raised again": "Not raised again"} as const;


/** The report in force on a date: the latest published on or before it. */
export function reportAsAt(rows: AuthorityThemeReport[], asAt?: string | Date | null): AuthorityThemeReport | undefined {
  const cut = asAt instanceof Date ? asAt.toISOString().slice(0, 10) : asAt ?? "9999-12-31";
  return rows
    .filter((r) => r.published_date <= cut)
    .sort((a, b) => a.published_date.localeCompare(b.published_date) || a.inspection_id.localeCompare(b.inspection_id))
    .at(-1);
}

/**
 * What the authority's latest report (as at a date) asks it to improve, theme by theme, and whether
 * each theme was also an area for improvement in the report before: status is in words, never
 * colour alone. Each theme carries the passage that raised it, linked to the report.
 */
export function authorityThemes(rows: AuthorityThemeReport[], {asAt}: {asAt?: string | Date | null} = {}): HTMLElement {
  const report = reportAsAt(rows, asAt);
  if (!report) return html`<p class="authority-themes-none">No report on this authority had been published by this date.</p>` as HTMLElement;
  const raised = report.themes.filter((t) => t.status !== "not raised again");
  const dropped = report.themes.filter((t) => t.status === "not raised again");
  const recurring = raised.filter((t) => t.status === "recurring").length;
  const link = (text: string) => (report.report_url ? html`<a href=${report.report_url}>${text}</a>` : text);
  const previous = report.previous_published_date
    ? `the previous report (${report.previous_framework}, ${formatDate(report.previous_published_date)})`
    : null;
  const lead = html`<p>${link(`The ${report.framework} report published ${formatDate(report.published_date)}`)}${report.inherited_from ? ` (on ${report.inherited_from})` : ""}, overall ${gradeBadge(report.overall_grade, report.overall_label ?? (report.overall_grade == null ? "no overall judgement" : undefined))}, ${
    !report.has_improvement_section
      ? "lists no areas for improvement."
      : raised.length === 0
        ? "lists areas for improvement, but none that the theme list recognises."
        : `raises ${raised.length} ${raised.length === 1 ? "theme" : "themes"} in its areas for improvement${previous ? `; ${recurring} of them ${recurring === 1 ? "was" : "were"} also raised in ${previous}` : " (no earlier report to compare)"}.`
  }</p>`;
  const table = raised.length
    ? html`<table class="authority-themes-table">
        <thead><tr><th scope="col">Theme</th><th scope="col">Since the previous report</th><th scope="col">What the report says</th></tr></thead>
        <tbody>${raised.map(
          (t) => html`<tr data-status=${t.status}>
            <td>${t.theme_label}</td>
            <td>${previous ? STATUS_TEXT[t.status] : "–"}</td>
            <td class="snippet">${t.snippet ? html`<q>${t.snippet}</q>` : ""}</td>
          </tr>`,
        )}</tbody>
      </table>`
    : "";
  const gone = dropped.length && previous
    ? html`<p class="authority-themes-dropped">Raised in ${previous} and not again: ${dropped.map((t) => t.theme_label).join("; ")}.</p>`
    : "";
  return html`<div class="authority-themes">${lead}${table}${gone}<p class="caption">Themes are found by terms in the report's "what needs to improve" or recommendations list (see the page <a href="../themes">What inspectors write about</a> for the method and its measured precision and recall).</p></div>` as HTMLElement;
}
