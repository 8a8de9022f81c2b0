import type { IngestResult } from "./ingest.ts";

const count = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The end-of-run summary: files by outcome and kind, judgements by framework and code, every quarantined file. */
export function formatSummary(r: IngestResult): string {
  const out: string[] = [];
  const t = r.timings;
  out.push(`${r.files} files (${r.cacheHits} from cache, ${r.extracted} extracted) in ${secs(t.totalMs)}: extract ${secs(t.extractMs)}, parse ${secs(t.parseMs)}, write ${secs(t.writeMs)}`);
  out.push("files by kind:");
  for (const [outcome, n] of count(r.accounting, (a) => a.outcome)) {
    const kinds = count(r.accounting.filter((a) => a.outcome === outcome), (a) => a.kind);
    out.push(`  ${outcome} ${n}: ${kinds.map(([k, c]) => `${k} ${c}`).join(", ")}`);
  }
  const framework = new Map(r.inspections.map((i) => [i.inspection_id, i.framework]));
  out.push(`judgements: ${r.judgements.length} in ${r.inspections.length} inspections`);
  for (const [fw, n] of count(r.judgements, (j) => framework.get(j.inspection_id)!)) {
    const codes = count(r.judgements.filter((j) => framework.get(j.inspection_id) === fw), (j) => j.judgement_code);
    out.push(`  ${fw} ${n}: ${codes.map(([c, k]) => `${c} ${k}`).join(", ")}`);
  }
  const quarantined = r.accounting.filter((a) => a.outcome === "quarantined");
  if (quarantined.length > 0) {
    out.push("quarantined:");
    for (const q of quarantined) out.push(`  ${q.source_file}: ${q.reason}`);
  }
  if (r.repaired.length > 0) {
    out.push("repaired what an interrupted earlier write left:");
    for (const x of r.repaired) out.push(`  ${x}`);
  }
  if (r.kept.length > 0) {
    out.push(`previously ingested, now not: their rows were KEPT (run ingest with --allow-drops to drop them):`);
    for (const k of r.kept) out.push(`  ${k.source_file}: now ${k.now}${k.reason ? `: ${k.reason}` : ""}`);
  }
  if (r.lost.length > 0) {
    out.push(`previously ingested, now not (their rows were dropped, as --allow-drops asked):`);
    for (const l of r.lost) out.push(`  ${l.source_file}: now ${l.now}`);
  }
  if (r.written) out.push(`wrote ${r.written.inspections} inspections, ${r.written.judgements} judgements, ${r.written.accounting} accounting rows`);
  return out.join("\n");
}
