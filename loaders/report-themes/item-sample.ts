/**
 * A fourth development sample, labelled item by item (docs/report-themes.md, "The item sample").
 * Three report samples showed that tuning on whole reports fits the reports tuned on and carries
 * little to others: their errors are single items phrased once. This sample goes looking for such
 * items across every report never labelled (the test half, the older sample and the development
 * reports are left out): a second opinion, the development items' nearest neighbours by TF-IDF
 * cosine, votes on each item's themes, and the items where it and the terms disagree most are
 * drawn, with a random draw beside them as a check. Readers see the items in random order without
 * the reason they were drawn.
 *
 * A second round (--round 2) draws again after tuning on the first, leaving its items out and
 * adding them to the labelled neighbours; its random draw is a fresh estimate of the tuned tagger.
 *
 * The draw depends on the terms in force (round 1 was drawn with those of commit 26ed7e2, round 2
 * with those of 7eae8a2), so the committed files, not a rerun, fix the samples.
 *
 * npx tsx loaders/report-themes/item-sample.ts [--round 1|2] [--packets <dir>]
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { readCsv, writeCsvAtomic } from "../../lib/csv.ts";
import { projectRoot, sourcesDir } from "../../lib/paths.ts";
import { themeLabel } from "../../schema/report-themes.ts";
import { independentFiles, extension2Files, extensionFiles, resolvedThemeLabel, sampledReport } from "./evaluate-independent.ts";
import { type SampleCandidate, improvementItems, loadSampleCandidates, shuffle } from "./independent-sample.ts";
import { random } from "./sample.ts";
import { splitSections } from "./sections.ts";
import { themesIn } from "./tag.ts";
import { loadTaxonomy } from "./themes.ts";
import { readReportTexts } from "./text.ts";

const fixtures = path.join(projectRoot, "test", "fixtures", "report-themes");
/** Each round's files, key prefix and seed; a round's items are never drawn again. */
export const ITEM_ROUNDS = {
  1: { sample: path.join(fixtures, "items-sample.csv"), labels: path.join(fixtures, "items-labels.csv"), prefix: "i", seed: 1416 },
  2: { sample: path.join(fixtures, "items2-sample.csv"), labels: path.join(fixtures, "items2-labels.csv"), prefix: "j", seed: 1417 },
} as const;
export type ItemRound = keyof typeof ITEM_ROUNDS;
export const itemRound = z.coerce.number().pipe(z.union([z.literal(1), z.literal(2)]));
/** The resolved labels of a round: the themes each item raises ("none" when it raises none). */
export const itemLabelRow = z.object({
  key: z.string().regex(/^[ij]\d{3}$/),
  theme_ids: z.string().regex(/^(none|[a-z_]+(;[a-z_]+)*)$/),
  source: z.enum(["agreed", "adjudicated"]),
  note: z.string(),
});
export const itemSampleRow = z.object({ key: z.string().regex(/^[ij]\d{3}$/), reason: z.enum(["disagreement", "random"]), inspection_id: z.string(), authority: z.string(), framework: z.string(), year: z.string(), item: z.coerce.number().int().positive(), source_file: z.string().min(1), text: z.string().min(1) });
/** Items drawn where the second opinion and the terms disagree most, and at random. */
export const DISAGREEMENT_ITEMS = 170;
export const RANDOM_ITEMS = 70;
/** At most this many disagreement items from one report, so one long list does not fill the sample. */
const PER_REPORT = 3;
const NEIGHBOURS = 7;

export interface Item {
  inspection_id: string;
  source_file: string;
  item: number;
  text: string;
}

const STOP = new Set(
  "the and for that are with this from have has been their they them its into who which where when what will would should could such than then there these those also more most other some any all not only can may must being were was our your his her how why ensure including include includes within across through between about after before under over each both very well".split(" "),
);

