// Every authority profile in one archive, from one read of the warehouse: the pages read
// profiles/<la_code>.json, and on another date profiles/<la_code>-history.json and
// profiles/distribution.json, out of it; the search page reads profiles/directory.json. The site
// build runs this loader once instead of once per authority. A zip (unlike a tar) lets Framework
// inflate one member without reading the others.
import { zipFiles } from "../../../lib/zip.ts";
import { openWarehouse } from "../../../warehouse/cached.ts";
import { profileDocuments } from "./documents.ts";

const wh = await openWarehouse();
try {
  const { profiles, histories, distribution, directory } = await profileDocuments(wh);
  const files: [string, string][] = [...profiles].map(([la, doc]) => [`${la}.json`, JSON.stringify(doc)]);
  for (const [la, history] of histories) files.push([`${la}-history.json`, JSON.stringify(history)]);
  files.push(["distribution.json", JSON.stringify(distribution)], ["directory.json", JSON.stringify(directory)]);
  process.stdout.write(await zipFiles(files));
} finally {
  wh.close();
}
