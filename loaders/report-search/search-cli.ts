/**
 * Search every passage of every report from the command line:
 *   npm run search -- "edge of care" --framework ILACS --grade inadequate [--region London] [--year 2024]
 *     [--section improve] [--theme caseloads_drift] [--all-words] [--csv] [--limit 20]
 * The same search as the page /search (src/components/passage-search.ts). The first run builds the
 * index and keeps it in .cache/ (about 15 seconds); later runs load it.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { toCsvText } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { countBy, highlightRanges, hitRows, searchPassages, type SearchQuery } from "../../src/components/passage-search.ts";
import { sectionKind } from "../../schema/report-themes.ts";
import { cachedIndex, loadSearchReports, searchCorpus } from "./corpus.ts";

const GRADES: Record<string, number> = { outstanding: 1, good: 2, "requires improvement": 3, ri: 3, adequate: 3, inadequate: 4, none: 0 };
const GRADE_NAMES = ["no overall grade", "outstanding", "good", "requires improvement / adequate", "inadequate"];

const usage = `usage: npm run search -- "<words or phrase>" [--framework SIF|ILACS|ILACS_2026|LAC|SIF_LSCB] [--grade outstanding|good|"requires improvement"|inadequate|none]
  [--region <Ofsted region>] [--year <published year>] [--section ${sectionKind.options.join("|")}] [--theme <theme_id>]
  [--all-words] [--csv] [--limit <n passages printed, default 20>] [--data <dir>]`;

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    framework: { type: "string" },
    grade: { type: "string" },
    region: { type: "string" },
    year: { type: "string" },
    section: { type: "string" },
    theme: { type: "string" },
    "all-words": { type: "boolean", default: false },
    csv: { type: "boolean", default: false },
    limit: { type: "string", default: "20" },
    data: { type: "string" },
  },
});
const q = positionals.join(" ").trim();
if (!q && !values.theme) fail("nothing to search for");
const grade = values.grade === undefined ? null : (GRADES[values.grade.toLowerCase()] ?? (/^[1-4]$/.test(values.grade) ? Number(values.grade) : fail(`unknown grade ${JSON.stringify(values.grade)}`)));
if (values.section && !sectionKind.options.includes(values.section as never)) fail(`unknown section ${JSON.stringify(values.section)}`);
const year = values.year === undefined ? null : Number(values.year);
if (year !== null && !Number.isInteger(year)) fail(`--year takes a year, not ${JSON.stringify(values.year)}`);
const limit = Number(values.limit);

const dir = path.resolve(values.data ?? dataDir);
const reports = await loadSearchReports(dir);
const corpus = searchCorpus(reports, path.join(dir, "report-passages.csv.gz"), { themes: values.theme !== undefined });
const frameworks = new Set(reports.map((r) => r.framework));
if (values.framework && !frameworks.has(values.framework)) fail(`unknown framework ${JSON.stringify(values.framework)} (known: ${[...frameworks].sort().join(", ")})`);
const regions = new Set(reports.map((r) => r.region));
if (values.region && !regions.has(values.region)) fail(`unknown region ${JSON.stringify(values.region)} (known: ${[...regions].sort().join(", ")})`);
const index = q ? cachedIndex(corpus, path.join(dir, "report-passages.csv.gz")) : null;

const query: SearchQuery = { q, mode: values["all-words"] ? "all" : "phrase", framework: values.framework ?? null, grade, region: values.region ?? null, year, section: values.section ?? null, theme: values.theme ?? null };
const t0 = performance.now();
const result = searchPassages(index, corpus, query);
const ms = performance.now() - t0;
if (result.message) fail(result.message);
const rows = hitRows(result.hits, corpus);
if (values.csv) {
  process.stdout.write(toCsvText(rows, Object.keys(rows[0] ?? { passage: "" })));
} else {
  const nReports = new Set(result.hits.map((h) => corpus.report[h.passage])).size;
  console.log(`${rows.length} passages in ${nReports} reports (searched in ${Math.round(ms)} ms)`);
  console.log(`by year:  ${countBy(result.hits, corpus, (r) => r.published_year).map((c) => `${c.key} ${c.passages}`).join(", ")}`);
  console.log(`by grade: ${countBy(result.hits, corpus, (r) => r.overall_grade ?? 0).map((c) => `${GRADE_NAMES[c.key]} ${c.passages}`).join(", ")}`);
  const bold = process.stdout.isTTY ? (s: string) => `\x1b[1m${s}\x1b[0m` : (s: string) => `[${s}]`;
  result.hits.slice(0, limit).forEach((h, i) => {
    const r = rows[i]!;
    let text = "";
    let at = 0;
    for (const [s, e] of highlightRanges(r.passage, q, query.mode)) {
      if (s < at) continue;
      text += r.passage.slice(at, s) + bold(r.passage.slice(s, e));
      at = e;
    }
    text += r.passage.slice(at);
    console.log(`\n${r.authority}, ${r.framework} ${r.published_date}, ${r.overall_label || "no overall grade"}: ${r.section}, p${r.page}${r.pdf_page ? ` ${r.pdf_page}` : ""}\n  ${text}`);
  });
  if (rows.length > limit) console.log(`\n… ${rows.length - limit} more (--limit, or --csv for all)`);
}