/** Lower-case word stems (a plural or -ing/-ed ending cut) and adjacent pairs of them. */
export function features(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/[’']/g, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !STOP.has(w))
    .map((w) => w.replace(/(?:ies)$/, "y").replace(/(?:ing|ed|s)$/, ""));
  return [...words, ...words.slice(1).map((w, i) => `${words[i]}_${w}`)];
}

type Vector = Map<string, number>;

/** TF-IDF vectors, unit length, with the document frequencies of the training items. */
function vectoriser(training: string[][]): (f: string[]) => Vector {
  const df = new Map<string, number>();
  for (const doc of training) for (const f of new Set(doc)) df.set(f, (df.get(f) ?? 0) + 1);
  const n = training.length;
  return (doc) => {
    const v: Vector = new Map();
    for (const f of doc) if (df.has(f)) v.set(f, (v.get(f) ?? 0) + 1);
    let norm = 0;
    for (const [f, tf] of v) {
      const w = tf * Math.log(n / df.get(f)!);
      v.set(f, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [f, w] of v) v.set(f, w / norm);
    return v;
  };
}

const dot = (a: Vector, b: Vector) => {
  let s = 0;
  for (const [f, w] of a) s += w * (b.get(f) ?? 0);
  return s;
};

/** Per theme, the similarity-weighted share of an item's nearest labelled items that raise it. */
export function secondOpinion(labelled: { text: string; themes: Set<string> }[], themeIds: string[]): (text: string) => Map<string, number> {
  const docs = labelled.map((l) => features(l.text));
  const vec = vectoriser(docs);
  const vectors = docs.map(vec);
  return (text) => {
    const v = vec(features(text));
    const near = vectors
      .map((u, i) => ({ i, s: dot(v, u) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, NEIGHBOURS);
    const total = near.reduce((t, n) => t + n.s, 0) || 1;
    return new Map(themeIds.map((t) => [t, near.reduce((p, n) => p + (labelled[n.i]!.themes.has(t) ? n.s : 0), 0) / total]));
  };
}

async function itemsOf(reports: SampleCandidate[]): Promise<Item[]> {
  const texts = await readReportTexts(reports, { sourcesDir: sourcesDir() });
  return reports.flatMap((r, i) => {
    const t = texts[i]!;
    if (!t.ok) throw new Error(`${r.source_file}: ${t.reason}`);
    return improvementItems(splitSections(t.pages, { lscbOnly: false }))
      .flatMap((l) => l.items)
      .map((text, k) => ({ inspection_id: r.inspection_id, source_file: r.source_file, item: k + 1, text }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { packets: { type: "string" }, round: { type: "string", default: "1" } } });
  const round = itemRound.parse(values.round);
  const files = ITEM_ROUNDS[round];
  const earlier = ([1, 2] as ItemRound[]).filter((r) => r < round).map((r) => ITEM_ROUNDS[r]);
  const { themes, compiled } = loadTaxonomy();
  const themeIds = themes.map((t) => t.theme_id);
  const candidates = await loadSampleCandidates();
  const older = readCsv(path.join(fixtures, "labels.csv"), themeLabel).map((l) => l.source_file);
  const sets = [independentFiles, extensionFiles, extension2Files];
  const sampled = sets.flatMap((f) => readCsv(f.sample, sampledReport));
  const excluded = new Set([...older, ...sampled.map((s) => s.source_file)]);

  // The development reports' items, each with the themes the readers cited it for.
  const dev = sampled.filter((s) => s.half === "dev");
  const cited = new Map<string, Set<string>>();
  for (const f of sets)
    for (const l of readCsv(f.labels, resolvedThemeLabel))
      for (const n of l.items.split(";").filter(Boolean)) {
        const k = `${l.key}#${Number(n)}`;
        if (!cited.has(k)) cited.set(k, new Set());
        if (l.theme_id !== "none") cited.get(k)!.add(l.theme_id);
      }
  // A report can stand behind earlier inspections it states: take it once, as its own.
  const own = candidates.filter((c) => c.stated_in === null);
  const byFile = new Map(own.map((c) => [c.source_file, c]));
  const devItems = await itemsOf(dev.map((d) => byFile.get(d.source_file)!));
  const keyOf = new Map(dev.map((d) => [d.source_file, d.key]));
  const labelled = devItems.map((it) => ({ text: it.text, themes: cited.get(`${keyOf.get(it.source_file)}#${it.item}`) ?? new Set<string>() }));
  // Earlier rounds' items join the labelled neighbours and are not drawn again.
  const drawnBefore = new Set<string>();
  for (const r of earlier) {
    const themesOf = new Map(readCsv(r.labels, itemLabelRow).map((l) => [l.key, new Set(l.theme_ids === "none" ? [] : l.theme_ids.split(";"))]));
    for (const it of readCsv(r.sample, itemSampleRow)) {
      labelled.push({ text: it.text, themes: themesOf.get(it.key)! });
      drawnBefore.add(`${it.source_file}#${it.item}`);
    }
  }
  const opinion = secondOpinion(labelled, themeIds);

  const pool = await itemsOf(own.filter((c) => !excluded.has(c.source_file)));
  // A bare heading or lead-in asks for nothing (rule T7): too short to label.
  const usable = pool.filter((it) => it.text.split(/\s+/).length >= 5 && !drawnBefore.has(`${it.source_file}#${it.item}`));
  const scored = usable.map((it) => {
    const hits = new Set(themesIn(it.text, compiled).map((h) => h.theme));
    const p = opinion(it.text);
    // The strongest disagreement: the neighbours' share for a theme the terms miss, or against one they find.
    const gap = Math.max(...themeIds.map((t) => (hits.has(t) ? 1 - p.get(t)! : p.get(t)!)));
    return { it, gap };
  });
  scored.sort((a, b) => b.gap - a.gap || a.it.source_file.localeCompare(b.it.source_file) || a.it.item - b.it.item);
  const perReport = new Map<string, number>();
  const picked: { it: Item; reason: string }[] = [];
  for (const s of scored) {
    if (picked.length >= DISAGREEMENT_ITEMS) break;
    const n = perReport.get(s.it.source_file) ?? 0;
    if (n >= PER_REPORT) continue;
    perReport.set(s.it.source_file, n + 1);
    picked.push({ it: s.it, reason: "disagreement" });
  }
  const rand = random(files.seed);
  const taken = new Set(picked.map((p) => `${p.it.source_file}#${p.it.item}`));
  const rest = usable.filter((it) => !taken.has(`${it.source_file}#${it.item}`));
  for (let k = 0; k < RANDOM_ITEMS; k++) picked.push({ it: rest.splice(Math.floor(rand() * rest.length), 1)[0]!, reason: "random" });
  // Readers see the items in random order, keyed so the key says nothing of why an item was drawn.
  shuffle(picked, rand);
  const rows = picked.map((p, i) => {
    const c = byFile.get(p.it.source_file)!;
    return { key: `${files.prefix}${String(i + 1).padStart(3, "0")}`, reason: p.reason, inspection_id: c.inspection_id, authority: c.authority, framework: c.framework, year: c.start_date.slice(0, 4), item: p.it.item, source_file: c.source_file, text: p.it.text };
  });
  writeCsvAtomic(files.sample, rows as never, ["key", "reason", "inspection_id", "authority", "framework", "year", "item", "source_file", "text"]);
  if (values.packets) {
    fs.mkdirSync(values.packets, { recursive: true });
    writeCsvAtomic(path.join(values.packets, "items.csv"), rows.map(({ key, authority, framework, year, text }) => ({ key, authority, framework, year, text })), ["key", "authority", "framework", "year", "text"]);
  }
  console.log(`pool: ${usable.length} items from ${new Set(usable.map((u) => u.source_file)).size} reports; labelled neighbours: ${labelled.length}; drawn: ${rows.length}`);
}
