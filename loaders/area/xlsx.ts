import ExcelJS from "exceljs";
import type { AreaNeighbour } from "../../schema/area.ts";
import { AreaSourceError, measure, sourceFile, type AreaContext, type AreaRow } from "./common.ts";

/** A cell's value as plain text (exceljs gives rich text, formulas and numbers as objects). */
function text(cell: ExcelJS.CellValue): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object" && "result" in cell) return text(cell.result as ExcelJS.CellValue);
  if (typeof cell === "object" && "richText" in cell) return cell.richText.map((r) => r.text).join("");
  return String(cell).trim();
}

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string, file: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new AreaSourceError(file, `no sheet "${name}"`);
  return ws;
}

/**
 * IMD and IDACI 2019 ranks of average score per upper-tier authority (File 11, read with exceljs).
 * Codes are of April 2019: Northamptonshire and Cumbria appear as the county, and the profile says
 * the figure belongs to the predecessor.
 */
export async function readImd(ctx: AreaContext): Promise<AreaRow[]> {
  const FILE = ctx.sources.find((s) => s.kind === "imd2019")!.source_file;
  const { path: file, source } = sourceFile(ctx, FILE);
  const wb = await workbook(file);
  const byGss = new Map<string, string>();
  for (const a of ctx.authorities) {
    byGss.set(a.gss_code, a.la_code);
    for (const g of a.gss_codes_previous) if (!byGss.has(g)) byGss.set(g, a.la_code);
  }
  const rows: AreaRow[] = [];
  for (const [sheetName, id, prefix] of [["IMD", "imd_rank", "IMD"], ["IDACI", "idaci_rank", "IDACI"]] as const) {
    const m = measure(ctx, id);
    const ws = sheet(wb, sheetName, file);
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(text);
    const col = header.findIndex((h) => h === `${prefix} - Rank of average score`);
    if (col < 0) throw new AreaSourceError(file, `sheet ${sheetName}: no column "${prefix} - Rank of average score"`);
    for (let i = 2; i <= ws.rowCount; i++) {
      const values = ws.getRow(i).values as ExcelJS.CellValue[];
      const gss = text(values[1]);
      if (!gss) continue;
      const name = text(values[2]);
      // this copy was re-saved after publication and mangles at least one code (Slough's reads
      // E0600003): an unknown code is matched by the authority's exact name, and the locator says so
      const byName = ctx.authorities.filter((a) => a.name.toLowerCase() === name.toLowerCase() && !a.valid_to);
      const la = byGss.get(gss) ?? (byName.length === 1 ? byName[0]!.la_code : undefined);
      if (!la) throw new AreaSourceError(file, `sheet ${sheetName} row ${i}: GSS code ${gss} (${name}) is not in data/authorities.csv and the name matches no single authority`);
      const note = byGss.has(gss) ? "" : `; code ${gss} as printed is not a GSS code, matched by name`;
      const rank = Number(text(values[col]));
      if (!Number.isInteger(rank)) throw new AreaSourceError(file, `sheet ${sheetName} row ${i}: rank "${text(values[col])}" is not a whole number`);
      rows.push({
        area: la, area_kind: "authority", measure: m.measure, period: "2019", as_at: "2019-09-26", value: rank, value_text: null, unit: m.unit,
        suppression: null, source: FILE, release: source.release, locator: `sheet ${sheetName} row ${i} (${gss} ${name}${note})`, quote: null,
      });
    }
  }
  return rows;
}

/** DfE's statistical neighbours, May 2025 (sn_may_2025.xlsx, sheet "LA SN Groups"): ten per authority. */
export async function readNeighbours(ctx: AreaContext): Promise<AreaNeighbour[]> {
  const FILE = "lait/sn_may_2025.xlsx";
  const { path: file, source } = sourceFile(ctx, FILE);
  const ws = sheet(await workbook(file), "LA SN Groups", file);
  const known = new Set(ctx.authorities.map((a) => a.la_code));
  let headerRow = 0;
  for (let i = 1; i <= 10 && !headerRow; i++) if (text((ws.getRow(i).values as ExcelJS.CellValue[])[1]) === "LA num") headerRow = i;
  if (!headerRow) throw new AreaSourceError(file, `sheet "LA SN Groups": no header row starting "LA num" in the first 10 rows`);
  const out: AreaNeighbour[] = [];
  for (let i = headerRow + 1; i <= ws.rowCount; i++) {
    const v = (ws.getRow(i).values as ExcelJS.CellValue[]).map(text);
    if (!/^\d{3}$/.test(v[1] ?? "")) continue;
    const la = v[1]!;
    if (!known.has(la)) throw new AreaSourceError(file, `row ${i}: LA number ${la} (${v[2]}) is not in data/authorities.csv`);
    for (let k = 0; k < 10; k++) {
      const n = v[6 + 2 * k] ?? "";
      if (!n) continue;
      if (!known.has(n.padStart(3, "0"))) throw new AreaSourceError(file, `row ${i}: neighbour ${n} of ${la} is not in data/authorities.csv`);
      out.push({
        la_code: la, grouping: source.release, rank: k + 1, neighbour_la_code: n.padStart(3, "0"), closeness: v[7 + 2 * k] || null,
        source: `${FILE} sheet LA SN Groups row ${i}`,
      });
    }
  }
  return out;
}
