import { DuckDBInstance } from "@duckdb/node-api";
import { asAtOfYear, cellValue, ENGLAND, existedOn, regionCodes, sourceFile, type AreaContext, type AreaRow } from "./common.ts";

const FILE = "lait/bds_long_0.parquet";

/**
 * LAIT's big data set (Parquet, read by DuckDB): the catalogue's measures whose official_code names
 * a LAIT code, for every authority on the years it existed, every region and England. A cell LAIT
 * prints as "-" is kept as that code; years before an authority existed or after it was replaced are
 * not figures about it and are left out (counted in `notApplicable`).
 */
export async function readLait(ctx: AreaContext): Promise<{ rows: AreaRow[]; notApplicable: number }> {
  const { path: file, source } = sourceFile(ctx, FILE);
  const codes = new Map<string, (typeof ctx.measures)[number]>();
  for (const m of ctx.measures) {
    const code = /LAIT (\S+?)(;|$)/.exec(m.official_code ?? "")?.[1];
    if (code) codes.set(code, m);
  }
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  let raw: Record<string, unknown>[];
  try {
    const list = [...codes.keys()].map((c) => `'${c.replaceAll("'", "''")}'`).join(", ");
    // the file's own row number (0-based, DuckDB's file_row_number) is the locator back into it
    const reader = await con.runAndReadAll(
      `SELECT * FROM (
         SELECT file_row_number AS file_row, "Short Desc" AS code, Years AS year, "LA and Regions" AS name,
                "Values" AS value, CAST("LA Number" AS INTEGER) AS la_number, Region AS region
         FROM read_parquet('${file.replaceAll("'", "''")}', file_row_number = true))
       WHERE code IN (${list})`,
    );
    raw = reader.getRowObjectsJS();
  } finally {
    con.closeSync();
    db.closeSync();
  }
  const authorities = new Map(ctx.authorities.map((a) => [a.la_code, a]));
  const regions = regionCodes(ctx.authorities);
  const rows: AreaRow[] = [];
  let notApplicable = 0;
  for (const r of raw) {
    const m = codes.get(String(r.code))!;
    const year = Number(r.year);
    if (!Number.isInteger(year)) throw new Error(`${file}: row ${r.file_row}: year "${r.year}" is not a year`);
    const asAt = asAtOfYear(m, year);
    const name = String(r.name);
    const laNumber = String(r.la_number).padStart(3, "0");
    let area: string;
    let kind: AreaRow["area_kind"];
    if (name === "England") [area, kind] = [ENGLAND, "england"];
    else if (r.region === "NA") {
      const code = regions.get(name.toLowerCase());
      if (!code) continue; // London (Inner) and (Outer): not a region the profiles compare with
      [area, kind] = [code, "region"];
    } else {
      const a = authorities.get(laNumber);
      if (!a) throw new Error(`${file}: row ${r.file_row}: LA number ${laNumber} (${name}) is not in data/authorities.csv`);
      if (!existedOn(a, asAt)) {
        notApplicable++;
        continue;
      }
      [area, kind] = [laNumber, "authority"];
    }
    const { value, suppression } = cellValue(r.value as string | null, file, `row ${r.file_row}`);
    rows.push({
      area,
      area_kind: kind,
      measure: m.measure,
      period: String(year),
      as_at: asAt,
      value,
      value_text: null,
      unit: m.unit,
      suppression,
      source: FILE,
      release: source.release,
      locator: `row ${r.file_row} (${r.code} ${year})`,
      quote: null,
    });
  }
  return { rows, notApplicable };
}
