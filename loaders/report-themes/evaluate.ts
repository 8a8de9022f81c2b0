/**
 * Precision and recall of the tagger against the hand labels (docs/report-themes.md):
 * npx tsx loaders/report-themes/evaluate.ts [--labels <csv>] [--sources <dir>] [--inspections <csv>] [--errors]
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readCsv } from "../../lib/csv.ts";
import { dataDir, projectRoot, sourcesDir } from "../../lib/paths.ts";
import { inspection } from "../../schema/canonical.ts";
import { type ThemeLabel, themeLabel } from "../../schema/report-themes.ts";
import { readReportTexts } from "./text.ts";
import { type TaggedReport, improvementThemes, loadTaxonomy, tagReport } from "./themes.ts";

export const labelsFile = path.join(projectRoot, "test", "fixtures", "report-themes", "labels.csv");

export interface ThemeScore {
  theme_id: string;
  labelled: number;
  predicted: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

/** Scores per theme, plus "all" (micro-averaged over every report and theme). */
export function score(labels: ThemeLabel[], predicted: Map<string, Set<string>>): ThemeScore[] {
  const by = new Map<string, ThemeScore>();
  const get = (theme_id: string) => {
    let s = by.get(theme_id);
    if (!s) by.set(theme_id, (s = { theme_id, labelled: 0, predicted: 0, tp: 0, fp: 0, fn: 0, precision: null, recall: null }));
    return s;
  };
  for (const l of labels) {
    const yes = l.present === "yes";
    const hit = predicted.get(l.source_file)?.has(l.theme_id) ?? false;
    for (const s of [get(l.theme_id), get("all")]) {
      if (yes) s.labelled++;
      if (hit) s.predicted++;
      if (yes && hit) s.tp++;
      if (!yes && hit) s.fp++;
      if (yes && !hit) s.fn++;
    }
  }
  for (const s of by.values()) {
    s.precision = s.predicted > 0 ? s.tp / s.predicted : null;
    s.recall = s.labelled > 0 ? s.tp / s.labelled : null;
  }
  return [...by.values()];
}

/** Tag the labelled reports, per source file. */
export async function tagLabelled(labels: ThemeLabel[], opts: { sourcesDir: string; inspectionsFile?: string }): Promise<Map<string, TaggedReport>> {
  const { compiled } = loadTaxonomy();
  const file = opts.inspectionsFile ?? path.join(dataDir, "inspections.csv");
  const known = new Map((fs.existsSync(file) ? readCsv(file, inspection) : []).map((i) => [i.source_file, i]));
  const files = [...new Set(labels.map((l) => l.source_file))];
  const texts = await readReportTexts(
    files.map((f) => ({ source_file: f, source_sha256: known.get(f)?.source_sha256 ?? null })),
    { sourcesDir: opts.sourcesDir },
  );
  const out = new Map<string, TaggedReport>();
  files.forEach((f, i) => {
    const t = texts[i]!;
    if (!t.ok) throw new Error(`${f}: ${t.reason}`);
    out.set(f, tagReport(t.pages, known.get(f)?.framework ?? "", compiled));
  });
  return out;
}

/** Tag the labelled reports and return, per source file, the themes found in their areas for improvement. */
export async function predictLabelled(labels: ThemeLabel[], opts: { sourcesDir: string; inspectionsFile?: string }): Promise<Map<string, Set<string>>> {
  const tagged = await tagLabelled(labels, opts);
  return new Map([...tagged].map(([f, r]) => [f, improvementThemes(r)]));
}

const pct = (v: number | null) => (v === null ? "  -" : `${Math.round(v * 100)}%`.padStart(4));

export function formatScores(scores: ThemeScore[]): string {
  const rows = [...scores].sort((a, b) => (a.theme_id === "all" ? 1 : b.theme_id === "all" ? -1 : a.theme_id.localeCompare(b.theme_id)));
  const head = `${"theme".padEnd(22)} labelled predicted  tp  fp  fn precision recall`;
  return [head, ...rows.map((s) => `${s.theme_id.padEnd(22)} ${String(s.labelled).padStart(8)} ${String(s.predicted).padStart(9)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(6)}`)].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { labels: { type: "string" }, sources: { type: "string" }, inspections: { type: "string" }, errors: { type: "boolean" } } });
  const labels = readCsv(values.labels ?? labelsFile, themeLabel);
  const predicted = await predictLabelled(labels, { sourcesDir: values.sources ?? sourcesDir(), ...(values.inspections ? { inspectionsFile: values.inspections } : {}) });
  console.log(formatScores(score(labels, predicted)));
  if (values.errors) {
    for (const l of labels) {
      const hit = predicted.get(l.source_file)?.has(l.theme_id) ?? false;
      if ((l.present === "yes") !== hit) console.log(`${hit ? "FP" : "FN"} ${l.theme_id.padEnd(22)} ${path.basename(path.dirname(l.source_file))}/${path.basename(l.source_file)} ${l.note}`);
    }
  }
}
