import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { readCsv } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { type IngestResult, OUTPUT_FILES, ingest } from "../../loaders/reports/ingest.ts";
import { accounting, inspection, judgement } from "../../schema/canonical.ts";
import { corpusDir, describeWithCorpus } from "../support/sources.ts";

/** Graded judgements a complete report of each framework carries (ILACS: care leavers apart from 2023). */
const EXPECTED: Record<string, (codes: string[]) => boolean> = {
  SIF: (c) => ["sif_overall", "sif_help_protection", "sif_children_looked_after", "sif_adoption", "sif_care_leavers", "sif_leadership"].every((x) => c.includes(x)),
  SIF_LSCB: (c) => c.includes("sif_lscb"),
  ILACS: (c) => ["ilacs_overall", "ilacs_leaders", "ilacs_help_protection", "ilacs_children_in_care"].every((x) => c.includes(x)),
  ILACS_2026: (c) => ["ilacs26_leaders", "ilacs26_help_protection", "ilacs26_children_in_care", "ilacs26_care_leavers"].every((x) => c.includes(x)),
  LAC: (c) => c.length === 5,
};

// Uses the project's text cache: seconds when warm, a few minutes on a cold CI machine.
describeWithCorpus("the whole published corpus", () => {
  let result: IngestResult;

  it("accounts for every file once and ingests at least 99% of the graded reports in full", { timeout: 900_000 }, async () => {
    result = await ingest({ sourcesDir: corpusDir, outDir: null });
    const files = fs.readdirSync(path.join(corpusDir, "ofsted-reports")).flatMap((d) => fs.readdirSync(path.join(corpusDir, "ofsted-reports", d)));
    expect(result.accounting).toHaveLength(files.length);
    expect(new Set(result.accounting.map((a) => a.source_file)).size).toBe(files.length);
    for (const a of result.accounting.filter((x) => x.outcome !== "ingested")) expect(a.reason, a.source_file).toBeTruthy();

    const codes = new Map<string, string[]>();
    for (const j of result.judgements) codes.set(j.inspection_id, [...(codes.get(j.inspection_id) ?? []), j.judgement_code]);
    const complete = result.inspections.filter((i) => EXPECTED[i.framework]?.(codes.get(i.inspection_id) ?? []));
    const graded = result.accounting.filter((a) => a.outcome === "ingested" || (a.outcome === "quarantined" && a.kind !== "not a PDF"));
    expect(complete.length / graded.length).toBeGreaterThanOrEqual(0.99);
    // The corpus's four 2012 files are saved "Report not found" pages.
    expect(result.accounting.filter((a) => a.kind === "not a PDF")).toHaveLength(4);
  });

  it("the committed data/ is what ingest produces from the corpus (re-run `npm run ingest` if not)", () => {
    const committed = path.join(dataDir, OUTPUT_FILES.inspections);
    const byId = <T extends { inspection_id: string | null }>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(byId(readCsv(committed, inspection))).toEqual(byId(result.inspections));
    expect(byId(readCsv(path.join(dataDir, OUTPUT_FILES.judgements), judgement))).toEqual(byId(result.judgements));
    expect(byId(readCsv(path.join(dataDir, OUTPUT_FILES.accounting), accounting))).toEqual(byId(result.accounting));
  });
});
