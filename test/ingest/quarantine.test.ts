import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { readCsv } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { OUTPUT_FILES, ingest } from "../../loaders/reports/ingest.ts";
import { accounting } from "../../schema/canonical.ts";
import { describeWithCorpus } from "../support/sources.ts";
import { minimalPdf, parseFile, report, tempDir, tempSources } from "./support.ts";

const barnsley = report("80426_barnsley/children's services inspection - 08 august 2014.pdf");
const htmlAsPdf = report("80429_birmingham/children's services inspection - 19 october 2012.pdf");

describeWithCorpus("bad input is quarantined with a reason and leaves existing output alone", () => {
  const cacheDir = tempDir("cache");
  let seeded: string;
  const before: Record<string, string> = {};

  // An output folder that already holds one ingested report.
  beforeAll(async () => {
    seeded = tempDir("out");
    await ingest({ sourcesDir: tempSources([{ from: barnsley, folder: "80426_barnsley" }]), cacheDir, outDir: seeded, workers: 0 });
    for (const f of Object.values(OUTPUT_FILES)) before[f] = fs.readFileSync(path.join(seeded, f), "utf8");
    expect(before[OUTPUT_FILES.inspections]).toContain("370-sif-2014-08-08");
  });

  /** Ingest `sources` into a copy of the seeded output; return this run's accounting row and check nothing else changed. */
  async function runBad(sources: string, opts: { authoritiesFile?: string } = {}) {
    const out = tempDir("out");
    for (const f of Object.values(OUTPUT_FILES)) fs.copyFileSync(path.join(seeded, f), path.join(out, f));
    const result = await ingest({ sourcesDir: sources, cacheDir, outDir: out, workers: 0, ...opts });
    expect(result.accounting).toHaveLength(1);
    expect(fs.readFileSync(path.join(out, OUTPUT_FILES.inspections), "utf8")).toBe(before[OUTPUT_FILES.inspections]);
    expect(fs.readFileSync(path.join(out, OUTPUT_FILES.judgements), "utf8")).toBe(before[OUTPUT_FILES.judgements]);
    const acct = readCsv(path.join(out, OUTPUT_FILES.accounting), accounting);
    expect(acct.map((a) => a.outcome).sort()).toEqual(["ingested", result.accounting[0]!.outcome].sort());
    return result.accounting[0]!;
  }

  it("a real HTML error page saved as .pdf (Birmingham, October 2012)", async () => {
    const row = await runBad(tempSources([{ from: htmlAsPdf, folder: "80429_birmingham" }]));
    expect(row).toMatchObject({ outcome: "quarantined", kind: "not a PDF", reason: "not a PDF: the file is an HTML page" });
  });

  it("a truncated PDF (the first half of a real report)", async () => {
    const dir = tempDir("sources");
    fs.mkdirSync(path.join(dir, "80426_barnsley"));
    const bytes = fs.readFileSync(barnsley);
    fs.writeFileSync(path.join(dir, "80426_barnsley", "truncated.pdf"), bytes.subarray(0, bytes.length >> 1));
    const row = await runBad(dir);
    expect(row).toMatchObject({ outcome: "quarantined", source_file: "80426_barnsley/truncated.pdf" });
    expect(row.reason).toMatch(/^truncated PDF/);
  });

  it("an authority that neither the title nor the folder identifies", async () => {
    // A real report whose authority is missing from the authorities file, in a folder naming no authority.
    const authorities = path.join(tempDir("authorities"), "authorities.csv");
    const [header, ...rows] = fs.readFileSync(path.join(dataDir, "authorities.csv"), "utf8").trimEnd().split("\n");
    fs.writeFileSync(authorities, [header, ...rows.filter((r) => !r.startsWith("370,"))].join("\n") + "\n");
    const row = await runBad(tempSources([{ from: barnsley, folder: "99999_atlantis" }]), { authoritiesFile: authorities });
    expect(row.outcome).toBe("quarantined");
    expect(row.reason).toBe(
      'unknown authority: neither the title name "Metropolitan Borough of Barnsley Council" nor the folder "99999_atlantis" matches data/authorities.csv as at 2014-06-02',
    );
  });

  it("a title and folder naming different authorities", async () => {
    const row = await runBad(tempSources([{ from: barnsley, folder: "80549_sandwell" }]));
    expect(row.outcome).toBe("quarantined");
    expect(row.reason).toMatch(/^authority mismatch: the title names "Metropolitan Borough of Barnsley Council" \(370 Barnsley\) but the folder "80549_sandwell" is 333 Sandwell/);
  });

  it("the title identifies the authority when the folder names none (a user's own download folder)", async () => {
    const o = await parseFile(path.join(tempSources([{ from: barnsley, folder: "99999_atlantis" }]), "99999_atlantis", path.basename(barnsley)));
    expect(o.outcome).toBe("ingested");
    expect(o.report!.laCode).toBe("370");
  });

  it("an ungraded document is out of scope with its reason (the corpus has none: a one-page letter made here)", async () => {
    const dir = tempDir("sources");
    fs.mkdirSync(path.join(dir, "80426_barnsley"));
    fs.writeFileSync(
      path.join(dir, "80426_barnsley", "letter.pdf"),
      minimalPdf(["Monitoring visit to Barnsley local authority children's services", "Inspection dates: 1 to 2 March 2022"]),
    );
    const row = await runBad(dir);
    expect(row).toMatchObject({ outcome: "out_of_scope", kind: "monitoring visit", reason: "monitoring visit letter: no graded judgements" });
  });
});
