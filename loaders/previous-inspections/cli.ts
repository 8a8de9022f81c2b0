/** npx tsx loaders/previous-inspections/cli.ts [--data <dir>] [--sources <dir>]: read earlier SLAC, CPI and LAC outcomes from later reports. */
import path from "node:path";
import { parseArgs } from "node:util";
import { writeCsvAtomic } from "../../lib/csv.ts";
import { dataDir, sourcesDir } from "../../lib/paths.ts";
import { statedAccounting, statedInspection, statedJudgement, statedStatement } from "../../schema/stated.ts";
import { buildWarehouse } from "../../warehouse/build.ts";
import { readStatedInspections } from "./run.ts";

const { values } = parseArgs({ options: { data: { type: "string" }, sources: { type: "string" } } });
try {
  const dir = path.resolve(values.data ?? dataDir);
  const out = await readStatedInspections({
    dataDir: dir,
    referenceDir: path.join(dir, "reference"),
    sourcesDir: path.resolve(values.sources ?? sourcesDir()),
  });
  const columns = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);
  writeCsvAtomic(path.join(dir, "stated-inspections.csv"), out.inspections, columns(statedInspection));
  writeCsvAtomic(path.join(dir, "stated-judgements.csv"), out.judgements, columns(statedJudgement));
  writeCsvAtomic(path.join(dir, "stated-statements.csv"), out.statements, columns(statedStatement));
  writeCsvAtomic(path.join(dir, "stated-accounting.csv"), out.accounting, columns(statedAccounting));

  const count = <T>(rows: T[], f: (r: T) => string) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(f(r), (m.get(f(r)) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${n}  ${k}`).join("\n");
  };
  console.log(`reports read: ${out.accounting.length}\n${count(out.accounting, (a) => `${a.framework} ${a.outcome}`)}`);
  console.log(`claims by wording pattern:\n${count(out.statements, (s) => s.pattern)}`);
  console.log(`claims by outcome:\n${count(out.statements, (s) => s.outcome)}`);
  console.log(`stated inspections: ${out.inspections.length}\n${count(out.inspections, (i) => `${i.framework} (${i.date_precision})`)}`);
  const las = (codes: string[]) => new Set(out.judgements.filter((j) => codes.includes(j.judgement_code)).map((j) => j.inspection_id.slice(0, 3))).size;
  console.log(`authorities with a safeguarding outcome (SLAC or CPI): ${las(["slac_sg_overall", "cpi_overall"])}; with a looked-after outcome (SLAC): ${las(["slac_lac_overall"])}`);
  // The comparison with the published national figures is the warehouse's view (one definition).
  const wh = await buildWarehouse({ dataDir: dir });
  try {
    const comparison = await wh.query<Record<string, string | number>>("SELECT * FROM stated_published_check");
    writeCsvAtomic(path.join(dir, "cross-checks", "stated-slac-comparison.csv"), comparison, [
      "publication", "framework", "element", "period", "grade", "published", "ours", "ours_year_only", "source",
    ]);
    for (const r of comparison) console.log(`${r.publication} ${r.framework} ${r.element} ${r.grade}: published ${r.published}, ours ${r.ours} (+${r.ours_year_only} year only)`);
  } finally {
    wh.close();
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
