import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CSV_SET_JOURNAL, parseCsvRecords, readCsv, writeCsvSet } from "../../lib/csv.ts";
import { projectRoot } from "../../lib/paths.ts";
import { OUTPUT_FILES, ingest } from "../../loaders/reports/ingest.ts";
import { accounting, inspection, judgement } from "../../schema/canonical.ts";
import { corpusDir, describeWithCorpus } from "../support/sources.ts";
import { cacheWith, report, scrambledCopy, tempDir, tempSources } from "./support.ts";

const barnsley2014 = report("80426_barnsley/children's services inspection - 08 august 2014.pdf");
const barnsley2018 = report("80426_barnsley/children's services inspection - 19 november 2018.pdf");
const barnsley2023 = report("80426_barnsley/children's services inspection - 27 october 2023.pdf");
const folder = "ofsted-reports/80426_barnsley";
/** A fresh cache per test holding the real reports' text: only generated files are extracted. */
const cache = () => cacheWith([barnsley2014, barnsley2018, barnsley2023]);

const read = (out: string) => ({
  inspections: readCsv(path.join(out, OUTPUT_FILES.inspections), inspection),
  judgements: readCsv(path.join(out, OUTPUT_FILES.judgements), judgement),
  accounting: readCsv(path.join(out, OUTPUT_FILES.accounting), accounting),
});

/** A CSV's rows and columns, to write again. */
function rowsOf(text: string) {
  const { header, records } = parseCsvRecords(text, "fixture");
  return { columns: header, rows: records.map((r) => r.values) };
}

