/**
 * Every graded judgement on one timeline, server-side SVG: a row per theme, a mark per report with the
 * grade's initial (colour is never the only carrier) and the as-at date as a rule. The history table
 * beside it is the text alternative.
 */
import {gradeColors} from "../grades.js";
import {esc, inspectionWhen, THEME_SHORT} from "./html.js";
import type {Snapshot} from "./snapshot.js";

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function timelineSvg(snap: Snapshot): string {
  const reports = snap.history;
  if (!reports.length) return "";
  const themeOrder = new Map(snap.profile.reference.themes.map((t) => [t.theme, t]));
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
