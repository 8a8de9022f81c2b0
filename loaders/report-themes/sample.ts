/**
 * The validation sample (docs/report-themes.md): reports drawn at random, with a fixed seed, from
 * strata of framework and overall grade. npx tsx loaders/report-themes/sample.ts [--data <dir>]
 */
import { parseArgs } from "node:util";
import { referenceDir } from "../../lib/paths.ts";
import { buildWarehouse } from "../../warehouse/build.ts";

export const SAMPLE_SEED = 8;

/** Reports wanted per stratum ("<framework> <overall grade>"); SIF re-inspections are SIF reports. */
export const QUOTAS: Record<string, number> = {
  "ILACS 1": 3,
  "ILACS 2": 3,
  "ILACS 3": 3,
  "ILACS 4": 3,
  "ILACS_2026 none": 1,
  "SIF 1": 1,
  "SIF 2": 3,
  "SIF 3": 3,
  "SIF 4": 3,
  "LAC 3": 1,
};

export interface Candidate {
  inspection_id: string;
  source_file: string;
  framework: string;
  overall_grade: number | null;
}

/** mulberry32: a small, well-known seeded generator, so the draw is the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function stratum(c: Candidate): string {
  return `${c.framework} ${c.overall_grade ?? "none"}`;
}

/** Each stratum sorted by source file, shuffled (Fisher-Yates) with its own stream, first n kept. */
export function drawSample(candidates: Candidate[], seed = SAMPLE_SEED, quotas = QUOTAS): Candidate[] {
  const out: Candidate[] = [];
  for (const [key, n] of Object.entries(quotas)) {
    const pool = candidates.filter((c) => stratum(c) === key).sort((a, b) => a.source_file.localeCompare(b.source_file));
    const rand = random(seed + [...key].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 0));
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    out.push(...pool.slice(0, n));
  }
  return out;
}

/** Graded reports with an overall grade (none from April 2026), LSCB-only reviews left out: they have no local authority areas for improvement. */
export async function loadCandidates(dataDir?: string): Promise<Candidate[]> {
  const wh = await buildWarehouse(dataDir ? { dataDir, referenceDir } : {});
  try {
    return await wh.query<Candidate>(
      `SELECT inspection_id, source_file, framework, overall_grade FROM graded_inspections WHERE framework <> 'SIF_LSCB' ORDER BY source_file`,
    );
  } finally {
    wh.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { data: { type: "string" } } });
  const sample = drawSample(await loadCandidates(values.data));
  for (const c of sample) console.log(`${stratum(c).padEnd(16)} ${c.inspection_id.padEnd(28)} ${c.source_file}`);
}
