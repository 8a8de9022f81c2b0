import { execFileSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsvText, readCsv } from "../lib/csv.ts";
import { dataDir, projectRoot } from "../lib/paths.ts";
import { inspection } from "../schema/canonical.ts";
import { PASSAGES_FILE, readPassages, reportPassages } from "../loaders/report-search/passages.ts";
import { loadSearchReports, searchCorpus } from "../loaders/report-search/corpus.ts";
import { splitSections } from "../loaders/report-themes/sections.ts";
import { readReportTexts } from "../loaders/report-themes/text.ts";
import { buildIndex, highlightRanges, hitRows, matchers, pdfPageLink, searchPassages, type SearchCorpus } from "../src/components/passage-search.ts";
import type MiniSearch from "minisearch";
import { corpusDir, describeWithCorpus } from "./support/sources.ts";

const passagesFile = path.join(dataDir, PASSAGES_FILE);

describe("passage search over the committed passages (data/report-passages.csv.gz)", () => {
  let corpus: SearchCorpus;
  let index: MiniSearch;
  let sub: number[];
  beforeAll(async () => {
    // One report in five (every fifth inspection id), so the index builds in seconds.
    const all = searchCorpus(await loadSearchReports());
    const keep = new Set(all.reports.filter((_, i) => i % 5 === 0).map((r) => r.inspection_id));
    sub = all.text.map((_, i) => i).filter((i) => keep.has(all.reports[all.report[i]!]!.inspection_id));
    corpus = { reports: all.reports, report: sub.map((i) => all.report[i]!), section: sub.map((i) => all.section[i]!), page: sub.map((i) => all.page[i]!), text: sub.map((i) => all.text[i]!), themes: sub.map((i) => all.themes[i]!) };
    index = buildIndex(corpus.text);
  }, 120_000);

  // The index must give exactly the passages a plain scan of the text finds.
  const scan = (re: RegExp, keep: (i: number) => boolean = () => true) => corpus.text.map((t, i) => i).filter((i) => re.test(corpus.text[i]!) && keep(i));
  it.each([
    ["edge of care", /\bedge\W+of\W+care\b/i],
    ["MASH", /\bmash\b/i],
    ["Signs of Safety", /\bsigns\W+of\W+safety\b/i],
    ["private fostering", /\bprivate\W+fostering\b/i],
    ["children's services", /\bchildren['’]s\W+services\b/i],
    ["corporate parenting", /\bcorporate\W+parenting\b/i],
  ])("finds every passage holding %s, and only those", (q, re) => {
    const { hits, message } = searchPassages(index, corpus, { q });
    expect(message).toBeUndefined();
    const expected = scan(re);
    expect(expected.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.passage).sort((a, b) => a - b)).toEqual(expected);
    for (const h of hits.slice(0, 50)) {
      const ranges = highlightRanges(corpus.text[h.passage]!, q);
      expect(ranges.length).toBeGreaterThan(0);
      for (const [s, e] of ranges) expect(corpus.text[h.passage]!.slice(s, e)).toMatch(re);
    }
  });

  it("gives the same passages before its index is loaded (a scan) as with it, for phrases, all words, prefixes and words beside symbols", () => {
    const queries = [
      { q: "edge of care" },
      { q: "MASH" },
      { q: "care edge", mode: "all" as const },
      { q: "foster*" },
      { q: "social workers", framework: "ILACS", grade: 4 },
      { q: "2019" },
      { q: "child's" },
    ];
    // Words glued to symbols and digits, which a splitter on spaces and punctuation alone would keep whole.
    const glued = corpus.text.map((t, i) => i).filter((i) => /[\p{L}\p{N}][+=|£$%<>~^]|[+=|£$%<>~^][\p{L}\p{N}]/u.test(corpus.text[i]!));
    expect(glued.length).toBeGreaterThan(0);
    const word = corpus.text[glued[0]!]!.match(/([\p{L}]{4,})[+=|£$%<>~^]|[+=|£$%<>~^]([\p{L}]{4,})/u);
    if (word) queries.push({ q: word[1] ?? word[2]! });
    for (const query of queries) {
      const withIndex = searchPassages(index, corpus, query).hits.map((h) => h.passage);
      const scanned = searchPassages(null, corpus, query).hits.map((h) => h.passage);
      expect(scanned.length, query.q).toBeGreaterThan(0);
      expect(withIndex, query.q).toEqual(scanned);
    }
  });

  it("filters by framework, grade, region, year and section as the report metadata says", () => {
    const { hits } = searchPassages(index, corpus, { q: "social workers", framework: "ILACS", grade: 4 });
    const expected = scan(/\bsocial\W+workers\b/i, (i) => corpus.reports[corpus.report[i]!]!.framework === "ILACS" && corpus.reports[corpus.report[i]!]!.overall_grade === 4);
    expect(expected.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.passage).sort((a, b) => a - b)).toEqual(expected);
    const improve = searchPassages(index, corpus, { q: "social workers", section: "improve", region: "London" }).hits;
    expect(improve.length).toBeGreaterThan(0);
    for (const h of improve) {
      expect(corpus.section[h.passage]).toBe("improve");
      expect(corpus.reports[corpus.report[h.passage]!]!.region).toBe("London");
    }
    const y2016 = searchPassages(index, corpus, { q: "social workers", year: 2016 }).hits;
    expect(new Set(y2016.map((h) => corpus.reports[corpus.report[h.passage]!]!.published_year))).toEqual(new Set([2016]));
  });

  it("a phrase needs its words in order; 'all words' finds them anywhere; * matches any ending", () => {
    const phrase = searchPassages(index, corpus, { q: "care edge" }).hits;
    const all = searchPassages(index, corpus, { q: "care edge", mode: "all" }).hits;
    expect(all.length).toBeGreaterThan(phrase.length);
    for (const h of all) expect(corpus.text[h.passage]).toMatch(/\bedge\b/i);
    const prefix = searchPassages(index, corpus, { q: "foster*" }).hits;
    const words = new Set(prefix.flatMap((h) => highlightRanges(corpus.text[h.passage]!, "foster*").map(([s, e]) => corpus.text[h.passage]!.slice(s, e).toLowerCase())));
    expect(words).toContain("foster");
    expect(words).toContain("fostering");
    expect(prefix.map((h) => h.passage).sort((a, b) => a - b)).toEqual(scan(/\bfoster\w*/i));
  });

  it("says why a query of only common words cannot be answered", () => {
    expect(searchPassages(index, corpus, { q: "of the" }).message).toMatch(/too common/);
    expect(searchPassages(index, corpus, { q: "  " }).message).toMatch(/Type a word/);
    expect(matchers("edge-of-care")[0]!.test("support on the edge of care")).toBe(true);
  });

  it("with a theme and no words, lists the passages the tagger gives that theme", () => {
    const { hits } = searchPassages(index, corpus, { q: "", theme: "camhs", section: "improve" });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(corpus.themes[h.passage]).toContain("camhs");
    expect(hits.some((h) => /mental health|camhs/i.test(corpus.text[h.passage]!))).toBe(true);
  });

  it("rows carry the report and a link to the PDF page", () => {
    const { hits } = searchPassages(index, corpus, { q: "edge of care" });
    const rows = hitRows(hits, corpus);
    for (const r of rows) {
      const insp = corpus.reports.find((x) => x.inspection_id === r.inspection_id)!;
      expect(r.pdf_page).toBe(insp.report_url ? `${insp.report_url}#page=${r.page}` : "");
    }
    expect(rows.map((r) => r.published_date)).toEqual([...rows.map((r) => r.published_date)].sort().reverse());
    expect(pdfPageLink({ ...corpus.reports[0]!, report_url: null }, 3)).toBeNull();
  });
});

