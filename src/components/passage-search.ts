import MiniSearch, {type Options} from "minisearch";

/**
 * The passage search, shared by the search page (src/search.md) and the command line
 * (loaders/report-search/search-cli.ts). A check on the text decides every match: the words as
 * typed (a phrase) or each word anywhere, and it gives the spans to highlight. MiniSearch narrows
 * the passages to check to those holding every indexed word; until its index is loaded, every
 * passage is checked (a scan of all passages takes tens of milliseconds, building the index seconds).
 * The index splits words exactly where the check does, so both find the same passages.
 * docs/report-search.md describes it.
 */
/** Words too common to index: a query of only these cannot use the index. They still count in a phrase. */
const STOP_WORDS = new Set(
  "a an and are as at be been by for from has have in is it of on or that the their this to was were which who with".split(" "),
);

/** How passages are indexed: the text field only, lower case, curly apostrophes straightened, common words and single letters left out. */
export const INDEX_OPTIONS: Options = {
  fields: ["text"],
  storeFields: [],
  // A word is a run of letters and digits, as in wordPattern below.
  tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u),
  processTerm: (term) => {
    const t = term.toLowerCase();
    return t.length < 2 || STOP_WORDS.has(t) ? null : t;
  },
};

/** Section names as the search shows them (schema/report-themes.ts sectionKind). */
export const SECTION_LABELS: Record<string, string> = {
  summary: "Summary",
  improve: "Areas for improvement",
  strengths: "Strengths",
  help_protection: "Help and protection",
  children_in_care: "Children in care",
  adoption: "Adoption",
  care_leavers: "Care leavers",
  leadership: "Leadership",
  lscb: "LSCB review",
  other: "Other findings",
  about: "About the area and inspection",
};

/** The reports the passages come from, as view search_reports gives them. */
export interface SearchReport {
  inspection_id: string;
  la_code: string;
  authority_name: string;
  region: string;
  framework: string;
  inspection_type: string;
  published_date: string;
  published_year: number;
  overall_grade: number | null;
  overall_label: string | null;
  report_url: string | null;
}

/** Every passage as parallel columns; `report` indexes `reports`, `themes` lists theme ids. */
export interface SearchCorpus {
  reports: SearchReport[];
  report: number[];
  section: string[];
  page: number[];
  text: string[];
  themes: string[][];
}

export function buildIndex(texts: string[]): MiniSearch {
  const index = new MiniSearch(INDEX_OPTIONS);
  index.addAll(texts.map((text, id) => ({id, text})));
  return index;
}

export function loadIndex(json: string): MiniSearch {
  return MiniSearch.loadJSON(json, INDEX_OPTIONS);
}

/**
 * The index built in the browser from the passages the page already holds, a chunk at a time so
 * that a search typed meanwhile is not held up. Building it here costs the reader a few seconds in
 * the background, after the first results; shipping it prebuilt cost every site build about 20 s
 * of CPU and the reader a 6 MB download, and took as long to load.
 */
export async function buildIndexAsync(texts: string[]): Promise<MiniSearch> {
  const index = new MiniSearch(INDEX_OPTIONS);
  await index.addAllAsync(texts.map((text, id) => ({id, text})), {chunkSize: 500});
  return index;
}

export interface SearchQuery {
  q: string;
  /** "phrase": the words together in this order; "all": every word anywhere in the passage. */
  mode?: "phrase" | "all";
  framework?: string | null;
  /** 1-4, or 0 for reports with no overall grade. */
  grade?: number | null;
  region?: string | null;
  year?: number | null;
  section?: string | null;
  theme?: string | null;
}

export interface Hit {
  passage: number;
}

export interface SearchResult {
  hits: Hit[];
  /** Set when the query cannot be answered (nothing to search for, only common words). */
  message?: string;
}

