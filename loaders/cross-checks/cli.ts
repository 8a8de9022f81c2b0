/** npx tsx loaders/cross-checks/cli.ts [--data <dir>] [--sources <dir>]: compare our rows with the scrape, Annex 1 and the national figures. */
import path from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../../lib/csv.ts";
import { dataDir, projectRoot, sourcesDir } from "../../lib/paths.ts";
import { checkVerdicts } from "./d2i.ts";
import { checkKentVerdicts } from "./kent.ts";
import { crossCheckOutputs, runCrossChecks } from "./report.ts";

const { values } = parseArgs({ options: { data: { type: "string" }, sources: { type: "string" } } });
try {
  const checks = await runCrossChecks({
    dataDir: path.resolve(values.data ?? dataDir),
    sourcesDir: path.resolve(values.sources ?? sourcesDir()),
  });
  for (const [file, text] of Object.entries(crossCheckOutputs(checks))) writeFileAtomic(path.join(projectRoot, file), text);

  const grades = checks.d2iSummary.find((r) => r.field === "all ILACS grades")!;
  const all = checks.d2iSummary.find((r) => r.field === "all fields")!;
  const d2i = checkVerdicts(checks.d2i.comparisons, checks.d2iVerdicts);
  const kent = checkKentVerdicts(checks.kent.fields, checks.kentVerdicts);
  console.log(`d2i: ILACS grades ${grades.agreements}/${grades.compared} agree (${grades.label_only} label only); all fields ${all.agreements}/${all.compared}`);
  console.log(`     disagreements ${all.disagreements}: theirs wrong ${all.theirs_wrong}, ambiguous ${all.ambiguous}; ours wrong, fixed ${all.ours_wrong_fixed}`);
  console.log(`kent: ${checks.kent.rows.filter((r) => r.status === "agrees").length}/${checks.kent.rows.length} Annex 1 rows agree; ${checks.kentVerdicts.length} explained`);
  console.log(`national: ${checks.national.filter((n) => n.agrees).length}/${checks.national.length} SIF figures agree`);
  const problems = [
    ...d2i.withoutVerdict.map((c) => `d2i disagreement without a verdict: ${c.source_file} ${c.field} (theirs "${c.theirs}", ours "${c.ours}")`),
    ...d2i.stale.map((v) => `stale d2i verdict: ${v.source_file} ${v.field}`),
    ...d2i.unfixed.map((v) => `d2i ours_wrong_fixed still disagrees: ${v.source_file} ${v.field}`),
    ...kent.withoutVerdict.map((f) => `Annex 1 disagreement without a verdict: row ${f.annex_row} ${f.authority} ${f.field} (paper "${f.paper}", ours "${f.ours}")`),
    ...kent.stale.map((v) => `stale Annex 1 verdict: row ${v.annex_row} ${v.field}`),
    ...kent.unfixed.map((v) => `Annex 1 ours_wrong_fixed still disagrees: row ${v.annex_row} ${v.field}`),
  ];
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exitCode = 1;
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
