import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { launchChromium } from "../lib/chromium.ts";
import { projectRoot } from "../lib/paths.ts";
import { serve } from "../scripts/serve.ts";
import type { Page } from "playwright-core";
import { formatDate as formatDay } from "../src/components/dates.ts";
import { type Timing, progress, summarise } from "./measure.ts";

interface CommandRun {
  ms: number;
  ok: boolean;
  output: string;
}

function runCommand(command: string, args: string[], env: Record<string, string> = {}, cwd = projectRoot): Promise<CommandRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ ms: performance.now() - t0, ok: code === 0, output }));
  });
}

export interface SiteBuild {
  /** The clean clone the builds ran in (git clone of HEAD, node_modules linked), and its output. */
  clone: string;
  outDir: string;
  /** `npm run build` (scripts/build.ts) on the clone: empty caches, as a new user's first build. */
  cold: CommandRun;
  /** The same again with nothing changed: the output is found up to date and kept. */
  warm: CommandRun;
  /** Again after one page's text changed: Framework rebuilds every page, warehouse file and loader outputs reused. */
  pageEdited: CommandRun;
}

function trimmed(run: CommandRun): CommandRun {
  return { ...run, output: run.ok ? "" : run.output.split("\n").slice(-20).join("\n") };
}

/**
 * A new user's build: a clean clone of the committed tree in `workDir`, built cold, then rebuilt
 * with no change, then rebuilt after a one-line edit of a page. The site is left in <clone>/dist for the byte and first-chart measurements.
 */
export async function buildSite(workDir: string): Promise<SiteBuild> {
  const clone = path.join(workDir, "clean-clone");
  fs.rmSync(clone, { recursive: true, force: true });
  const cloned = await runCommand("git", ["clone", "--quiet", projectRoot, clone]);
  if (!cloned.ok) throw new Error(`git clone failed: ${cloned.output}`);
  fs.symlinkSync(path.join(projectRoot, "node_modules"), path.join(clone, "node_modules"));
  const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
  const cold = await runCommand(tsx, ["scripts/build.ts"], { WAREHOUSE_DB: "", SITE_OUTPUT: "" }, clone);
  const warm = await runCommand(tsx, ["scripts/build.ts"], { WAREHOUSE_DB: "", SITE_OUTPUT: "" }, clone);
  fs.appendFileSync(path.join(clone, "src", "counts.md"), "\n");
  const pageEdited = await runCommand(tsx, ["scripts/build.ts"], { WAREHOUSE_DB: "", SITE_OUTPUT: "" }, clone);
  return { clone, outDir: path.join(clone, "dist"), cold: trimmed(cold), warm: trimmed(warm), pageEdited: trimmed(pageEdited) };
}

export interface PageBytes {
  page: string;
  html: number;
  js: number;
  css: number;
  data: number;
  dataFiles: string[];
  largestData?: { file: string; bytes: number };
}

function htmlPages(outDir: string): string[] {
  return (fs.readdirSync(outDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".html") && !f.split(path.sep).some((part) => part.startsWith("_")))
    .sort();
}

const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/**
 * What a page ships, read from the built HTML: the HTML itself, every module it preloads
 * (Framework lists the transitive static imports), its stylesheets, and every file under _file/
 * that the page or its own modules register. Dynamic imports are not followed.
 */