/** The query's words, as the index splits them, each marked when it ends in * (a prefix). */
export function queryWords(q: string): {word: string; prefix: boolean}[] {
  return [...q.normalize("NFC").matchAll(/[\p{L}\p{N}]+\*?/gu)].map((m) => ({word: m[0].replace(/\*$/, "").toLowerCase(), prefix: m[0].endsWith("*")}));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wordPattern = (w: {word: string; prefix: boolean}) => `(?<![\\p{L}\\p{N}])${escape(w.word)}${w.prefix ? "[\\p{L}\\p{N}]*" : ""}(?![\\p{L}\\p{N}])`;

/** Patterns that decide a match: one for a phrase (anything but letters and digits between the words), one per word otherwise. */
export function matchers(q: string, mode: "phrase" | "all" = "phrase"): RegExp[] {
  const words = queryWords(q);
  if (words.length === 0) return [];
  if (mode === "phrase") return [new RegExp(words.map(wordPattern).join("[^\\p{L}\\p{N}]+"), "iu")];
  return words.map((w) => new RegExp(wordPattern(w), "iu"));
}

/** [start, end) spans of a passage to highlight for a query; computed only for passages shown, not for every match. */
export function highlightRanges(text: string, q: string, mode: "phrase" | "all" = "phrase"): [number, number][] {
  const out: [number, number][] = [];
  for (const re of matchers(q, mode)) for (const m of text.matchAll(new RegExp(re.source, "giu"))) out.push([m.index, m.index + m[0].length]);
  return out.sort((a, b) => a[0] - b[0]);
}

/** Does a report pass the query's report filters? */
export function reportFilter(query: SearchQuery): (r: SearchReport) => boolean {
  return (r) =>
    (!query.framework || r.framework === query.framework) &&
    (query.grade == null || (r.overall_grade ?? 0) === query.grade) &&
    (!query.region || r.region === query.region) &&
    (query.year == null || r.published_year === query.year);
}

/**
 * Every passage matching the query and the filters, newest report first, then in reading order.
 * With no words but a theme, every passage of that theme (within the filters).
 */
export function searchPassages(index: MiniSearch | null, corpus: SearchCorpus, query: SearchQuery): SearchResult {
  const mode = query.mode ?? "phrase";
  const words = queryWords(query.q);
  const keepReport = corpus.reports.map(reportFilter(query));
  const keep = (i: number) => keepReport[corpus.report[i]!]! && (!query.section || corpus.section[i] === query.section) && (!query.theme || corpus.themes[i]!.includes(query.theme));
  let candidates: number[];
  if (words.length === 0) {
    if (!query.theme) return {hits: [], message: "Type a word or phrase to search for."};
    candidates = corpus.text.map((_, i) => i);
  } else {
    const indexed = words.filter((w) => INDEX_OPTIONS.processTerm!(w.word) != null);
    if (indexed.length === 0) return {hits: [], message: "Every word typed is too common to search for on its own; add a less common word."};
    const prefixes = new Set(indexed.filter((w) => w.prefix).map((w) => w.word));
    candidates = index
      ? index.search(indexed.map((w) => w.word).join(" "), {combineWith: "AND", prefix: (term) => prefixes.has(term)}).map((r) => r.id as number)
      : corpus.text.map((_, i) => i);
  }
  const patterns = matchers(query.q, mode);
  const hits: Hit[] = [];
  for (const i of candidates) {
    if (keep(i) && patterns.every((re) => re.test(corpus.text[i]!))) hits.push({passage: i});
  }
  const date = (h: Hit) => corpus.reports[corpus.report[h.passage]!]!.published_date;
  hits.sort((a, b) => (date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : a.passage - b.passage));
  return {hits};
}

/** Text cut into plain and highlighted parts. */
export function highlightParts(text: string, ranges: [number, number][]): {text: string; mark: boolean}[] {
  const parts: {text: string; mark: boolean}[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    if (s > at) parts.push({text: text.slice(at, s), mark: false});
    parts.push({text: text.slice(s, e), mark: true});
    at = e;
  }
  if (at < text.length) parts.push({text: text.slice(at), mark: false});
  return parts;
}

/** Link to the passage's page of the published PDF (PDF viewers honour #page=N), or null when the report has no link. */
export function pdfPageLink(report: SearchReport, page: number): string | null {
  return report.report_url ? `${report.report_url}#page=${page}` : null;
}

/** Passages and distinct reports per value of a key (year, grade), in key order. */
export function countBy<K extends string | number>(hits: Hit[], corpus: SearchCorpus, key: (r: SearchReport) => K): {key: K; passages: number; reports: number}[] {
  const by = new Map<K, {passages: number; reports: Set<number>}>();
  for (const h of hits) {
    const ri = corpus.report[h.passage]!;
    const k = key(corpus.reports[ri]!);
    const c = by.get(k) ?? {passages: 0, reports: new Set<number>()};
    c.passages++;
    c.reports.add(ri);
    by.set(k, c);
  }
  return [...by.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, c]) => ({key: k, passages: c.passages, reports: c.reports.size}));
}

/** One row per hit, for the CSV download and the command line. */
export function hitRows(hits: Hit[], corpus: SearchCorpus) {
  return hits.map((h) => {
    const r = corpus.reports[corpus.report[h.passage]!]!;
    const page = corpus.page[h.passage]!;
    return {
      inspection_id: r.inspection_id,
      authority: r.authority_name,
      region: r.region,
      framework: r.framework,
      published_date: r.published_date,
      overall_grade: r.overall_grade ?? "",
      overall_label: r.overall_label ?? "",
      section: corpus.section[h.passage]!,
      page,
      pdf_page: pdfPageLink(r, page) ?? "",
      passage: corpus.text[h.passage]!,
    };
  });
}
