// Every authority profile in one archive, from one read of the warehouse: the pages read
// profiles/<la_code>.json, profiles/shared.json and profiles/directory.json out of it, so the site
// build runs this loader once instead of once per authority. A zip (unlike a tar) lets Framework
// inflate one member without reading the others.
import { zipFiles } from "../../../lib/zip.ts";
import { openWarehouse } from "../../../warehouse/cached.ts";
import { profileDocuments } from "./documents.ts";

const wh = await openWarehouse();
try {
  const { profiles, shared, directory } = await profileDocuments(wh);
  const files: [string, string][] = [...profiles].map(([la, doc]) => [`${la}.json`, JSON.stringify(doc)]);
  files.push(["shared.json", JSON.stringify(shared)], ["directory.json", JSON.stringify(directory)]);
  process.stdout.write(await zipFiles(files));
} finally {
  wh.close();
}