function pageBytes(outDir: string, page: string): PageBytes {
  const file = path.join(outDir, page);
  const html = fs.readFileSync(file, "utf8");
  const dir = path.dirname(file);
  const resolve = (from: string, ref: string) => path.resolve(from, ref.split(/[?#]/)[0]!);
  const js = new Set<string>();
  const css = new Set<string>();
  for (const m of html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) js.add(resolve(dir, m[1]!));
  for (const m of html.matchAll(/<script[^>]* src="([^"]+)"/g)) js.add(resolve(dir, m[1]!));
  for (const m of html.matchAll(/<link rel="stylesheet"[^>]* href="([^"]+)"/g)) css.add(resolve(dir, m[1]!));
  const data = new Set<string>();
  const fileRefs = /["']((?:\.{1,2}\/)+(?:[^"']*\/)?_file\/[^"']+)["']/g;
  for (const m of html.matchAll(fileRefs)) data.add(resolve(dir, m[1]!));
  for (const module of js) {
    if (!module.includes(`${path.sep}_import${path.sep}`) || !fs.existsSync(module)) continue;
    for (const m of fs.readFileSync(module, "utf8").matchAll(fileRefs)) data.add(resolve(path.dirname(module), m[1]!));
  }
  const sum = (files: Set<string>) => [...files].reduce((n, f) => n + size(f), 0);
  const largest = [...data].sort((a, b) => size(b) - size(a))[0];
  return {
    page: page.replace(/\.html$/, "").split(path.sep).join("/"),
    html: Buffer.byteLength(html),
    js: sum(js),
    css: sum(css),
    data: sum(data),
    dataFiles: [...data].map((f) => path.relative(outDir, f)).sort(),
    largestData: largest ? { file: path.relative(outDir, largest), bytes: size(largest) } : undefined,
  };
}

export interface SiteBytes {
  home?: PageBytes;
  /** The profile page that registers the most data, and every profile page (what each fetches is measured in the browser). */
  profile?: PageBytes;
  profiles: { count: number; medianData: number; maxData: number; pages: string[] };
  others: PageBytes[];
  largestDataFile?: { file: string; bytes: number };
}

const isProfile = (page: string) => /^authorities\/(?!index$)/.test(page);

export function siteBytes(outDir: string): SiteBytes {
  const pages = htmlPages(outDir).map((p) => pageBytes(outDir, p));
  const profiles = pages.filter((p) => isProfile(p.page)).sort((a, b) => b.data - a.data);
  const fileDir = path.join(outDir, "_file");
  const dataFiles = fs.existsSync(fileDir)
    ? (fs.readdirSync(fileDir, { recursive: true }) as string[])
        .map((f) => ({ file: path.join("_file", f), bytes: size(path.join(fileDir, f)) }))
        .filter((f) => fs.statSync(path.join(outDir, f.file)).isFile())
    : [];
  return {
    home: pages.find((p) => p.page === "index"),
    profile: profiles[0],
    profiles: {
      count: profiles.length,
      medianData: profiles.length ? summarise(profiles.map((p) => p.data)).median : 0,
      maxData: profiles[0]?.data ?? 0,
      pages: profiles.map((p) => p.page),
    },
    others: pages.filter((p) => p.page !== "index" && !isProfile(p.page)),
    largestDataFile: dataFiles.sort((a, b) => b.bytes - a.bytes)[0],
  };
}

/** Bytes of the files under _file/ a page fetched, and which (paths from the site root). */
export interface Fetched {
  bytes: number;
  files: string[];
}

export interface ProfileFetches {
  count: number;
  /** The profile that fetches the most data on load, and what it fetched. */
  largest: { page: string; onLoad: Fetched };
  medianOnLoad: number;
  /** What the largest then fetches when the reader picks another date (a year before its default). */
  lazy: { date: string; fetched: Fetched };
}

/** Follows a page's responses from _file/; each call of the result gives the files fetched since the last. */
function trackFiles(page: Page, origin: string): () => Promise<Fetched> {
  let pending: Promise<[string, number]>[] = [];
  page.on("response", (r) => {
    const url = new URL(r.url());
    if (url.origin === origin && url.pathname.includes("/_file/")) pending.push(r.body().then((b) => [url.pathname, b.length]));
  });
  return async () => {
    const done = await Promise.all(pending);
    pending = [];
    return { bytes: done.reduce((n, [, b]) => n + b, 0), files: done.map(([f]) => f).sort() };
  };
}

/**
 * What each profile page fetches from _file/ when it loads (until the network is idle, the profile
 * drawn), measured in chromium; then, for the profile that fetches the most, what a change of the
 * as-at date fetches besides. The browser cache is empty for every page.
 */
export async function measureProfileFetches(outDir: string, pages: string[]): Promise<ProfileFetches> {
  const server = await serve(outDir, 0);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const onLoad: { page: string; fetched: Fetched }[] = [];
    for (const [i, route] of pages.entries()) {
      if (i % 25 === 0) progress(`  profile data on load: ${i} of ${pages.length}`);
      const context = await browser.newContext();
      const page = await context.newPage();
      const since = trackFiles(page, origin);
      await page.goto(`${origin}/${route}`, { waitUntil: "networkidle" });
      await page.locator(".profile .profile-footer").waitFor();
      onLoad.push({ page: route, fetched: await since() });
      await context.close();
    }
    const largest = onLoad.sort((a, b) => b.fetched.bytes - a.fetched.bytes)[0]!;
    const context = await browser.newContext();
    const page = await context.newPage();
    const since = trackFiles(page, origin);
    await page.goto(`${origin}/${largest.page}`, { waitUntil: "networkidle" });
    await page.locator(".profile .profile-footer").waitFor();
    await since();
    const input = page.locator('input[type="date"]');
    const shown = await input.inputValue();
    const date = `${Number(shown.slice(0, 4)) - 1}${shown.slice(4)}`;
    await input.fill(date);
    await page.waitForFunction((d) => document.querySelector(".profile .profile-footer")?.textContent?.includes(`As at ${d}`), formatDay(date));
    await page.waitForLoadState("networkidle");
    const lazy = { date, fetched: await since() };
    await context.close();
    return {
      count: onLoad.length,
      largest: { page: largest.page, onLoad: largest.fetched },
      medianOnLoad: summarise(onLoad.map((p) => p.fetched.bytes)).median,
      lazy,
    };
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

const chartSelector = "#observablehq-main svg, figure svg";
/** The elementtiming name of a chart drawn at build time (src/data/site/national-stock-chart.ts), shown until the live one draws. */
const prerenderedTiming = "prerendered-chart";

export interface FirstChart {
  route: string;
  /** To the first chart shown: a live chart's svg in the DOM, or a prerendered chart's image painted. */
  timing?: Timing;
  /** To the first live chart (drawn by the page's scripts), where that is later. */
  live?: Timing;
  unavailable?: string;
}

// A string, not a function: tsx wraps nested functions in a __name helper the page does not have.
// A prerendered chart counts when it is painted (Element Timing's renderTime for its image), not
// when its tag is parsed or its file has loaded.
const firstChartObserver = `(() => {
  const shown = (t) => { if (window.__benchFirstChart === undefined || t < window.__benchFirstChart) window.__benchFirstChart = t; };
  new MutationObserver(() => {
    if (window.__benchLiveChart === undefined && document.querySelector(${JSON.stringify(chartSelector)})) shown(window.__benchLiveChart = performance.now());
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === ${JSON.stringify(prerenderedTiming)}) shown(window.__benchPrerendered = e.renderTime || e.loadTime);
  }).observe({ type: "element", buffered: true });
})();`;

declare global {
  interface Window {
    __benchFirstChart?: number;
    __benchLiveChart?: number;
    __benchPrerendered?: number;
  }
}

/**
 * Milliseconds from navigation start to the first chart shown and to the first live chart, seen by
 * a MutationObserver and a load listener installed before any page script runs. Each run uses a
 * fresh browser context (empty cache).
 */
export async function timeFirstCharts(outDir: string, routes: string[], repeat: number): Promise<FirstChart[]> {
  const server = await serve(outDir, 0);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const results: FirstChart[] = [];
    for (const route of routes) {
      progress(`  first chart on ${route}`);
      const runs: number[] = [];
      const liveRuns: number[] = [];
      let unavailable: string | undefined;
      for (let i = 0; i < repeat && !unavailable; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.addInitScript(firstChartObserver);
        try {
          await page.goto(`${origin}${route}`, { waitUntil: "load" });
          // Both the live chart and, where the page has one, the prerendered chart's paint entry.
          await page.waitForFunction(
            (name) => window.__benchLiveChart !== undefined && (!document.querySelector(`[elementtiming="${name}"]`) || window.__benchPrerendered !== undefined),
            prerenderedTiming,
            { timeout: 15_000 },
          );
          const [shown, live] = await page.evaluate(() => [window.__benchFirstChart!, window.__benchLiveChart!]);
          runs.push(shown);
          liveRuns.push(live);
        } catch (e) {
          unavailable = `no chart (${chartSelector}) within 15 s${(e as Error).name === "TimeoutError" ? "" : `: ${(e as Error).message.split("\n")[0]}`}`;
        } finally {
          await context.close();
        }
      }
      results.push(runs.length === repeat ? { route, timing: summarise(runs), live: summarise(liveRuns) } : { route, unavailable });
    }
    return results;
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}
