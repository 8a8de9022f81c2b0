/**
 * The independent validation sample (docs/report-themes.md, "Independent labels"): 64 reports drawn
 * at random from strata of framework and overall grade, spread over the years by systematic sampling
 * on inspection date, split into a development and a test half before any tuning; and 100 passages
 * from outside the lists for polarity. Writes the sample to test/fixtures/report-themes/ and, with
 * --packets <dir>, the readers' packets (the areas-for-improvement items of each report, numbered).
 *
 * npx tsx loaders/report-themes/independent-sample.ts [--extension | --extension2] [--packets <dir>]
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { readCsv, writeCsvAtomic } from "../../lib/csv.ts";
import { projectRoot, sourcesDir } from "../../lib/paths.ts";
import { themeLabel } from "../../schema/report-themes.ts";
import { buildWarehouse } from "../../warehouse/build.ts";
import { random } from "./sample.ts";
import { type Passage, type Section, splitSections } from "./sections.ts";
import { readReportTexts } from "./text.ts";

export const INDEPENDENT_SEED = 14;
const fixtures = path.join(projectRoot, "test", "fixtures", "report-themes");
export const independentSampleFile = path.join(fixtures, "independent-sample.csv");
export const polaritySampleFile = path.join(fixtures, "polarity-sample.csv");
/** A second development sample (more labels to tune on; the test half stays untouched): reports and passages not drawn before. */
export const extensionSampleFile = path.join(fixtures, "extension-sample.csv");
export const extensionPolarityFile = path.join(fixtures, "extension-polarity-sample.csv");
export const EXTENSION_SEED = 1414;
/** A third development sample (theme labels only; polarity already met its target): reports not drawn before. */
export const extension2SampleFile = path.join(fixtures, "extension2-sample.csv");
export const EXTENSION2_SEED = 1415;
export const EXTENSION2_QUOTAS: Record<string, number> = {
  "ILACS 1": 3,
  "ILACS 2": 5,
  "ILACS 3": 5,
  "ILACS 4": 4,
  "ILACS_2026 none": 2,
  "SIF 2": 3,
  "SIF 3": 3,
  "SIF 4": 3,
};
export const EXTENSION_QUOTAS: Record<string, number> = {
  "ILACS 1": 5,
  "ILACS 2": 8,
  "ILACS 3": 8,
  "ILACS 4": 6,
  "ILACS_2026 none": 3,
  "SIF 2": 6,
  "SIF 3": 6,
  "SIF 4": 6,
};

/** Reports wanted per stratum ("<framework> <overall grade>"): 64, outstanding and inadequate over-represented. */
export const INDEPENDENT_QUOTAS: Record<string, number> = {
  "ILACS 1": 7,
  "ILACS 2": 10,
  "ILACS 3": 9,
  "ILACS 4": 7,
  "ILACS_2026 none": 4,
  "SIF 1": 1,
  "SIF 2": 8,
  "SIF 3": 8,
  "SIF 4": 8,
  "LAC 4": 2,
};

export interface SampleCandidate {
  inspection_id: string;
  source_file: string;
  source_sha256: string | null;
  framework: string;
  inspection_type: string;
  start_date: string;
  overall_grade: number | null;
  authority: string;
  region: string;
  /** The report that states this inspection, for an earlier inspection known only from a later report (null for a report's own). */
  stated_in: string | null;
}

export interface SampledReport extends SampleCandidate {
  key: string;
  stratum: string;
  half: "dev" | "test";
}

const strat = (c: SampleCandidate) => `${c.framework} ${c.overall_grade ?? "none"}`;

/**
 * Within each stratum, sorted by start date (then source file), a systematic sample with a random
 * start: every (N/n)th report, so the years are spread. The 64 are then listed stratum by stratum in
 * date order and given to the development and test halves alternately, so each half has about half
 * of every stratum and of every period.
 */
