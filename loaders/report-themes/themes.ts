import path from "node:path";
import { readCsv } from "../../lib/csv.ts";
import { referenceDir } from "../../lib/paths.ts";
import { type ReportTheme, reportTheme } from "../../schema/report-themes.ts";
import { type Section, splitSections } from "./sections.ts";
import { type CompiledTheme, type Snippet, type ThemeCount, compileThemes, tagSections } from "./tag.ts";

const taxonomyFile = path.join(referenceDir, "report-themes.csv");

export function loadTaxonomy(file = taxonomyFile): { themes: ReportTheme[]; compiled: CompiledTheme[] } {
  const themes = readCsv(file, reportTheme);
  return { themes, compiled: compileThemes(themes) };
}

export interface TaggedReport {
  sections: Section[];
  counts: ThemeCount[];
  snippets: Snippet[];
}

/** Split one report's pages into sections and tag them. A standalone LSCB review is the LSCB's throughout. */
export function tagReport(pages: string[], framework: string, compiled: CompiledTheme[]): TaggedReport {
  const sections = splitSections(pages, { lscbOnly: framework === "SIF_LSCB" });
  return { sections, ...tagSections(sections, compiled) };
}

/** The themes a report raises in its areas for improvement (the local authority's, not the LSCB's). */
export function improvementThemes(report: TaggedReport): Set<string> {
  return new Set(report.counts.filter((c) => c.section === "improve" && c.theme_id !== "all").map((c) => c.theme_id));
}
