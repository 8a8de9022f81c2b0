/**
 * The tagger against the independent labels (docs/report-themes.md, "Independent labels"). First
 * round: two readers who never saw the terms or the code labelled 64 reports' areas for improvement
 * and 100 passages' polarity, split into a development half (tuned on) and a test half (never looked
 * at while tuning). Extension: two more readers labelled 48 further reports and 100 passages, all
 * development data. Extension 2: two more readers labelled 28 further reports (themes only), all
 * development data. An adjudicator resolved each round's disagreements. Scores per set, per theme,
 * with 95% Wilson intervals.
 *
 * npx tsx loaders/report-themes/evaluate-independent.ts [--half dev|test|all|extension|extension2|combined] [--errors] [--polarity]
 *   dev, test: the first round's halves; all: both halves; extension, extension2: the second and third
 *   samples; combined: everything tuned on (dev half and both extensions: 108 reports, 150 passages).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { readCsv } from "../../lib/csv.ts";
import { projectRoot, sourcesDir } from "../../lib/paths.ts";
import { type ThemeLabel, polarity as polarityKind } from "../../schema/report-themes.ts";
import { type ThemeScore, score, tagLabelled } from "./evaluate.ts";
import { improvementItems } from "./independent-sample.ts";
import { cuePolarity, themesIn } from "./tag.ts";
import { improvementThemes, loadTaxonomy } from "./themes.ts";

const fixtures = path.join(projectRoot, "test", "fixtures", "report-themes");
export const independentFiles = {
  sample: path.join(fixtures, "independent-sample.csv"),
  labels: path.join(fixtures, "independent-labels.csv"),
  polaritySample: path.join(fixtures, "polarity-sample.csv"),
  polarityLabels: path.join(fixtures, "independent-polarity-labels.csv"),
};
export const extensionFiles = {
  sample: path.join(fixtures, "extension-sample.csv"),
  labels: path.join(fixtures, "extension-labels.csv"),
  polaritySample: path.join(fixtures, "extension-polarity-sample.csv"),
  polarityLabels: path.join(fixtures, "extension-polarity-labels.csv"),
};
export const extension2Files = {
  sample: path.join(fixtures, "extension2-sample.csv"),
  labels: path.join(fixtures, "extension2-labels.csv"),
};
/** A labelled set's files; a set without passages labelled for polarity has no polarity files. */
type LabelFiles = { sample: string; labels: string; polaritySample?: string; polarityLabels?: string };

const half = z.enum(["dev", "test"]);
/** Which labelled set to score: a first-round half, the first round, an extension, or all development data. */
export const labelledSet = z.enum(["dev", "test", "all", "extension", "extension2", "combined"]);
export type LabelledSet = z.infer<typeof labelledSet>;
/** The files and the halves of them that make up a set. */
const SET_PARTS: Record<LabelledSet, { files: LabelFiles; halves: ("dev" | "test")[] }[]> = {
  dev: [{ files: independentFiles, halves: ["dev"] }],
  test: [{ files: independentFiles, halves: ["test"] }],
  all: [{ files: independentFiles, halves: ["dev", "test"] }],
  extension: [{ files: extensionFiles, halves: ["dev"] }],
  extension2: [{ files: extension2Files, halves: ["dev"] }],
  combined: [
    { files: independentFiles, halves: ["dev"] },
    { files: extensionFiles, halves: ["dev"] },
    { files: extension2Files, halves: ["dev"] },
  ],
};

const reportKey = z.string().regex(/^[ref]\d\d$/);
export const sampledReport = z.object({ key: reportKey, half, stratum: z.string(), inspection_id: z.string(), source_file: z.string().min(1) }).passthrough();
/** The adjudicated labels: one row per theme a report's list raises ("none" when it raises none). */
export const resolvedThemeLabel = z.object({ key: reportKey, theme_id: z.string().regex(/^[a-z_]+$/), items: z.string(), source: z.enum(["agreed", "adjudicated"]) });
export const polaritySampleRow = z.object({ passage_id: z.string().regex(/^[pq]\d{3}$/), half, inspection_id: z.string(), section: z.string(), page: z.coerce.number(), text: z.string().min(1) });
export const resolvedPolarity = z.object({ passage_id: z.string(), polarity: polarityKind, source: z.enum(["agreed", "adjudicated"]) });

/** 95% Wilson score interval for k successes in n trials. */
export function wilson(k: number, n: number, z95 = 1.959964): [number, number] | null {
  if (n === 0) return null;
  const p = k / n;
  const d = 1 + (z95 * z95) / n;
  const centre = (p + (z95 * z95) / (2 * n)) / d;
  const margin = (z95 * Math.sqrt((p * (1 - p)) / n + (z95 * z95) / (4 * n * n))) / d;
  return [Math.max(0, centre - margin), Math.min(1, centre + margin)];
}

/** The reports of a set, each with its key. */
export function sampledReports(which: LabelledSet): z.infer<typeof sampledReport>[] {
  return SET_PARTS[which].flatMap(({ files, halves }) => readCsv(files.sample, sampledReport).filter((s) => halves.includes(s.half)));
}

