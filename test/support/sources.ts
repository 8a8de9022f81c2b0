import fs from "node:fs";
import path from "node:path";
import { describe } from "vitest";
import { sourcesDir } from "../../lib/paths.ts";

/**
 * Tests that need the raw published corpus run only where it is present (DESIGN.md section 5).
 * With REQUIRE_SOURCES=1 (CI) a missing corpus is a failure, not a skip.
 */
export const corpusDir = sourcesDir();
export const hasCorpus = fs.existsSync(path.join(corpusDir, "ofsted-reports"));

if (!hasCorpus && process.env.REQUIRE_SOURCES === "1") {
  throw new Error(`REQUIRE_SOURCES=1 but the published corpus is not at ${corpusDir} (set OFSTED_SOURCES)`);
}
if (!hasCorpus) {
  console.warn(`corpus not found at ${corpusDir}: tests that need it are skipped (set OFSTED_SOURCES)`);
}

export const describeWithCorpus = hasCorpus ? describe : describe.skip;

import { projectRoot } from "../../lib/paths.ts";

/**
 * The five seed documents (DESIGN.md section 5): ../shared/seeds beside the project, or OFSTED_SEEDS.
 * Tests that quote them skip without them; REQUIRE_SOURCES=1 makes that a failure.
 */
export const seedsDir = path.resolve(process.env.OFSTED_SEEDS ?? path.join(projectRoot, "..", "shared", "seeds"));
export const hasSeeds =
  fs.existsSync(seedsDir) && ["000", "001", "002", "003", "004"].every((n) => fs.readdirSync(seedsDir).some((f) => f.startsWith(`${n}_`)));

if (!hasSeeds && process.env.REQUIRE_SOURCES === "1") {
  throw new Error(`REQUIRE_SOURCES=1 but the seed documents are not at ${seedsDir} (set OFSTED_SEEDS)`);
}
if (!hasSeeds) {
  console.warn(`seeds not found at ${seedsDir}: tests that need them are skipped (set OFSTED_SEEDS)`);
}

export const describeWithSeeds = hasSeeds ? describe : describe.skip;

/** Full text of seed "000".."004" (the file whose name starts with that number). */
export function seedText(n: string): string {
  const file = fs.readdirSync(seedsDir).find((f) => f.startsWith(`${n}_`) && f.endsWith(".txt"));
  if (!file) throw new Error(`seed ${n} not found in ${seedsDir}`);
  return fs.readFileSync(path.join(seedsDir, file), "utf8");
}