/** Run the ingest command as a user does; its exit status and output. */
function cli(args: string[]) {
  const r = spawnSync(path.join(projectRoot, "node_modules", ".bin", "tsx"), [path.join(projectRoot, "loaders/reports/cli.ts"), ...args], { encoding: "utf8", timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A sources folder of the three Barnsley reports, with the report-link file beside them. */
function barnsleySources(withLinks = true): string {
  const dir = tempSources([barnsley2014, barnsley2018, barnsley2023].map((from) => ({ from, folder })));
  if (withLinks) fs.copyFileSync(path.join(corpusDir, "d2i-ilacs-history.csv"), path.join(dir, "d2i-ilacs-history.csv"));
  return dir;
}

describeWithCorpus("faults in the sources: one bad file never stops the run", () => {
  describe.each([2, 0])("a corrupt PDF whose reader fails inside pdf.js, through the command (workers: %i)", (workers) => {
    it("is quarantined with its reason, the other files are ingested, and the run succeeds", () => {
      // Named to be read first, so the files after it need a healthy extractor.
      const sources = tempSources([
        { from: barnsley2014, folder: "80426_barnsley" },
        { from: barnsley2018, folder: "80426_barnsley" },
      ]);
      scrambledCopy(barnsley2023, path.join(sources, "80426_barnsley", "a-corrupt.pdf"));
      const out = tempDir("out");
      const run = cli(["--sources", sources, "--out", out, "--cache", cache(), "--workers", String(workers)]);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/quarantined:\n {2}80426_barnsley\/a-corrupt\.pdf: unreadable PDF: /);
      const rows = read(out);
      expect(rows.inspections.map((i) => i.inspection_id)).toEqual(["370-ilacs-2018-11-19", "370-sif-2014-08-08"]);
      expect(rows.accounting.find((a) => a.source_file === "80426_barnsley/a-corrupt.pdf")).toMatchObject({ outcome: "quarantined", kind: "unreadable PDF" });
    });
  });

  it("a near-duplicate (the same report saved again as '… (1).pdf', one byte different) is one inspection, the copy accounted as a duplicate", async () => {
    const sources = barnsleySources();
    const copy = path.join(sources, folder, "children's services inspection - 27 october 2023 (1).pdf");
    const bytes = fs.readFileSync(barnsley2023);
    bytes[bytes.length - 20]! ^= 1;
    fs.writeFileSync(copy, bytes);
    const result = await ingest({ sourcesDir: sources, cacheDir: cache(), outDir: null, workers: 0 });
    expect(result.inspections.map((i) => i.inspection_id).sort()).toEqual(["370-ilacs-2018-11-19", "370-ilacs-2023-10-27", "370-sif-2014-08-08"]);
    const dup = result.accounting.find((a) => a.source_file.endsWith("(1).pdf"));
    expect(dup).toMatchObject({ outcome: "out_of_scope", kind: "duplicate report", inspection_id: null });
    expect(dup!.reason).toBe(
      `same inspection as ${folder}/children's services inspection - 27 october 2023.pdf (authority 370, ILACS short, fieldwork 2023-09-11 to 2023-09-15), from a file with different content`,
    );
  });

  it("a file renamed to an impossible publication date (01 january 2099) takes its date from the report or its metadata", async () => {
    // Barnsley 2014 prints its publication date; the 2023 report does not, so its PDF metadata is next.
    const sources = tempSources([
      { from: barnsley2014, folder: "80426_barnsley", name: "a - 01 january 2099.pdf" },
      { from: barnsley2023, folder: "80426_barnsley", name: "b - 01 january 2099.pdf" },
    ]);
    const result = await ingest({ sourcesDir: sources, cacheDir: cache(), outDir: null, workers: 0 });
    expect(result.inspections.map((i) => [i.source_file, i.published_date])).toEqual([
      ["80426_barnsley/a - 01 january 2099.pdf", "2014-08-08"],
      ["80426_barnsley/b - 01 january 2099.pdf", "2023-10-26"],
    ]);
    expect(result.accounting[1]!.reason).toBe("published date 2023-10-26 taken from the PDF metadata: the file name date 2099-01-01 is in the future");
  });

  it("symbolic links are accounted for: a link to a PDF is read, a broken link is quarantined, a link to a folder is not followed", async () => {
    const sources = tempSources([{ from: barnsley2014, folder: "80426_barnsley" }]);
    const dir = path.join(sources, "80426_barnsley");
    fs.symlinkSync(barnsley2023, path.join(dir, "linked.pdf"));
    fs.symlinkSync(path.join(dir, "gone.pdf"), path.join(dir, "broken.pdf"));
    fs.symlinkSync(sources, path.join(dir, "loop"));
    const result = await ingest({ sourcesDir: sources, cacheDir: cache(), outDir: null, workers: 0 });
    expect(result.files).toBe(4);
    expect(result.accounting.map((a) => [a.source_file, a.outcome, a.kind])).toEqual([
      ["80426_barnsley/children's services inspection - 08 august 2014.pdf", "ingested", "SIF standard + LSCB review"],
      ["80426_barnsley/linked.pdf", "ingested", expect.stringMatching(/^ILACS/)],
      ["80426_barnsley/broken.pdf", "quarantined", "broken link"],
      ["80426_barnsley/loop", "out_of_scope", "link to a folder"],
    ]);
  });
});

describeWithCorpus("report links", () => {
  it("a javascript: link in the report-link file is not taken; the Ofsted links beside it are", async () => {
    const sources = barnsleySources();
    const links = path.join(sources, "d2i-ilacs-history.csv");
    const text = fs.readFileSync(links, "utf8");
    const line = text.split("\n").find((l) => l.includes("children's services inspection - 27 october 2023.pdf") && l.includes("barnsley"))!;
    fs.writeFileSync(links, text.replace(line, line.replace(/https:\/\/files\.ofsted\.gov\.uk\/[^,]+/, "javascript:alert(document.cookie)")));
    const result = await ingest({ sourcesDir: sources, cacheDir: cache(), outDir: null, workers: 0 });
    const url = (id: string) => result.inspections.find((i) => i.inspection_id === id)!.report_url;
    expect(url("370-ilacs-2023-10-27")).toBeNull();
    expect(url("370-ilacs-2018-11-19")).toMatch(/^https:\/\/files\.ofsted\.gov\.uk\//);
  });
});

describeWithCorpus("re-runs keep what earlier runs read", () => {
  it("a truncated re-download over a good file keeps its inspection, says so, and the command exits non-zero; --allow-drops drops it", async () => {
    const sources = barnsleySources();
    const out = tempDir("out");
    const cacheDir = cache();
    await ingest({ sourcesDir: sources, cacheDir, outDir: out, workers: 0 });
    const good = read(out);
    const file = path.join(sources, folder, path.basename(barnsley2018));
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length >> 1));

    const run = cli(["--sources", sources, "--out", out, "--cache", cacheDir, "--workers", "0"]);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain(`their rows were KEPT (run ingest with --allow-drops to drop them):\n  ${folder}/children's services inspection - 19 november 2018.pdf: now quarantined: truncated PDF`);
    const after = read(out);
    expect(after.inspections).toEqual(good.inspections);
    expect(after.judgements).toEqual(good.judgements);
    expect(after.accounting.find((a) => a.source_file.endsWith("19 november 2018.pdf"))!.reason).toMatch(/^kept from an earlier run: the file now reads as quarantined \(truncated PDF/);

    const drop = await ingest({ sourcesDir: sources, cacheDir, outDir: out, workers: 0, allowDrops: true });
    expect(drop.lost).toEqual([{ source_file: `${folder}/children's services inspection - 19 november 2018.pdf`, now: "quarantined" }]);
    expect(read(out).inspections.map((i) => i.inspection_id)).toEqual(["370-ilacs-2023-10-27", "370-sif-2014-08-08"]);
  });

  it("ids and report links are stable: a re-run without the link file keeps the links; a copy under another name keeps the id", async () => {
    const out = tempDir("out");
    const cacheDir = cache();
    await ingest({ sourcesDir: barnsleySources(), cacheDir, outDir: out, workers: 0 });
    const first = read(out).inspections;
    expect(first.filter((i) => i.report_url).length).toBe(3);

    await ingest({ sourcesDir: barnsleySources(false), cacheDir, outDir: out, workers: 0 });
    expect(read(out).inspections).toEqual(first);

    // The 2014 report saved under another name, in a folder of its own, while data/ still holds the original path.
    const renamed = tempSources([{ from: barnsley2014, folder, name: "barnsley-sif.pdf" }]);
    await ingest({ sourcesDir: renamed, cacheDir, outDir: out, workers: 0 });
    const rows = read(out).inspections;
    expect(rows.map((i) => i.inspection_id)).toEqual(first.map((i) => i.inspection_id));
    expect(rows.find((i) => i.inspection_id === "370-sif-2014-08-08")).toMatchObject({ source_file: `${folder}/barnsley-sif.pdf`, report_url: first.find((i) => i.inspection_id === "370-sif-2014-08-08")!.report_url });
  });
});

describeWithCorpus("the three CSVs are written as a set", () => {
  it("a write interrupted between renames is detectable and the next run completes it; no temp file is left", async () => {
    const cacheDir = cache();
    const full = tempDir("full");
    await ingest({ sourcesDir: barnsleySources(), cacheDir, outDir: full, workers: 0 });
    const out = tempDir("out");
    await ingest({ sourcesDir: tempSources([{ from: barnsley2014, folder }]), cacheDir, outDir: out, workers: 0 });
    // The writer replaces inspections.csv, then cannot replace judgements.csv (a folder stands in its way).
    fs.rmSync(path.join(out, OUTPUT_FILES.judgements));
    fs.mkdirSync(path.join(out, OUTPUT_FILES.judgements, "obstacle"), { recursive: true });
    const set = Object.values(OUTPUT_FILES).map((file) => ({ file, text: fs.readFileSync(path.join(full, file), "utf8") }));
    expect(() => writeCsvSet(out, set.map(({ file, text }) => ({ file, ...rowsOf(text) })))).toThrow(/judgements\.csv: the new file could not be put in place/);
    fs.rmSync(path.join(out, OUTPUT_FILES.judgements), { recursive: true });
    expect(fs.existsSync(path.join(out, CSV_SET_JOURNAL))).toBe(true);
    // Readers (the warehouse build reads every CSV with readCsv first) refuse the unfinished set.
    expect(() => readCsv(path.join(out, OUTPUT_FILES.inspections), inspection)).toThrow(/inspections\.csv: a write of inspections\.csv, judgements\.csv, ingest-accounting\.csv as a set was interrupted/);

    const result = await ingest({ sourcesDir: barnsleySources(), cacheDir, outDir: out, workers: 0 });
    expect(result.repaired).toEqual([`${OUTPUT_FILES.judgements}: completed an interrupted write`, `${OUTPUT_FILES.accounting}: completed an interrupted write`]);
    expect(read(out)).toEqual(read(full));
    expect(fs.readdirSync(out).sort()).toEqual(Object.values(OUTPUT_FILES).sort());
  });

  it("temp files of a writer that died before its set was complete are removed and the old set stands", async () => {
    const out = tempDir("out");
    const cacheDir = cache();
    await ingest({ sourcesDir: tempSources([{ from: barnsley2014, folder }]), cacheDir, outDir: out, workers: 0 });
    const before = Object.fromEntries(Object.values(OUTPUT_FILES).map((f) => [f, fs.readFileSync(path.join(out, f), "utf8")]));
    // A process that has exited: its pid names its temp file, as writeCsvSet names them.
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    fs.writeFileSync(path.join(out, `${OUTPUT_FILES.inspections}.${dead}-1.tmp`), "inspection_id\nhalf-writ");
    const result = await ingest({ sourcesDir: tempSources([{ from: barnsley2014, folder }]), cacheDir, outDir: out, workers: 0 });
    expect(result.repaired).toEqual([`${OUTPUT_FILES.inspections}.${dead}-1.tmp: removed a temp file left by an interrupted write`]);
    for (const f of Object.values(OUTPUT_FILES)) expect(fs.readFileSync(path.join(out, f), "utf8")).toBe(before[f]);
    expect(fs.readdirSync(out).sort()).toEqual(Object.values(OUTPUT_FILES).sort());
  });
});
