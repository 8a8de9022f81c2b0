import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type MiniSearch from "minisearch";
import { dataDir, projectRoot } from "../../lib/paths.ts";
import { buildIndex, INDEX_OPTIONS, loadIndex, type SearchCorpus, type SearchReport } from "../../src/components/passage-search.ts";
import { buildWarehouse } from "../../warehouse/build.ts";
import { openWarehouse } from "../../warehouse/cached.ts";
import { loadTaxonomy } from "../report-themes/themes.ts";
import { themesIn } from "../report-themes/tag.ts";
import { PASSAGES_FILE, readPassages } from "./passages.ts";

export const SEARCH_REPORTS_SQL = `
  SELECT inspection_id, la_code, authority_name, region, framework, inspection_type, CAST(published_date AS VARCHAR) AS published_date,
         published_year, overall_grade, overall_label, report_url
  FROM search_reports ORDER BY inspection_id`;

export async function loadSearchReports(dir = dataDir): Promise<SearchReport[]> {
  const wh = dir === dataDir ? await openWarehouse() : await buildWarehouse({ dataDir: dir });
  try {
    return (await wh.query<SearchReport>(SEARCH_REPORTS_SQL)).map((r) => ({ ...r, published_year: Number(r.published_year), overall_grade: r.overall_grade === null ? null : Number(r.overall_grade) }));
  } finally {
    wh.close();
  }
}

/**
 * The passages of data/report-passages.csv.gz as parallel columns, each with the themes the tagger
 * finds in it (current taxonomy). A passage whose report the warehouse does not know stops the
 * build with its id: the two files are out of step.
 */
export function searchCorpus(reports: SearchReport[], file = path.join(dataDir, PASSAGES_FILE), options: { themes?: boolean } = {}): SearchCorpus {
  const { compiled } = loadTaxonomy();
  const tag = options.themes ?? true;
  const at = new Map(reports.map((r, i) => [r.inspection_id, i]));
  const corpus: SearchCorpus = { reports, report: [], section: [], page: [], text: [], themes: [] };
  for (const p of readPassages(file)) {
    const ri = at.get(p.inspection_id);
    if (ri === undefined) throw new Error(`${file}: passage of ${p.inspection_id}, which is not in data/inspections.csv: re-run npx tsx loaders/report-search/cli.ts`);
    corpus.report.push(ri);
    corpus.section.push(p.section);
    corpus.page.push(p.page);
    corpus.text.push(p.text);
    corpus.themes.push(tag ? themesIn(p.text, compiled).map((t) => t.theme) : []);
  }
  return corpus;
}

/** The index for the command line: built once per version of the passages file and of the indexing rules, and kept in .cache/. */
export function cachedIndex(corpus: SearchCorpus, file = path.join(dataDir, PASSAGES_FILE)): MiniSearch {
  const rules = `${INDEX_OPTIONS.tokenize}\n${INDEX_OPTIONS.processTerm}`;
  const hash = crypto.createHash("sha256").update(fs.readFileSync(file)).update(rules).digest("hex").slice(0, 16);
  const cache = path.join(projectRoot, ".cache", `search-index-${hash}.json.gz`);
  if (fs.existsSync(cache)) return loadIndex(zlib.gunzipSync(fs.readFileSync(cache)).toString("utf8"));
  const index = buildIndex(corpus.text);
  fs.mkdirSync(path.dirname(cache), { recursive: true });
  const tmp = `${cache}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, zlib.gzipSync(JSON.stringify(index)));
  fs.renameSync(tmp, cache);
  return index;
}
