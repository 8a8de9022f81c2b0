import {html} from "htl";

/** The harmonised 1-4 scale as shown everywhere on the site. Colour always travels with text. */
export const gradeNames: Record<number, string> = {
  1: "Outstanding",
  2: "Good",
  3: "Requires improvement / adequate",
  4: "Inadequate",
};

export const gradeShort: Record<number, string> = {1: "Outstanding", 2: "Good", 3: "RI / adequate", 4: "Inadequate"};

/** A colour-blind-safe diverging palette (ColorBrewer RdBu), better grades blue. */
export const gradeColors: Record<number, string> = {1: "#2166ac", 2: "#67a9cf", 3: "#f4a582", 4: "#b2182b"};

export const gradeDomain = [1, 2, 3, 4];

/** Plot colour options for a grade channel: pass as `color: gradeColorScale()`. */
export function gradeColorScale() {
  return {
    type: "ordinal" as const,
    domain: gradeDomain,
    range: gradeDomain.map((g) => gradeColors[g]),
    tickFormat: (g: number) => gradeShort[g],
    legend: true,
  };
}

/** A grade as a swatch plus its published label (or the harmonised name when no label is given). */
export function gradeBadge(grade: number | null | undefined, label?: string | null): HTMLElement {
  if (grade == null) return html`<span class="grade-badge grade-none">${label ?? "not graded"}</span>` as HTMLElement;
  const text = label ?? gradeShort[grade] ?? String(grade);
  return html`<span class="grade-badge" title=${`${gradeNames[grade]} (grade ${grade} of 4)`}><span class="grade-swatch" style=${`background:${gradeColors[grade]}`} aria-hidden="true"></span>${text}</span>` as HTMLElement;
}
