/** Small pieces of the profile's HTML (strings, so that the page and the standalone briefing show the same thing). */
import {formatDate} from "../dates.js";
import {gradeColors, gradeNames, gradeShort} from "../grades.js";
import type {Inspection} from "./document.js";

export function esc(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** When an inspection happened as far as it is known: the stated month of an earlier inspection, else its publication day. */
export function inspectionWhen(r: Pick<Inspection, "published_date" | "stated">): string {
  return r.stated ? r.stated.when : formatDate(r.published_date);
}

/** A grade as a swatch and its words; the published label is kept in the tooltip when shortened. */
export function badge(grade: number | null | undefined, label?: string | null, short = false): string {
  if (grade == null) return `<span class="grade-badge grade-none">${esc(label ?? "not graded")}</span>`;
  const text = short ? gradeShort[grade] : (label ?? gradeShort[grade]);
  const title = `${gradeNames[grade]} (grade ${grade} of 4)${label && short ? `; published as "${label}"` : ""}`;
  return `<span class="grade-badge" title="${esc(title)}"><span class="grade-swatch" style="background:${gradeColors[grade]}" aria-hidden="true"></span>${esc(text)}</span>`;
}

/** Short column headers for the neighbour grid. */
export const THEME_SHORT: Record<string, string> = {
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

/** Wide content scrolls sideways on a phone; the region is focusable so a keyboard can scroll it. */
export const scrollable = (label: string, content: string) =>
  content.startsWith("<table") || content.startsWith("<svg") ? `<div class="scroll" role="region" aria-label="${esc(label)}" tabindex="0">${content}</div>` : content;