export function drawIndependent(candidates: SampleCandidate[], exclude: Set<string>, seed = INDEPENDENT_SEED, quotas = INDEPENDENT_QUOTAS): SampledReport[] {
  const rand = random(seed);
  const out: SampledReport[] = [];
  for (const [key, n] of Object.entries(quotas)) {
    const pool = candidates
      .filter((c) => strat(c) === key && !exclude.has(c.source_file))
      .sort((a, b) => a.start_date.localeCompare(b.start_date) || a.source_file.localeCompare(b.source_file));
    if (pool.length < n) throw new Error(`stratum ${key}: ${pool.length} candidates, ${n} wanted`);
    const step = pool.length / n;
    const start = rand() * step;
    for (let k = 0; k < n; k++) out.push({ ...pool[Math.floor(start + k * step)]!, key: "", stratum: key, half: "dev" });
  }
  out.forEach((r, i) => {
    r.half = i % 2 === 0 ? "dev" : "test";
    r.key = `r${String(i + 1).padStart(2, "0")}`;
  });
  return out;
}

export async function loadSampleCandidates(): Promise<SampleCandidate[]> {
  const wh = await buildWarehouse({});
  try {
    return await wh.query<SampleCandidate>(`
      SELECT g.inspection_id, g.source_file, i.source_sha256, g.framework, g.inspection_type, CAST(g.start_date AS VARCHAR) AS start_date,
             g.overall_grade, a.name AS authority, a.ofsted_region AS region, i.stated_in
      FROM graded_inspections g JOIN inspections i USING (inspection_id) JOIN authorities a ON a.la_code = g.la_code
      WHERE g.framework <> 'SIF_LSCB' ORDER BY g.source_file`);
  } finally {
    wh.close();
  }
}

/** The sentences of each areas-for-improvement item of one section, in order (the packets' numbering runs on across sections). */
export function itemPassages(section: Section): Passage[][] {
  const items = new Map<number, Passage[]>();
  for (const p of section.passages) items.set(p.item ?? 0, [...(items.get(p.item ?? 0) ?? []), p]);
  return [...items.values()];
}

/** The areas-for-improvement items of a report, numbered across its improve sections, sentences joined back. */
export function improvementItems(sections: Section[]): { heading: string; items: string[] }[] {
  return sections
    .filter((s) => s.kind === "improve")
    .map((s) => ({ heading: s.heading, items: itemPassages(s).map((ps) => ps.map((p) => p.text).join(" ")) }));
}

/** Sections whose passages speak for themselves (no list gives them a polarity). */
const polarityPool = (sections: Section[]) => sections.filter((s) => s.prior === null).flatMap((s) => s.passages.filter((p) => p.text.split(/\s+/).length >= 8).map((p) => ({ section: s.kind, ...p })));

/** Fisher-Yates in place with the given generator. */
export function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const sampledRow = z.object({ key: z.string(), half: z.enum(["dev", "test"]), inspection_id: z.string(), source_file: z.string() });
const polarityRow = z.object({ passage_id: z.string(), inspection_id: z.string() });

