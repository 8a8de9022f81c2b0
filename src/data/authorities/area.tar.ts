// "The area" of every profiled authority in one archive (area/<la_code>.json), from one warehouse
// build; a separate file from the profile's so that each stays small (views 70_area_statistics.sql).
import { buildWarehouse } from "../../../warehouse/build.ts";
import { areaDocuments } from "./area.ts";
import { tar } from "./tar.ts";

const wh = await buildWarehouse();
try {
  const areas = await areaDocuments(wh);
  const profiled = new Set((await wh.query<{ la_code: string }>(`SELECT la_code FROM profiled_authorities`)).map((r) => r.la_code));
  const files = [...areas].filter(([la]) => profiled.has(la)).map(([la, doc]) => ({ name: `${la}.json`, text: JSON.stringify(doc) }));
  process.stdout.write(tar(files));
} finally {
  wh.close();
}
