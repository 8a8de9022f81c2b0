/**
 * The passage search's budgets (issue 14, docs/report-search.md): the page's first load under 1 MB,
 * the files fetched on the first search under 15 MB, a query answered in under 300 ms once they are
 * loaded, and the committed passage text under 15 MB. Measured in Chromium on a built site and, for
 * the query engine alone, in node on the committed passages.
 *
 * npx tsx bench/search.ts [--site <built site dir>] [--repeat N]   (also the "search" section of npm run bench)
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { launchChromium } from "../lib/chromium.ts";
import { dataDir, projectRoot } from "../lib/paths.ts";
import { serve } from "../scripts/serve.ts";
import { loadSearchReports, searchCorpus } from "../loaders/report-search/corpus.ts";
import { buildIndex, searchPassages } from "../src/components/passage-search.ts";
import { type Timing, formatBytes, formatMs, renderTable, summarise } from "./measure.ts";

const MB = 1024 ** 2;
export const searchTargets = { firstLoadBytes: 1 * MB, indexBytes: 15 * MB, queryMs: 300, committedBytes: 15 * MB };
export const BENCH_QUERIES = ["edge of care", "MASH", "Signs of Safety", "private fostering", "social workers", "children"];

export interface SearchBench {
  committedBytes: number;
  firstLoad?: { bytes: number; requests: number };
  /** ms: Enter to the first results; indexMs: Enter to the index built in the background. */
  firstSearch?: { bytes: number; files: { file: string; bytes: number }[]; ms: number; indexMs: number };
  /** In the page: engine time as the page reports it, and Enter to results drawn. */
  pageQueries: { query: string; engine: Timing; drawn: Timing; passages: number }[];
  /** In node, on the committed passages and an index built from them: the engine alone. */
  nodeQueries: { query: string; timing: Timing; passages: number }[];
  unavailable?: string;
}

/** Bytes of every response the page receives while fn runs, as sent (a gzip-encoded file counts its compressed size). */
async function countBytes(page: Page, fn: () => Promise<void>): Promise<{ bytes: number; files: { file: string; bytes: number }[] }> {
  const pending: Promise<{ file: string; bytes: number }>[] = [];
  const onResponse = (r: import("playwright-core").Response) => {
    pending.push(
      r.finished().then(
        () => r.request().sizes().then((sz) => ({ file: new URL(r.url()).pathname, bytes: sz.responseBodySize })),
        () => ({ file: r.url(), bytes: 0 }),
      ),
    );
  };
  page.on("response", onResponse);
  await fn();
  page.off("response", onResponse);
  const files = await Promise.all(pending);
  return { bytes: files.reduce((n, f) => n + f.bytes, 0), files };
}

async function runQuery(page: Page, query: string): Promise<{ engineMs: number; drawnMs: number; passages: number }> {
  const status = page.locator("[data-testid=search-status]");
  const before = await status.innerText();
  const box = page.getByLabel("Words or phrase");
  await box.fill(query);
  const t0 = Date.now();
  await box.press("Enter");
  await page.waitForFunction((prev) => {
    const el = document.querySelector("[data-testid=search-status]") as HTMLElement | null;
    return el?.dataset.state === "done" && el.innerText !== prev;
  }, before, { timeout: 180_000 });
  const drawnMs = Date.now() - t0;
  const text = await status.innerText();
  return { engineMs: Number(text.match(/Searched in (\d+) ms/)?.[1] ?? NaN), drawnMs, passages: Number(text.match(/^([\d,]+) passages/)?.[1]?.replace(/,/g, "") ?? 0) };
}

