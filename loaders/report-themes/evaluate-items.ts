/**
 * The tagger against the item sample (docs/report-themes.md, "The item sample"): each of 240
 * improvement items labelled with the themes it raises by two readers and an adjudicator. An item
 * is tagged as the tagger reads it in its report: its sentences, less a bare sub-heading (rule T7).
 * Scores per theme over item × theme units, for the random draw (an estimate for items in general),
 * the disagreement draw (where the tagger is weakest by design) and both.
 *
 * npx tsx loaders/report-themes/evaluate-items.ts [--round 1|2|all] [--errors]
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { readCsv } from "../../lib/csv.ts";
import { sourcesDir } from "../../lib/paths.ts";
import { type ThemeLabel } from "../../schema/report-themes.ts";
import { score } from "./evaluate.ts";
import { formatWithIntervals } from "./evaluate-independent.ts";
import { itemPassages } from "./independent-sample.ts";
import { ITEM_ROUNDS, type ItemRound, itemLabelRow, itemRound, itemSampleRow } from "./item-sample.ts";
import { splitSections } from "./sections.ts";
import { listHeadings, themesIn } from "./tag.ts";
import { loadTaxonomy } from "./themes.ts";
import { readReportTexts } from "./text.ts";

export type ItemSample = z.infer<typeof itemSampleRow>;
export type ItemLabel = z.infer<typeof itemLabelRow>;

/** The items and labels of the given rounds. */
export function itemRounds(rounds: ItemRound[]): { items: ItemSample[]; labels: ItemLabel[] } {
  return {
    items: rounds.flatMap((r) => readCsv(ITEM_ROUNDS[r].sample, itemSampleRow)),
    labels: rounds.flatMap((r) => readCsv(ITEM_ROUNDS[r].labels, itemLabelRow)),
  };
}

/** Per sampled item, the themes the tagger finds in it, read from its report as the tagger reads it. */
export async function tagItems(items: ItemSample[]): Promise<Map<string, Set<string>>> {
  const { compiled } = loadTaxonomy();
  const files = [...new Set(items.map((i) => i.source_file))];
  const texts = await readReportTexts(files.map((source_file) => ({ source_file })), { sourcesDir: sourcesDir() });
  const byFile = new Map<string, { text: string; themes: Set<string> }[]>();
  files.forEach((file, k) => {
    const t = texts[k]!;
    if (!t.ok) throw new Error(`${file}: ${t.reason}`);
    byFile.set(
      file,
      splitSections(t.pages, { lscbOnly: false })
        .filter((s) => s.kind === "improve")
        .flatMap((s) => {
          const headings = listHeadings(s);
          return itemPassages(s).map((ps) => ({
            text: ps.map((p) => p.text).join(" "),
            themes: new Set(ps.filter((p) => !headings.has(p)).flatMap((p) => themesIn(p.text, compiled).map((h) => h.theme))),
          }));
        }),
    );
  });
  return new Map(
    items.map((i) => {
      const found = byFile.get(i.source_file)?.[i.item - 1];
      // The numbering must still point at the item the readers saw.
      if (!found || found.text !== i.text) throw new Error(`item sample: ${i.key} (${i.source_file} item ${i.item}) no longer matches the report's extracted list`);
      return [i.key, found.themes];
    }),
  );
}

/** The labels as yes/no units, one per item and theme (the report-level scorer counts them). */
export function itemUnits(items: ItemSample[], labels: ItemLabel[]): ThemeLabel[] {
  const { themes } = loadTaxonomy();
  const known = new Set(themes.map((t) => t.theme_id));
  const byKey = new Map(labels.map((l) => [l.key, l]));
  return items.flatMap((i) => {
    const l = byKey.get(i.key);
    if (!l) throw new Error(`item labels: no label for ${i.key}`);
    const present = new Set(l.theme_ids === "none" ? [] : l.theme_ids.split(";"));
    for (const t of present) if (!known.has(t)) throw new Error(`item labels: ${i.key} names theme ${t}, which is not in the taxonomy`);
    return themes.map((t) => ({ source_file: i.key, theme_id: t.theme_id, present: present.has(t.theme_id) ? "yes" : "no", note: l.note }) as ThemeLabel);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { errors: { type: "boolean" }, round: { type: "string", default: "all" } } });
  const { items, labels } = itemRounds(values.round === "all" ? [1, 2] : [itemRound.parse(values.round)]);
  const predicted = await tagItems(items);
  for (const reason of ["random", "disagreement", "all"] as const) {
    const chosen = items.filter((i) => reason === "all" || i.reason === reason);
    console.log(`\nitems: ${reason} (${chosen.length})`);
    console.log(formatWithIntervals(score(itemUnits(chosen, labels), predicted)));
  }
  if (values.errors) {
    const units = itemUnits(items, labels);
    const text = new Map(items.map((i) => [i.key, i]));
    for (const u of units) {
      const hit = predicted.get(u.source_file)!.has(u.theme_id);
      if ((u.present === "yes") !== hit) console.log(`${hit ? "FP" : "FN"} ${u.theme_id.padEnd(22)} ${u.source_file} (${text.get(u.source_file)!.reason}) ${text.get(u.source_file)!.text}`);
    }
  }
}