describeWithCorpus("passages from the published reports", () => {
  const inspections = readCsv(path.join(dataDir, "inspections.csv"), inspection);
  const committed = readPassages(passagesFile);

  it("the committed file holds each report's passages as the loader makes them from the report text", async () => {
    // Essex 2019 (ILACS, one-item list), Durham 2016 (SIF, with the area's social work model), Norfolk 2013 (LAC).
    const ids = ["881-ilacs-2019-01-07", "211-sif-2017-04-07", "926-lac-2013-08-16"];
    const chosen = inspections.filter((i) => ids.includes(i.inspection_id));
    const texts = await readReportTexts(chosen, { sourcesDir: corpusDir });
    chosen.forEach((insp, k) => {
      const t = texts[k]!;
      if (!t.ok) throw new Error(t.reason);
      const made = reportPassages(insp.inspection_id, splitSections(t.pages, { lscbOnly: false, about: true }));
      expect(committed.filter((p) => p.inspection_id === insp.inspection_id)).toEqual(made);
    });
    const essex = committed.filter((p) => p.inspection_id === "881-ilacs-2019-01-07");
    expect(essex.filter((p) => p.section === "improve").map((p) => p.text)).toEqual(["Consistency in planning for disabled children and care leavers."]);
    // The area information is searchable: it names the authority's social work model.
    expect(committed.some((p) => p.inspection_id === "211-sif-2017-04-07" && p.section === "about" && /Signs of Safety/.test(p.text))).toBe(true);
    // Ofsted's standard back-page wording is not.
    expect(committed.some((p) => /Ofsted produces this report/i.test(p.text))).toBe(false);
  });

  it("every ingested report has passages, and the text of nearly every phrase occurrence is kept", async () => {
    const withPassages = new Set(committed.map((p) => p.inspection_id));
    expect(inspections.filter((i) => !withPassages.has(i.inspection_id)).map((i) => i.inspection_id)).toEqual([]);
    // Occurrences of four phrases in the whole extracted text against those in the passages: only
    // footnotes, contents lines and standard wording may be lost.
    const texts = await readReportTexts(inspections, { sourcesDir: corpusDir });
    for (const re of [/edge\W+of\W+care/gi, /signs\W+of\W+safety/gi, /private\W+fostering/gi, /\bmash\b/gi]) {
      const inText = texts.reduce((n, t) => n + (t.ok ? (t.pages.join("\n").match(re) ?? []).length : 0), 0);
      const inPassages = committed.reduce((n, p) => n + (p.text.match(re) ?? []).length, 0);
      expect(inPassages / inText).toBeGreaterThan(0.97);
      expect(inPassages).toBeLessThanOrEqual(inText);
    }
  }, 120_000);
});

