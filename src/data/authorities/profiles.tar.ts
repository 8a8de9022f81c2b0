// Every authority profile in one archive, from one warehouse build: the pages read
// profiles/<la_code>.json, profiles/shared.json and profiles/directory.json out of it, so the site
// build runs this loader once instead of once per authority.
import { buildWarehouse } from "../../../warehouse/build.ts";
import { profileDocuments } from "./documents.ts";
import { tar } from "./tar.ts";

const wh = await buildWarehouse();
try {
  const { profiles, shared, directory } = await profileDocuments(wh);
  const files = [
    ...[...profiles].map(([la, doc]) => ({ name: `${la}.json`, text: JSON.stringify(doc) })),
    { name: "shared.json", text: JSON.stringify(shared) },
    { name: "directory.json", text: JSON.stringify(directory) },
  ];
  process.stdout.write(tar(files));
} finally {
  wh.close();
}
