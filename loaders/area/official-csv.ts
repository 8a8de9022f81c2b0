import fs from "node:fs";
import { parseCsvText } from "../../lib/csv.ts";
import { asAtOfYear, cellValue, ENGLAND, existedOn, measure, regionCodes, sourceFile, type AreaContext, type AreaRow } from "./common.ts";

/**
 * Children looked after at 31 March from DfE's SFR underlying data, 2010-2017 (SSDA903): counts
 * only, old three-digit LA codes (geog_c). LAIT has 2016 on from a newer release, which wins.
 */
export function readSsda903(ctx: AreaContext): AreaRow[] {
  const m = measure(ctx, "cla_count");
  const byCode = new Map(ctx.authorities.map((a) => [a.la_code, a]));
  const regions = regionCodes(ctx.authorities);
  const rows: AreaRow[] = [];
  for (const s of ctx.sources.filter((x) => x.kind === "ssda903")) {
    const { path: file, source } = sourceFile(ctx, s.source_file);
    const year = Number(/\/(\d{4})__/.exec(s.source_file)![1]);
    const column = year === 2010 ? "MarTotal_2010" : `CLA_Mar${year}`;
    const records = parseCsvText(fs.readFileSync(file, "latin1"), file);
    if (!records[0] || !(column in records[0])) throw new Error(`${file}: no column ${column}`);
    const asAt = asAtOfYear(m, year);
    records.forEach((rec, i) => {
      const level = (rec.geog_l ?? "").trim().toUpperCase();
      const name = (rec.geog_n ?? "").trim();
      let area: string;
      let kind: AreaRow["area_kind"];
      if (level.startsWith("NAT")) [area, kind] = [ENGLAND, "england"];
      else if (level === "GOR" || level === "REG") {
        const code = regions.get(name.toLowerCase());
        if (!code) return;
        [area, kind] = [code, "region"];
      } else if (level === "LA") {
        const code = (rec.geog_c ?? "").trim().padStart(3, "0");
        const a = byCode.get(code);
        if (!a) throw new Error(`${file}: data row ${i + 1}: LA code ${code} (${name}) is not in data/authorities.csv`);
        if (!existedOn(a, asAt)) return;
        [area, kind] = [code, "authority"];
      } else return;
      const { value, suppression } = cellValue(rec[column], file, `data row ${i + 1} ${column}`);
      rows.push({
        area, area_kind: kind, measure: m.measure, period: String(year), as_at: asAt, value, value_text: null, unit: m.unit,
        suppression, source: s.source_file, release: source.release, locator: `data row ${i + 1} (${name}, ${column})`, quote: null,
      });
    });
  }
  return rows;
}

/**
 * The ONS 0-17 population DfE used for the 2021-2025 looked-after rates (cla_number_and_rate_per_10k_children.csv,
 * rows for children looked after at 31 March).
 */
export function readChildPopulation(ctx: AreaContext): AreaRow[] {
  const FILE = "dfe/cla_number_and_rate_per_10k_children.csv";
  const { path: file, source } = sourceFile(ctx, FILE);
  const m = measure(ctx, "child_population");
  const byCode = new Map(ctx.authorities.map((a) => [a.la_code, a]));
  const regions = regionCodes(ctx.authorities);
  const rows: AreaRow[] = [];
  parseCsvText(fs.readFileSync(file, "utf8"), file).forEach((rec, i) => {
    if (!/on 31 march/i.test(rec.population_type ?? "")) return;
    const year = Number(rec.time_period);
    const asAt = asAtOfYear(m, year);
    let area: string;
    let kind: AreaRow["area_kind"];
    if (rec.geographic_level === "National") [area, kind] = [ENGLAND, "england"];
    else if (rec.geographic_level === "Regional") {
      const code = regions.get((rec.region_name ?? "").toLowerCase());
      if (!code) return;
      [area, kind] = [code, "region"];
    } else if (rec.geographic_level === "Local authority") {
      const a = byCode.get((rec.old_la_code ?? "").padStart(3, "0"));
      if (!a) throw new Error(`${file}: data row ${i + 1}: old_la_code ${rec.old_la_code} (${rec.la_name}) is not in data/authorities.csv`);
      if (!existedOn(a, asAt)) return;
      [area, kind] = [a.la_code, "authority"];
    } else return;
    const { value, suppression } = cellValue(rec.population_estimate, file, `data row ${i + 1} population_estimate`);
    rows.push({
      area, area_kind: kind, measure: m.measure, period: String(year), as_at: asAt, value, value_text: null, unit: m.unit,
      suppression, source: FILE, release: source.release, locator: `data row ${i + 1} (${rec.la_name || rec.region_name || "England"} ${year})`, quote: null,
    });
  });
  return rows;
}