describe("npm run search (the command line)", () => {
  it("prints every matching passage as CSV with the filters applied", async () => {
    const out = execFileSync("npx", ["tsx", "loaders/report-search/search-cli.ts", "edge of care", "--framework", "ILACS", "--grade", "inadequate", "--csv"], { cwd: projectRoot, encoding: "utf8", timeout: 290_000 });
    const rows = parseCsvText(out, "search output");
    const expected = readPassages(passagesFile).filter((p) => /edge\W+of\W+care/i.test(p.text));
    const ilacsInadequate = new Set((await loadSearchReports()).filter((r) => r.framework === "ILACS" && r.overall_grade === 4).map((r) => r.inspection_id));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.framework).toBe("ILACS");
      expect(r.overall_label).toBe("Inadequate");
      expect(r.passage).toMatch(/edge\W+of\W+care/i);
    }
    expect(rows.length).toBe(expected.filter((p) => ilacsInadequate.has(p.inspection_id)).length);
  }, 300_000);

  it("names a bad option value", () => {
    expect(() => execFileSync("npx", ["tsx", "loaders/report-search/search-cli.ts", "mash", "--grade", "excellent"], { cwd: projectRoot, encoding: "utf8", stdio: "pipe" })).toThrow(/unknown grade "excellent"/);
  }, 60_000);
});