const GRADE_NAME = ["", "outstanding", "good", "requires improvement (adequate in LAC)", "inadequate"];

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { packets: { type: "string" }, extension: { type: "boolean", default: false }, extension2: { type: "boolean", default: false } } });
  const second = values.extension2!;
  const extension = values.extension! || second;
  const older = new Set(readCsv(path.join(fixtures, "labels.csv"), themeLabel).map((l) => l.source_file));
  const candidates = await loadSampleCandidates();
  let sample: SampledReport[];
  let polarityPick: SampleCandidate[];
  let rand: () => number;
  if (second) {
    const drawn = [...readCsv(independentSampleFile, sampledRow), ...readCsv(extensionSampleFile, sampledRow)].map((r) => r.source_file);
    sample = drawIndependent(candidates, new Set([...older, ...drawn]), EXTENSION2_SEED, EXTENSION2_QUOTAS).map((r, i) => ({ ...r, half: "dev", key: `f${String(i + 1).padStart(2, "0")}` }));
    rand = random(EXTENSION2_SEED * 1000 + 1);
    polarityPick = [];
  } else if (extension) {
    // Every report and passage drawn before is left out; all of it is development data.
    const first = readCsv(independentSampleFile, sampledRow);
    const firstPolarity = new Set(readCsv(polaritySampleFile, polarityRow).map((p) => p.inspection_id));
    sample = drawIndependent(candidates, new Set([...older, ...first.map((r) => r.source_file)]), EXTENSION_SEED, EXTENSION_QUOTAS).map((r, i) => ({ ...r, half: "dev", key: `e${String(i + 1).padStart(2, "0")}` }));
    rand = random(EXTENSION_SEED * 1000 + 1);
    polarityPick = shuffle(candidates.filter((c) => !firstPolarity.has(c.inspection_id)), rand).slice(0, 100);
  } else {
    sample = drawIndependent(candidates, older);
    // Polarity: 100 reports at random (any graded report), one passage at random from each.
    rand = random(INDEPENDENT_SEED * 1000 + 1);
    polarityPick = shuffle([...candidates], rand).slice(0, 100);
  }
  const sampleCols = ["key", "half", "stratum", "inspection_id", "authority", "region", "framework", "inspection_type", "start_date", "overall_grade", "source_file"];
  writeCsvAtomic(second ? extension2SampleFile : extension ? extensionSampleFile : independentSampleFile, sample.map((s) => ({ ...s, overall_grade: s.overall_grade ?? "" })) as never, sampleCols);

  const wanted = new Set([...sample.map((s) => s.inspection_id), ...polarityPick.map((c) => c.inspection_id)]);
  const texts = await readReportTexts(candidates.filter((c) => wanted.has(c.inspection_id)), { sourcesDir: sourcesDir() });
  const byId = new Map(candidates.filter((c) => wanted.has(c.inspection_id)).map((c, i) => [c.inspection_id, texts[i]!]));
  const sectionsOf = (c: SampleCandidate) => {
    const t = byId.get(c.inspection_id)!;
    if (!t.ok) throw new Error(`${c.source_file}: ${t.reason}`);
    return splitSections(t.pages, { lscbOnly: c.framework === "SIF_LSCB" });
  };
  const polarityRows = polarityPick.map((c, i) => {
    const pool = polarityPool(sectionsOf(c));
    const p = pool[Math.floor(rand() * pool.length)]!;
    const id = `${extension ? "q" : "p"}${String(i + 1).padStart(3, "0")}`;
    return { passage_id: id, half: extension || i % 2 === 0 ? "dev" : "test", inspection_id: c.inspection_id, section: p.section, page: p.page, text: p.text };
  });
  if (!second) writeCsvAtomic(extension ? extensionPolarityFile : polaritySampleFile, polarityRows, ["passage_id", "half", "inspection_id", "section", "page", "text"]);

  if (values.packets) {
    const dir = path.join(values.packets, "packets");
    fs.mkdirSync(dir, { recursive: true });
    for (const s of sample) {
      const lists = improvementItems(sectionsOf(s));
      let n = 0;
      const body = lists.length === 0
        ? ["(No areas-for-improvement list was found in this report.)"]
        : lists.flatMap((l) => [`Heading in the report: "${l.heading}"`, "", ...l.items.map((t) => `${++n}. ${t}`), ""]);
      const head = [`# ${s.key}`, "", `- Authority: ${s.authority}`, `- Framework: ${s.framework}${s.inspection_type === "re-inspection" ? " (re-inspection)" : ""}`, `- Inspection started: ${s.start_date} (year ${s.start_date.slice(0, 4)})`, `- Overall grade: ${s.overall_grade === null ? "none (framework gives no overall grade)" : GRADE_NAME[s.overall_grade]}`, "", "## Areas for improvement", ""];
      fs.writeFileSync(path.join(dir, `${s.key}.md`), `${[...head, ...body].join("\n").trimEnd()}\n`);
    }
    if (!second) writeCsvAtomic(path.join(values.packets, "polarity.csv"), polarityRows.map(({ passage_id, section, text }) => ({ passage_id, section, text })), ["passage_id", "section", "text"]);
  }
  console.log(`sample: ${sample.length} reports (${sample.filter((s) => s.half === "dev").length} dev, ${sample.filter((s) => s.half === "test").length} test); polarity: ${polarityRows.length} passages`);
}