export async function benchSearch(siteDir: string, repeat: number): Promise<SearchBench> {
  const committed = path.join(dataDir, "report-passages.csv.gz");
  const result: SearchBench = { committedBytes: fs.existsSync(committed) ? fs.statSync(committed).size : 0, pageQueries: [], nodeQueries: [] };
  if (!fs.existsSync(path.join(siteDir, "search.html"))) return { ...result, unavailable: `no built search page at ${siteDir}` };

  // The engine alone, in node, on the committed passages and an index built as the page builds it.
  const corpus = searchCorpus(await loadSearchReports(), committed, { themes: false });
  const index = buildIndex(corpus.text);
  for (const query of BENCH_QUERIES) {
    const runs: number[] = [];
    let passages = 0;
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      passages = searchPassages(index, corpus, { q: query }).hits.length;
      runs.push(performance.now() - t0);
    }
    result.nodeQueries.push({ query, timing: summarise(runs), passages });
  }

  const server = await serve(siteDir, 0);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const first = await countBytes(page, async () => {
      await page.goto(`${origin}/search`, { waitUntil: "networkidle" });
      await page.locator("[data-testid=search-status]").waitFor();
    });
    result.firstLoad = { bytes: first.bytes, requests: first.files.length };
    let ms = 0;
    let indexMs = 0;
    const search = await countBytes(page, async () => {
      const t0 = Date.now();
      // Not one of BENCH_QUERIES, so each timed query below changes the results.
      await runQuery(page, "looked after");
      ms = Date.now() - t0;
      // The index is built after the first results; time it with them.
      await page.locator("html[data-search-index=loaded]").waitFor({ timeout: 600_000 });
      indexMs = Date.now() - t0;
    });
    result.firstSearch = { bytes: search.bytes, files: search.files.filter((f) => f.bytes > 0), ms, indexMs };
    const engine = new Map<string, number[]>();
    const drawn = new Map<string, number[]>();
    const found = new Map<string, number>();
    for (let i = 0; i < repeat; i++) {
      for (const q of BENCH_QUERIES) {
        const r = await runQuery(page, `${q}${" ".repeat(i)}`);
        engine.set(q, [...(engine.get(q) ?? []), r.engineMs]);
        drawn.set(q, [...(drawn.get(q) ?? []), r.drawnMs]);
        found.set(q, r.passages);
      }
    }
    result.pageQueries = BENCH_QUERIES.map((q) => ({ query: q, engine: summarise(engine.get(q)!), drawn: summarise(drawn.get(q)!), passages: found.get(q)! }));
    await context.close();
  } catch (e) {
    result.unavailable = `browser failed: ${(e as Error).message.split("\n")[0]}`;
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return result;
}

export function formatSearchBench(b: SearchBench): string {
  const pass = (v: number | undefined, t: number) => (v === undefined || Number.isNaN(v) ? "n/a" : v < t ? "PASS" : "MISS");
  const rows: string[][] = [
    ["committed passage text (data/report-passages.csv.gz)", formatBytes(b.committedBytes), `< ${formatBytes(searchTargets.committedBytes)}`, pass(b.committedBytes, searchTargets.committedBytes), ""],
  ];
  if (b.firstLoad) rows.push(["search page, first load (everything fetched)", formatBytes(b.firstLoad.bytes), `< ${formatBytes(searchTargets.firstLoadBytes)}`, pass(b.firstLoad.bytes, searchTargets.firstLoadBytes), `${b.firstLoad.requests} requests`]);
  if (b.firstSearch) rows.push(["fetched on the first search (passages)", formatBytes(b.firstSearch.bytes), `< ${formatBytes(searchTargets.indexBytes)}`, pass(b.firstSearch.bytes, searchTargets.indexBytes), `${b.firstSearch.files.map((f) => `${path.basename(f.file)} ${formatBytes(f.bytes)}`).join(", ")}; Enter to first results ${formatMs(b.firstSearch.ms)}, index built ${formatMs(b.firstSearch.indexMs)}`]);
  for (const q of b.pageQueries) rows.push([`  page query "${q.query}" (${q.passages} passages)`, `engine ${formatMs(q.engine.median)}`, `< ${searchTargets.queryMs} ms`, pass(q.engine.median, searchTargets.queryMs), `Enter to results drawn: median ${formatMs(q.drawn.median)}`]);
  for (const q of b.nodeQueries) rows.push([`  node query "${q.query}" (${q.passages} passages)`, formatMs(q.timing.median), `< ${searchTargets.queryMs} ms`, pass(q.timing.median, searchTargets.queryMs), `min ${formatMs(q.timing.min)}`]);
  if (b.unavailable) rows.push(["search", "", "", "n/a", b.unavailable]);
  return renderTable(["search budget", "measured", "target", "result", "notes"], rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { site: { type: "string" }, repeat: { type: "string", default: "3" } } });
  const site = path.resolve(values.site ?? path.join(projectRoot, process.env.SITE_OUTPUT ?? "dist"));
  const b = await benchSearch(site, Number(values.repeat));
  console.log(formatSearchBench(b));
}
