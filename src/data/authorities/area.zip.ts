// "The area" of every profiled authority in one archive (area/<la_code>.json), from one read of the
// warehouse; a separate file from the profile's so that each stays small (views 70_area_statistics.sql).
import { zipFiles } from "../../../lib/zip.ts";
import { openWarehouse } from "../../../warehouse/cached.ts";
import { areaDocuments } from "./area.ts";

const wh = await openWarehouse();
try {
  const areas = await areaDocuments(wh);
  const profiled = new Set((await wh.query<{ la_code: string }>(`SELECT la_code FROM profiled_authorities`)).map((r) => r.la_code));
  const files: [string, string][] = [...areas].filter(([la]) => profiled.has(la)).map(([la, doc]) => [`${la}.json`, JSON.stringify(doc)]);
  process.stdout.write(await zipFiles(files));
} finally {
  wh.close();
}
