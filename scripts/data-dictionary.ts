// Write docs/warehouse-views.md from the built warehouse (see warehouse/dictionary.ts).
import path from "node:path";
import { writeFileAtomic } from "../lib/csv.ts";
import { projectRoot } from "../lib/paths.ts";
import { openWarehouse } from "../warehouse/cached.ts";
import { dataDictionary } from "../warehouse/dictionary.ts";

const wh = await openWarehouse();
try {
  const file = path.join(projectRoot, "docs", "warehouse-views.md");
  writeFileAtomic(file, await dataDictionary(wh));
  console.log(`wrote ${path.relative(projectRoot, file)}`);
} finally {
  wh.close();
}
