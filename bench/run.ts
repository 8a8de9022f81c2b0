import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { dataDir, sourcesDir } from "../lib/paths.ts";
import { type IngestBench, benchIngest, expectedExport } from "./ingest.ts";
import { type Timing, formatBytes, formatMs, formatRatio, progress, renderTable } from "./measure.ts";
import { type FirstChart, type PageBytes, type ProfileFetches, type SiteBuild, type SiteBytes, buildSite, measureProfileFetches, siteBytes, timeFirstCharts } from "./site.ts";
import { type SearchBench, benchSearch, formatSearchBench } from "./search.ts";
import { type SyntheticCorpus, generateSynthetic } from "./synthetic.ts";
import { type QueryTiming, type WarehouseBench, benchWarehouseIsolated } from "./warehouse.ts";

const sections = ["ingest", "warehouse", "site", "browser", "search", "scale"] as const;
type Section = (typeof sections)[number];

const usage = `usage: npm run bench -- [--repeat N] [--scale] [--factor N] [--query-limit S] [--only ${sections.join(",")}] [--keep]
  --repeat N        repeat each measurement N times (default 3); min and median are reported
  --scale           also build the warehouse on a synthetic corpus --factor times the real data (default 100)
  --query-limit S   stop a view or macro query after S seconds (default 60) and report it as over the limit
  --only LIST       run only these sections (comma-separated); scale implies --scale
  --keep            keep the temp folders (ingest caches, synthetic corpus), not just results.json`;

