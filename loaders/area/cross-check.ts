// npx tsx loaders/area/cross-check.ts: write data/cross-checks/area-report-vs-official.csv, every
// SIF report figure that the official series also has, with the verdict of view area_cross_check
// (warehouse/sql/views/71_area_cross_check.sql), and print the agreement by measure.
import path from "node:path";
import { writeCsvAtomic } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { buildWarehouse } from "../../warehouse/build.ts";

export const CROSS_CHECK_FILE = path.join("cross-checks", "area-report-vs-official.csv");
const COLUMNS = ["la_code", "measure", "as_at", "report_value", "official_value", "difference", "verdict", "inspection_id", "published_date", "report_page", "quote", "official_source", "official_release", "official_locator"];

const wh = await buildWarehouse({ dataDir });
try {
  const rows = await wh.query<Record<string, string | number | null>>(
    `SELECT la_code, measure, CAST(as_at AS VARCHAR) AS as_at, report_value, official_value, round(difference, 1) AS difference, verdict, inspection_id,
            CAST(published_date AS VARCHAR) AS published_date, report_page, quote, official_source, official_release, official_locator
     FROM area_cross_check ORDER BY la_code, measure, as_at, inspection_id`,
  );
  writeCsvAtomic(path.join(dataDir, CROSS_CHECK_FILE), rows, COLUMNS);
  const summary = await wh.query(`SELECT measure, verdict, count(*) AS n FROM area_cross_check GROUP BY ALL ORDER BY measure, n DESC`);
  for (const s of summary) console.log(`${s.measure}\t${s.verdict}\t${s.n}`);
} finally {
  wh.close();
}
