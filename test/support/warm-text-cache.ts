import fs from "node:fs";
import path from "node:path";
import { sourcesDir } from "../../lib/paths.ts";
import { ingest } from "../../loaders/reports/ingest.ts";

/**
 * Vitest global setup: extract the corpus's text once, on both cores, before the test files run in
 * parallel, so that on a cold machine (CI) they share one extraction instead of each doing its own.
 */
export default async function warmTextCache(): Promise<void> {
  const dir = sourcesDir();
  if (!fs.existsSync(path.join(dir, "ofsted-reports"))) return;
  const t0 = performance.now();
  const result = await ingest({ sourcesDir: dir, outDir: null });
  console.log(`text cache: ${result.files} files, ${result.extracted} extracted, ${result.cacheHits} cached, ${Math.round(performance.now() - t0)} ms`);
}