/** The resolved labels as yes/no for every theme of every sampled report of a set. */
export function independentLabels(which: LabelledSet): ThemeLabel[] {
  const { themes } = loadTaxonomy();
  const known = new Set(themes.map((t) => t.theme_id));
  return SET_PARTS[which].flatMap(({ files, halves }) => {
    const all = readCsv(files.sample, sampledReport);
    const resolved = readCsv(files.labels, resolvedThemeLabel);
    const keys = new Set(all.map((s) => s.key));
    for (const r of resolved) {
      if (r.theme_id !== "none" && !known.has(r.theme_id)) throw new Error(`${files.labels}: ${r.key} names theme ${r.theme_id}, which is not in the taxonomy`);
      if (!keys.has(r.key)) throw new Error(`${files.labels}: key ${r.key} is not in the sample`);
    }
    return all
      .filter((s) => halves.includes(s.half))
      .flatMap((s) =>
        themes.map((t) => {
          const row = resolved.find((r) => r.key === s.key && r.theme_id === t.theme_id);
          return { source_file: s.source_file, theme_id: t.theme_id, present: row ? "yes" : "no", note: row ? `items ${row.items} (${row.source})` : "" } as ThemeLabel;
        }),
      );
  });
}

export interface PolarityScore {
  half: string;
  passages: number;
  agree: number;
  interval: [number, number] | null;
  confusion: Record<string, number>;
}

export function polarityAgreement(which: LabelledSet): { score: PolarityScore; rows: { passage_id: string; text: string; label: string; machine: string }[] } {
  const rows = SET_PARTS[which].flatMap(({ files, halves }) => {
    // The third sample labelled themes only: it adds no passages.
    if (!files.polaritySample || !files.polarityLabels) return [];
    const polarityLabels = files.polarityLabels;
    const labels = new Map(readCsv(polarityLabels, resolvedPolarity).map((l) => [l.passage_id, l.polarity]));
    return readCsv(files.polaritySample, polaritySampleRow)
      .filter((p) => halves.includes(p.half))
      .map((p) => {
        const label = labels.get(p.passage_id);
        if (!label) throw new Error(`${polarityLabels}: no label for ${p.passage_id}`);
        return { passage_id: p.passage_id, text: p.text, label, machine: cuePolarity(p.text) };
      });
  });
  const agree = rows.filter((r) => r.label === r.machine).length;
  const confusion: Record<string, number> = {};
  for (const r of rows) confusion[`${r.label}->${r.machine}`] = (confusion[`${r.label}->${r.machine}`] ?? 0) + 1;
  return { score: { half: which, passages: rows.length, agree, interval: wilson(agree, rows.length), confusion }, rows };
}

const pct = (v: number | null) => (v === null ? "-" : `${(v * 100).toFixed(1)}%`);
const ci = (i: [number, number] | null) => (i ? `${Math.round(i[0] * 100)}-${Math.round(i[1] * 100)}%` : "-");

export function formatWithIntervals(scores: ThemeScore[]): string {
  const rows = [...scores].sort((a, b) => (a.theme_id === "all" ? 1 : b.theme_id === "all" ? -1 : a.theme_id.localeCompare(b.theme_id)));
  return [
    `${"theme".padEnd(22)} labelled predicted  tp  fp  fn  precision (95% CI)      recall (95% CI)`,
    ...rows.map((s) => `${s.theme_id.padEnd(22)} ${String(s.labelled).padStart(8)} ${String(s.predicted).padStart(9)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}  ${pct(s.precision).padStart(6)} (${ci(wilson(s.tp, s.predicted)).padEnd(8)})  ${pct(s.recall).padStart(6)} (${ci(wilson(s.tp, s.labelled))})`),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { half: { type: "string", default: "dev" }, errors: { type: "boolean" }, polarity: { type: "boolean" } } });
  const which = labelledSet.parse(values.half);
  const labels = independentLabels(which);
  const tagged = await tagLabelled(labels, { sourcesDir: sourcesDir() });
  const predicted = new Map([...tagged].map(([f, r]) => [f, improvementThemes(r)]));
  console.log(`set: ${which}; ${labels.length / 19} reports`);
  console.log(formatWithIntervals(score(labels, predicted)));
  if (values.errors) {
    // Each error with the list items behind it, numbered as in the readers' packets.
    const { compiled } = loadTaxonomy();
    const keyOf = new Map(sampledReports(which).map((s) => [s.source_file, s.key]));
    for (const l of labels) {
      const hit = predicted.get(l.source_file)?.has(l.theme_id) ?? false;
      if ((l.present === "yes") === hit) continue;
      console.log(`${hit ? "FP" : "FN"} ${l.theme_id.padEnd(22)} ${keyOf.get(l.source_file)} ${l.note}`);
      const items = improvementItems(tagged.get(l.source_file)!.sections).flatMap((s) => s.items);
      const wanted = hit ? null : new Set(/items ([\d;]+)/.exec(l.note)?.[1]?.split(";").map(Number));
      items.forEach((text, i) => {
        const term = themesIn(text, compiled).find((h) => h.theme === l.theme_id)?.term;
        if (hit ? term : wanted!.has(i + 1)) console.log(`    #${i + 1}${term ? ` [${term}]` : ""} ${text}`);
      });
    }
  }
  if (values.polarity) {
    const { score: s, rows } = polarityAgreement(which);
    if (s.passages === 0) console.log(`polarity: set ${which} has no passages labelled for polarity`);
    else {
      console.log(`polarity: ${s.agree} of ${s.passages} agree (${pct(s.agree / s.passages)}, 95% CI ${ci(s.interval)}); ${JSON.stringify(s.confusion)}`);
      if (values.errors) for (const r of rows) if (r.label !== r.machine) console.log(`  ${r.passage_id} reader ${r.label}, machine ${r.machine}: ${r.text}`);
    }
  }
}
