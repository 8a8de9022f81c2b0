// The national, benchmarking, scheduling and themes pages' data, one archive from one read of the
// warehouse (each module in src/data/site/ is one query): pages read data/site/<name>.json out of it,
// so the site build starts one loader process instead of one per file.
import fs from "node:fs";
import path from "node:path";
import { zipFiles } from "../../lib/zip.ts";
import type { SiteFile } from "../../warehouse/print.ts";
import { openWarehouse } from "../../warehouse/cached.ts";

const dir = path.join(import.meta.dirname, "site");

const wh = await openWarehouse();
try {
  const files: [string, string][] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
    const { default: siteFile } = (await import(path.join(dir, file))) as { default: SiteFile };
    files.push(...Object.entries(await siteFile(wh, path.basename(file, ".ts"))));
  }
  process.stdout.write(await zipFiles(files));
} finally {
  wh.close();
}