const { values } = parseArgs({
  options: {
    repeat: { type: "string", default: "3" },
    scale: { type: "boolean", default: false },
    factor: { type: "string", default: "100" },
    "query-limit": { type: "string", default: "60" },
    only: { type: "string" },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const repeat = Number(values.repeat);
const factor = Number(values.factor);
const queryLimitMs = Number(values["query-limit"]) * 1000;
const only = values.only?.split(",").map((s) => s.trim()) as Section[] | undefined;
const unknown = only?.filter((s) => !sections.includes(s)) ?? [];
if (!Number.isInteger(repeat) || repeat < 1 || !Number.isInteger(factor) || factor < 1 || !(queryLimitMs > 0) || unknown.length) {
  console.error(unknown.length ? `unknown section(s): ${unknown.join(", ")}\n${usage}` : usage);
  process.exit(1);
}
const wanted = (s: Section) => (only ? only.includes(s) : s !== "scale" || values.scale);

const KB = 1024;
const targets = {
  warmIngestMs: 5000,
  warehouseBuildMs: 1000,
  homeDataBytes: 500 * KB,
  profileDataBytes: 50 * KB,
  coldBuildMs: 60_000,
  warmBuildMs: 20_000,
  homeFirstChartMs: 500,
  // at 100x the real data (issue 13): the build, its own peak memory, and each view's growth
  scaleBuildMs: 10_000,
  scaleBuildRssBytes: 4 * 1024 ** 3,
  scaleGrowth: 150,
};

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
const siteOut = path.join(os.tmpdir(), "site-bench");
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  memoryGB: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  loadAtStart: os.loadavg(),
  loadAtEnd: [] as number[],
  startedAt: new Date().toISOString(),
};

interface ScaleBench {
  corpus: SyntheticCorpus;
  warehouse: WarehouseBench;
}

const results: {
  machine: typeof machine;
  repeat: number;
  targets: typeof targets;
  realData?: string;
  ingest?: IngestBench;
  warehouse?: WarehouseBench;
  scale?: ScaleBench | { unavailable: string };
  site?: { build: SiteBuild; bytes: SiteBytes };
  firstChart?: FirstChart[];
  profileFetches?: ProfileFetches | { unavailable: string };
  search?: SearchBench;
} = { machine, repeat, targets };

progress(`repeat ${repeat}; temp folder ${workDir}`);

if (wanted("ingest")) {
  progress("ingest");
  results.ingest = await benchIngest(sourcesDir(), workDir, repeat);
}

/**
 * The real data: data/, or, while data/ holds only headers (before the first committed ingest),
 * data/ with this run's ingest output in place of its three ingested tables.
 */
function realDataDir(): { dir: string; label: string } {
  const rows = (dir: string) => fs.readFileSync(path.join(dir, "inspections.csv"), "utf8").trim().split("\n").length - 1;
  const ingested = results.ingest?.outDir;
  if (rows(dataDir) > 0 || !ingested || rows(ingested) === 0) return { dir: dataDir, label: "data/" };
  const dir = path.join(workDir, "real-data");
  fs.cpSync(dataDir, dir, { recursive: true });
  for (const f of ["inspections.csv", "judgements.csv", "ingest-accounting.csv"]) fs.copyFileSync(path.join(ingested, f), path.join(dir, f));
  return { dir, label: "data/ with this run's ingest output (data/ holds no inspections yet)" };
}
const real = realDataDir();
results.realData = real.label;

// The scale check reports ratios to the real data, so it needs the real figures too.
if (wanted("warehouse") || wanted("scale")) {
  progress(`warehouse build and views on ${real.label}`);
  results.warehouse = await benchWarehouseIsolated(real.dir, repeat, queryLimitMs, workDir);
}

if (wanted("scale")) {
  progress(`scale: synthetic corpus at ${factor}x`);
  const corpus = generateSynthetic({ dataDir: real.dir, outDir: path.join(workDir, `synthetic-x${factor}`), factor });
  if (!corpus.rows.inspections?.real) results.scale = { unavailable: "data/inspections.csv holds no rows yet: nothing to scale" };
  else {
    progress(`  ${corpus.rows.inspections.synthetic} inspections; warehouse build and views`);
    results.scale = { corpus, warehouse: await benchWarehouseIsolated(corpus.dataDir, repeat, queryLimitMs, workDir) };
  }
}

if (wanted("site")) {
  progress("site build in a clean clone: cold, again with nothing changed, again after a page edit");
  const build = await buildSite(workDir);
  if (build.cold.ok) fs.cpSync(build.outDir, siteOut, { recursive: true });
  results.site = { build, bytes: siteBytes(siteOut) };
}

if (wanted("browser")) {
  const bytes = results.site?.bytes ?? (fs.existsSync(path.join(siteOut, "index.html")) ? siteBytes(siteOut) : undefined);
  if (!bytes) results.firstChart = [{ route: "/", unavailable: `no built site at ${siteOut}: run with the site section` }];
  else {
    if (bytes.profiles.count) {
      progress("what each profile fetches on load, and on another date, in chromium");
      results.profileFetches = await measureProfileFetches(siteOut, bytes.profiles.pages).catch((e: Error) => ({ unavailable: `browser failed: ${e.message.split("\n")[0]}` }));
    }
    progress("time to first chart in chromium");
    const fetches = results.profileFetches;
    const profileRoute = fetches && "largest" in fetches ? fetches.largest.page : bytes.profile?.page;
    const routes = ["/", ...(profileRoute ? [`/${profileRoute}`] : [])];
    results.firstChart = await timeFirstCharts(siteOut, routes, repeat).catch((e: Error) => [
      { route: "/", unavailable: `browser failed: ${e.message.split("\n")[0]}` },
    ]);
  }
}

if (wanted("search")) {
  progress("passage search budgets in chromium (bench/search.ts)");
  results.search = await benchSearch(siteOut, repeat);
}

machine.loadAtEnd = os.loadavg();

// ---- the report ----

const verdict = (value: number | undefined, target: number) => (value === undefined ? "n/a" : value < target ? "PASS" : "MISS");
const timingCells = (t: Timing | undefined) => (t ? [String(t.runs.length), formatMs(t.min), formatMs(t.median)] : ["0", "-", "-"]);
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");

const main: string[][] = [];
const add = (name: string, t: Timing | undefined, target = "", result = "", notes = "") => main.push([name, ...timingCells(t), target, result, notes]);

const ing = results.ingest;
if (ing) {
  if (ing.unavailable && !ing.cold) {
    add("ingest", undefined, "", "", `not available (${ing.unavailable})${ing.unavailable.includes("ingest.ts") ? `; expected ${expectedExport}` : ""}`);
  }
  else {
    add(`ingest cold (${ing.files} files)`, ing.cold, "", "", `${ing.workers} workers, empty cache each run`);
    add("ingest warm", ing.warm, `< ${targets.warmIngestMs / 1000} s`, verdict(ing.warm?.median, targets.warmIngestMs), "same cache again");
    if (ing.unavailable) add("ingest", undefined, "", "", ing.unavailable);
  }
  if (ing.touchedDataDir) {
    main.push(["  warning", "", "", "", "", "", `${ing.touchedDataDir.map((f) => `data/${f}`).join(", ")} changed during the runs, though the ingest wrote to a temp folder`]);
  }
  const pdf = ing.pdftotext;
  if (pdf && "timing" in pdf) {
    add(`pdftotext -layout (${ing.files} files)`, pdf.timing, "", "", `one process at a time${pdf.failures ? `; ${pdf.failures} files it could not read` : ""}`);
    const r = pdf.coldRatio;
    if (r) {
      main.push([
        "ingest cold / pdftotext",
        String(r.runs.length),
        formatRatio(r.min),
        formatRatio(r.median),
        "< 1x",
        verdict(r.median, 1),
        "each cold run over the pdftotext pass right after it",
      ]);
    }
  } else if (pdf) add("pdftotext -layout", undefined, "", "", `not available (${pdf.unavailable})`);
}

const wh = results.warehouse;
if (wh) {
  add(
    `warehouse build (${real.label === "data/" ? "data/" : "ingest output"})`,
    wh.build,
    `< ${targets.warehouseBuildMs / 1000} s`,
    verdict(wh.build?.median, targets.warehouseBuildMs),
    wh.error
      ? `build failed: ${wh.error}`
      : `${wh.inspections} inspections, ${wh.judgements} judgements${wh.buildMaxRssBytes ? `; peak memory of the build ${formatBytes(wh.buildMaxRssBytes)}` : ""}${wh.maxRssBytes ? `, with every view queried ${formatBytes(wh.maxRssBytes)}` : ""}`,
  );
  for (const q of wh.queries) {
    if (q.timedOut) main.push([`  ${q.call}`, "1", `> ${formatMs(q.timedOut)}`, "", "", "", "stopped at the query limit"]);
    else add(`  ${q.call}`, q.timing, "", "", q.error ? `not timed: ${q.error}` : `${q.rows} rows`);
  }
  const timed = wh.queries.filter((q) => q.timing);
  if (timed.length) {
    const sum = timed.reduce((n, q) => n + q.timing!.median, 0);
    main.push([`  all ${timed.length} timed views and macros`, "", "", formatMs(sum), "", "", "sum of the medians"]);
  }
}

const site = results.site;
if (site) {
  const b = site.build;
  const once = (r: { ms: number; ok: boolean; output: string }, target: number, note: string) =>
    add(
      note,
      r.ok ? { runs: [r.ms], min: r.ms, median: r.ms } : undefined,
      `< ${target / 1000} s`,
      r.ok ? verdict(r.ms, target) : "FAIL",
      r.ok ? "npm run build (scripts/build.ts) in a clean clone" : `build failed: ${r.output.split("\n").filter(Boolean).slice(-1)[0] ?? ""}`,
    );
  once(b.cold, targets.coldBuildMs, "site build, clean clone (cold)");
  once(b.warm, targets.warmBuildMs, "site build again, nothing changed (warm)");
  once(b.pageEdited, targets.warmBuildMs, "site build after editing one page (warm caches)");
}

for (const fc of results.firstChart ?? []) {
  const home = fc.route === "/";
  const name = home ? "first chart, home page" : `first chart, profile ${fc.route}`;
  const target = home ? `< ${targets.homeFirstChartMs} ms` : "";
  add(name, fc.timing, target, home ? verdict(fc.timing?.median, targets.homeFirstChartMs) : "", fc.unavailable ?? "navigation start to a chart shown (live svg in main, or the chart drawn at build time painted), fresh context");
  if (fc.live && fc.timing && fc.live.median !== fc.timing.median) add(`${name}, live`, fc.live, "", "", "navigation start to the first svg drawn by the page's scripts");
}

const out: string[] = [];
out.push(
  `machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGB} GB, node ${machine.node}; load average (1/5/15 min) at start ${load(machine.loadAtStart)}, at end ${load(machine.loadAtEnd)}`,
);
out.push(`real data: ${real.label}; repeat ${repeat}; times are wall clock, min and median of the runs`);
out.push("");
out.push(renderTable(["measurement", "runs", "min", "median", "target", "result", "notes"], main));

if (site) {
  const bytes = site.bytes;
  const row = (label: string, p: PageBytes, target?: number) => [
    label,
    formatBytes(p.html),
    formatBytes(p.js),
    formatBytes(p.css),
    formatBytes(p.data),
    target ? `data < ${formatBytes(target)}` : "",
    target ? verdict(p.data, target) : "",
    p.largestData ? `${p.largestData.file.replace(/^_file\//, "")} ${formatBytes(p.largestData.bytes)}` : "",
  ];
  const rows: string[][] = [];
  if (bytes.home) rows.push(row("home (index)", bytes.home, targets.homeDataBytes));
  if (bytes.profile) {
    // A profile registers its history too, fetched only on another date: what it loads is measured in the browser below.
    rows.push(row(`profile ${bytes.profile.page} (registers the most of ${bytes.profiles.count})`, bytes.profile));
    rows.push(["  profiles' registered data: median", "", "", "", formatBytes(bytes.profiles.medianData), "", "", ""]);
  } else rows.push(["profile", "-", "-", "-", "-", "", "", "no authorities/ pages built"]);
  for (const p of bytes.others) rows.push(row(p.page, p));
  out.push("");
  out.push("bytes shipped per page (uncompressed; JS = modules the page preloads; data = files under _file/ it registers)");
  out.push(renderTable(["page", "html", "js", "css", "data", "target", "result", "its largest data file"], rows));
  if (bytes.largestDataFile) out.push(`largest data file: ${bytes.largestDataFile.file} ${formatBytes(bytes.largestDataFile.bytes)}`);
}

const fetches = results.profileFetches;
if (fetches) {
  const files = (f: { files: string[] }) => f.files.map((x) => x.replace(/^.*\/_file\//, "")).join(", ");
  const rows: string[][] =
    "largest" in fetches
      ? [
          [`${fetches.largest.page} on load (the most of ${fetches.count})`, formatBytes(fetches.largest.onLoad.bytes), `< ${formatBytes(targets.profileDataBytes)}`, verdict(fetches.largest.onLoad.bytes, targets.profileDataBytes), files(fetches.largest.onLoad)],
          ["  profiles on load: median", formatBytes(fetches.medianOnLoad), "", "", ""],
          [`  then as at ${fetches.lazy.date}, besides`, formatBytes(fetches.lazy.fetched.bytes), "", "", files(fetches.lazy.fetched)],
        ]
      : [["on load", "-", `< ${formatBytes(targets.profileDataBytes)}`, "n/a", fetches.unavailable]];
  out.push("");
  out.push("data a profile fetches, in chromium (uncompressed bytes of the files under _file/; fresh context, network idle)");
  out.push(renderTable(["profile", "data", "target", "result", "files"], rows));
}

const scale = results.scale;
if (scale && "unavailable" in scale) out.push("", `scale check: not available (${scale.unavailable})`);
else if (scale && wh) {
  const syn = scale.warehouse;
  const ms = (t?: Timing, timedOut?: number) => (t ? formatMs(t.median) : timedOut ? `> ${formatMs(timedOut)}` : "-");
  const ratio = (a?: Timing, b?: Timing, timedOut?: number) =>
    a && b ? formatRatio(b.median / a.median) : a && timedOut ? `> ${formatRatio(timedOut / a.median)}` : "-";
  // The targets are set at 100x; at another factor the figures are reported without a verdict.
  const atTarget = (target: string, result: string) => (factor === 100 ? `target ${target}: ${result}` : "");
  const rows: string[][] = [
    [
      "warehouse build",
      `${wh.inspections} insp.`,
      `${syn.inspections} insp.`,
      ms(wh.build),
      ms(syn.build),
      ratio(wh.build, syn.build),
      syn.error ? `build failed: ${syn.error}` : atTarget(`< ${targets.scaleBuildMs / 1000} s`, verdict(syn.build?.median, targets.scaleBuildMs)),
    ],
  ];
  if (wh.buildMaxRssBytes && syn.buildMaxRssBytes) {
    rows.push([
      "peak memory (RSS), build",
      "",
      "",
      formatBytes(wh.buildMaxRssBytes),
      formatBytes(syn.buildMaxRssBytes),
      formatRatio(syn.buildMaxRssBytes / wh.buildMaxRssBytes),
      ["the build alone, before any query", atTarget(`< ${formatBytes(targets.scaleBuildRssBytes)}`, verdict(syn.buildMaxRssBytes, targets.scaleBuildRssBytes))].filter(Boolean).join("; "),
    ]);
  }
  if (wh.maxRssBytes && syn.maxRssBytes) {
    rows.push(["peak memory (RSS), all", "", "", formatBytes(wh.maxRssBytes), formatBytes(syn.maxRssBytes), formatRatio(syn.maxRssBytes / wh.maxRssBytes), "build and every view and macro queried, one process"]);
  }
  // Fastest-growing first; queries stopped at the limit count as growing without bound.
  const growth = (q: QueryTiming) => {
    const r = wh.queries.find((x) => x.name === q.name && x.kind === q.kind);
    return !r?.timing ? -1 : q.timedOut ? Infinity : q.timing ? q.timing.median / r.timing.median : -1;
  };
  const atLeast = (q: QueryTiming) => {
    const r = wh.queries.find((x) => x.name === q.name && x.kind === q.kind);
    return r?.timing && q.timedOut ? q.timedOut / r.timing.median : -1;
  };
  for (const q of [...syn.queries].sort((a, b) => growth(b) - growth(a))) {
    const r = wh.queries.find((x) => x.name === q.name && x.kind === q.kind);
    rows.push([
      `${q.kind} ${q.name}`,
      r?.rows === undefined ? "-" : String(r.rows),
      q.rows === undefined ? "-" : String(q.rows),
      ms(r?.timing, r?.timedOut),
      ms(q.timing, q.timedOut),
      ratio(r?.timing, q.timing, q.timedOut),
      [
        q.error ? `not timed: ${q.error}` : q.timedOut ? "stopped at the query limit" : q.kind === "table macro" ? q.call : "",
        // a query stopped at the limit grew at least limit / real time: over the target only if that is
        factor === 100 && (q.timedOut ? atLeast(q) : growth(q)) > targets.scaleGrowth ? `over the ${targets.scaleGrowth}x target` : "",
      ].filter(Boolean).join("; "),
    ]);
  }
  const both = syn.queries.filter((q) => q.timing && wh.queries.find((x) => x.name === q.name && x.kind === q.kind)?.timing);
  if (both.length) {
    const sumOf = (qs: QueryTiming[]) => qs.reduce((n, q) => n + q.timing!.median, 0);
    const realSum = sumOf(both.map((q) => wh.queries.find((x) => x.name === q.name && x.kind === q.kind)!));
    const synSum = sumOf(both);
    rows.push([`all ${both.length} timed in both`, "", "", formatMs(realSum), formatMs(synSum), formatRatio(synSum / realSum), "sum of the medians"]);
  }
  out.push("");
  out.push(
    `scale check: synthetic corpus ${factor}x the real one, each inspection repeated every ${scale.corpus.shiftYears} years to ${scale.corpus.lastYear}; rows: ${Object.entries(
      scale.corpus.rows,
    )
      .map(([t, r]) => `${t} ${r.real} -> ${r.synthetic}`)
      .join(", ")}`,
  );
  out.push(renderTable(["query", "rows real", `rows ${factor}x`, "median real", `median ${factor}x`, "cost ratio", "notes"], rows));
}

const resultsFile = path.join(workDir, "results.json");
fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
if (!values.keep) {
  for (const entry of fs.readdirSync(workDir)) if (entry !== "results.json") fs.rmSync(path.join(workDir, entry), { recursive: true, force: true });
}
if (results.search) out.push("", formatSearchBench(results.search));
out.push("", `results: ${resultsFile}`);
console.log(out.join("\n"));
