import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { readCsv, writeCsvAtomic } from "../../lib/csv.ts";
import { OUTPUT_FILES, ingest } from "../../loaders/reports/ingest.ts";
import { accounting, inspection, judgement } from "../../schema/canonical.ts";
import { corpusDir, describeWithCorpus } from "../support/sources.ts";
import { report, tempDir, tempSources } from "./support.ts";

const barnsley2014 = report("80426_barnsley/children's services inspection - 08 august 2014.pdf");
const barnsley2023 = report("80426_barnsley/children's services inspection - 27 october 2023.pdf");
const stHelens = report("80560_st helens/children's services inspection - 04 september 2023.pdf");

const read = (out: string) => ({
  inspections: readCsv(path.join(out, OUTPUT_FILES.inspections), inspection),
  judgements: readCsv(path.join(out, OUTPUT_FILES.judgements), judgement),
  accounting: readCsv(path.join(out, OUTPUT_FILES.accounting), accounting),
});

describeWithCorpus("ingest pipeline", () => {
  it("extracts on worker threads, writes all three files, and a warm run reads only the cache", async () => {
    const sources = tempSources([
      { from: barnsley2014, folder: "ofsted-reports/80426_barnsley" },
      { from: barnsley2023, folder: "ofsted-reports/80426_barnsley" },
    ]);
    fs.copyFileSync(path.join(corpusDir, "d2i-ilacs-history.csv"), path.join(sources, "d2i-ilacs-history.csv"));
    const cacheDir = tempDir("cache");
    const out = tempDir("out");
    const cold = await ingest({ sourcesDir: sources, cacheDir, outDir: out, workers: 2 });
    expect(cold).toMatchObject({ files: 2, extracted: 2, cacheHits: 0 });
    const rows = read(out);
    expect(rows.inspections.map((i) => i.inspection_id)).toEqual(["370-ilacs-2023-10-27", "370-sif-2014-08-08"]);
    expect(rows.inspections[0]).toMatchObject({
      source_file: "ofsted-reports/80426_barnsley/children's services inspection - 27 october 2023.pdf",
      report_url: expect.stringMatching(/^https:\/\/files\.ofsted\.gov\.uk\//),
    });
    expect(rows.judgements.find((j) => j.judgement_code === "sif_care_leavers")).toEqual({
      inspection_id: "370-sif-2014-08-08",
      judgement_code: "sif_care_leavers",
      grade_label: "Good",
      source: "ofsted-reports/80426_barnsley/children's services inspection - 08 august 2014.pdf p1",
    });
    expect(rows.accounting.map((a) => a.outcome)).toEqual(["ingested", "ingested"]);
    const warm = await ingest({ sourcesDir: sources, cacheDir, outDir: out, workers: 2 });
    expect(warm).toMatchObject({ extracted: 0, cacheHits: 2 });
    expect(read(out)).toEqual(rows);
  });

  it("a partial folder adds to what the output holds and keeps ids; a clashing id gets a suffix", async () => {
    const cacheDir = tempDir("cache");
    const out = tempDir("out");
    // An earlier row already holds Barnsley's SIF id, for another file about another inspection (other fieldwork dates).
    const other = { inspection_id: "370-sif-2014-08-08", la_code: "370", framework: "SIF", inspection_type: "standard", start_date: "2014-05-06", end_date: "2014-05-22", published_date: "2014-08-08", source_file: "elsewhere/barnsley.pdf", source_sha256: "0".repeat(64), report_url: "" };
    writeCsvAtomic(path.join(out, OUTPUT_FILES.inspections), [other], Object.keys(inspection.shape));
    writeCsvAtomic(path.join(out, OUTPUT_FILES.accounting), [{ source_file: other.source_file, source_sha256: other.source_sha256, outcome: "ingested", kind: "SIF standard", reason: "", inspection_id: other.inspection_id }], Object.keys(accounting.shape));

    await ingest({ sourcesDir: tempSources([{ from: barnsley2014, folder: "80426_barnsley" }]), cacheDir, outDir: out, workers: 0 });
    await ingest({ sourcesDir: tempSources([{ from: stHelens, folder: "80560_st helens" }]), cacheDir, outDir: out, workers: 0 });
    const rows = read(out);
    expect(rows.inspections.map((i) => i.inspection_id)).toEqual(["342-ilacs-2023-09-04", "370-sif-2014-08-08", "370-sif-2014-08-08-2"]);
    expect(rows.accounting.map((a) => a.source_file)).toEqual([
      "80426_barnsley/children's services inspection - 08 august 2014.pdf",
      "80560_st helens/children's services inspection - 04 september 2023.pdf",
      "elsewhere/barnsley.pdf",
    ]);
    expect(new Set(rows.judgements.map((j) => j.inspection_id))).toEqual(new Set(["342-ilacs-2023-09-04", "370-sif-2014-08-08-2"]));
  });

  it("the same content twice in one run is ingested once", async () => {
    const sources = tempSources([
      { from: barnsley2014, folder: "80426_barnsley" },
      { from: barnsley2014, folder: "80426_barnsley", name: "copy.pdf" },
    ]);
    const result = await ingest({ sourcesDir: sources, cacheDir: tempDir("cache"), outDir: null, workers: 0 });
    expect(result.inspections).toHaveLength(1);
    expect(result.accounting.find((a) => a.source_file === "80426_barnsley/copy.pdf")).toMatchObject({
      outcome: "out_of_scope",
      kind: "duplicate file",
      reason: "same content as 80426_barnsley/children's services inspection - 08 august 2014.pdf",
    });
  });
});
