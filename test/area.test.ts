import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../lib/csv.ts";
import { dataDir } from "../lib/paths.ts";
import { loadContext, newestRelease, type AreaContext, type AreaRow } from "../loaders/area/common.ts";
import { sifReports } from "../loaders/area/build.ts";
import { readLait } from "../loaders/area/lait.ts";
import { readSsda903 } from "../loaders/area/official-csv.ts";
import { readSifReport, whenOf, type SifReport } from "../loaders/area/sif.ts";
import { readImd, readNeighbours } from "../loaders/area/xlsx.ts";
import { areaReportAccount, areaStatistic } from "../schema/area.ts";
import { inspection } from "../schema/canonical.ts";
import { buildWarehouse, type Warehouse } from "../warehouse/build.ts";
import { areaDocuments } from "../src/data/authorities/area.ts";
import { renderArea } from "../src/components/area-profile.ts";
import { corpusDir, describeWithCorpus } from "./support/sources.ts";

const contextDir = path.join(corpusDir, "context");
const hasContext = fs.existsSync(path.join(contextDir, "MANIFEST.csv"));
const describeWithContext = hasContext ? describe : describe.skip;

/** One raw LAIT cell, read straight from the Parquet file, independently of the loader. */
async function rawLait(code: string, year: string, laNumber: number): Promise<{ value: string; row: number }> {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    const file = path.join(contextDir, "lait", "bds_long_0.parquet").replaceAll("'", "''");
    const r = await con.runAndReadAll(
      `SELECT "Values" AS value, file_row_number AS row FROM read_parquet('${file}', file_row_number = true)
       WHERE "Short Desc" = '${code}' AND Years = '${year}' AND "LA Number" = ${laNumber}`,
    );
    const rows = r.getRowObjectsJS();
    expect(rows).toHaveLength(1);
    return { value: String(rows[0]!.value), row: Number(rows[0]!.row) };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

describeWithContext("official area statistics loaders (../shared/data/context)", () => {
  let ctx: AreaContext;
  let lait: AreaRow[];
  beforeAll(async () => {
    ctx = loadContext(dataDir, contextDir);
    lait = (await readLait(ctx)).rows;
  }, 60_000);

  it("reads Kent's 2016 looked-after rate as LAIT prints it, with the row it came from", async () => {
    const raw = await rawLait("LAC", "2016", 886);
    const row = lait.find((r) => r.area === "886" && r.measure === "cla_rate" && r.period === "2016")!;
    expect(row.value).toBe(Number(raw.value));
    expect(row.value).toBe(70); // as Kent's 2017 SIF report also quotes it: "2,310 (70 per 10,000 children) at 31 March 2016"
    expect(row.as_at).toBe("2016-03-31");
    expect(row.locator.startsWith(`row ${raw.row} `)).toBe(true);
  });

  it("keeps every suppression code as printed, never as a zero, and each is the raw cell", async () => {
    const suppressed = lait.filter((r) => r.suppression !== null);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const r of suppressed) expect(r.value).toBeNull();
    const sample = suppressed.find((r) => r.area_kind === "authority")!;
    const code = /\((\S+) (\d{4})\)$/.exec(sample.locator)!;
    const raw = await rawLait(code[1]!, code[2]!, Number(sample.area));
    expect(raw.value).toBe(sample.suppression);
  });

  it("leaves out years before an authority existed instead of inventing figures for them", () => {
    expect(lait.some((r) => r.area === "940" && r.as_at < "2021-04-01")).toBe(false);
    expect(lait.some((r) => r.area === "928" && r.as_at > "2021-03-31")).toBe(false);
    expect(lait.find((r) => r.area === "928" && r.measure === "cpp_rate" && r.period === "2021")?.value).toBe(42.5);
  });

  it("takes each year from the newest release: 2016 looked-after counts from LAIT, 2015 from SFR34/2015", () => {
    const { kept, superseded } = newestRelease([...lait, ...readSsda903(ctx)], ctx.sources);
    expect(superseded).toBeGreaterThan(0);
    const kent = (y: string) => kept.find((r) => r.area === "886" && r.measure === "cla_count" && r.period === y)!;
    expect(kent("2016").source).toBe("lait/bds_long_0.parquet");
    expect(kent("2015").source).toBe("ssda903-2010-2017/2015__SFR34_CLA2015.csv");
  });

  it("reads IMD 2019 ranks with exceljs, matching the mangled Slough code by name and saying so", async () => {
    const imd = await readImd(ctx);
    expect(imd.find((r) => r.area === "805" && r.measure === "imd_rank")?.value).toBe(9); // Hartlepool, File 11 sheet IMD
    const slough = imd.find((r) => r.area === "871" && r.measure === "imd_rank")!;
    expect(slough.locator).toContain("matched by name");
    expect(new Set(imd.filter((r) => r.measure === "idaci_rank").map((r) => r.value)).size).toBeGreaterThan(140);
  });

  it("reads DfE's May 2025 neighbours: ten per authority, Kent's nearest first", async () => {
    const n = await readNeighbours(ctx);
    const kent = n.filter((x) => x.la_code === "886").sort((a, b) => a.rank - b.rank);
    expect(kent).toHaveLength(10);
    expect(new Set(kent.map((x) => x.neighbour_la_code)).has("886")).toBe(false);
  });
});

describe("report dates (whenOf)", () => {
  it("reads the ways the SIF reports date their figures", () => {
    expect(whenOf("6 March 2017", "2017-03-30")?.as_at).toBe("2017-03-06");
    expect(whenOf("29th April 2014", "2014-05-20")?.as_at).toBe("2014-04-29");
    expect(whenOf("31 May 14", "2014-06-20")?.as_at).toBe("2014-05-31");
    expect(whenOf("May 2015", "2015-06-20")?.as_at).toBe("2015-05-31");
    expect(whenOf("24 April", "2017-05-11")?.as_at).toBe("2017-04-24");
    expect(whenOf("the time of inspection", "2016-02-05")?.as_at).toBe("2016-02-05");
    expect(whenOf("31 February 2015", "2015-06-20")).toBeNull();
  });
});

describeWithCorpus("SIF report area text (published reports)", () => {
  let reports: Map<string, SifReport>;
  beforeAll(async () => {
    reports = new Map((await sifReports({ dataDir, sourcesDir: corpusDir })).map((r) => [r.inspection_id, r]));
  }, 120_000);
  const measures = () => loadContext(dataDir, contextDir).measures;
  const get = (rows: AreaRow[], m: string, asAt?: string) => rows.find((r) => r.measure === m && (!asAt || r.as_at === asAt));

  it("Kent 2017: counts, rates, dates, the previous year's figures, leadership and the practice model, each quoted", () => {
    const { rows, account } = readSifReport(reports.get("886-sif-2017-06-13")!, measures());
    expect(get(rows, "cla_count", "2017-03-06")?.value).toBe(1893);
    expect(get(rows, "cla_rate", "2017-03-06")?.value).toBe(57);
    expect(get(rows, "cla_count", "2016-03-31")?.value).toBe(2310);
    expect(get(rows, "cla_rate", "2016-03-31")?.value).toBe(70);
    expect(get(rows, "cpp_count", "2017-03-06")?.value).toBe(1176);
    expect(get(rows, "cpp_rate", "2016-03-31")?.value).toBe(32);
    expect(get(rows, "cin_count", "2017-03-06")?.value).toBe(9193);
    expect(get(rows, "dcs_since")?.value_text).toBe("2011-11");
    expect(get(rows, "lscb_chair_since")?.value_text).toBe("2014-03");
    expect(get(rows, "practice_model")?.value_text).toBe("Signs of Safety");
    expect(get(rows, "scr_ongoing")?.value).toBe(4);
    expect(get(rows, "serious_incidents")?.value).toBe(19);
    expect(get(rows, "cla_count", "2017-03-06")?.quote).toContain("1,893 children were being looked after by the local authority");
    expect(get(rows, "cla_count", "2017-03-06")?.locator).toBe("page 6");
    expect(account.status).toBe("extracted");
    for (const r of rows) expect(areaStatistic.safeParse({ ...r, value: r.value ?? "", value_text: r.value_text ?? "", suppression: "", quote: r.quote ?? "" }).success).toBe(true);
  });

  it("reads the other wordings: 'is looking after', a date without its year, numbers in words", () => {
    const wirral = readSifReport(reports.get("803-sif-2017-02-13")!, measures()).rows;
    expect(get(wirral, "cla_count", "2016-10-31")?.value).toBe(168);
    expect(get(wirral, "cla_rate", "2016-10-31")?.value).toBe(29.2);
    const n391 = readSifReport(reports.get("391-sif-2017-07-07")!, measures()).rows;
    expect(get(n391, "cpp_count", "2017-04-24")?.value).toBe(406);
    const knowsley = readSifReport(reports.get("340-sif-2017-06-13")!, measures()).rows;
    expect(get(knowsley, "private_fostering")?.value).toBe(3);
    expect(get(knowsley, "scr_ongoing")?.value).toBe(0);
  });

  it("accounts for every SIF report, and at least 95% have child protection plan and looked-after counts", () => {
    const sif = readCsv(path.join(dataDir, "inspections.csv"), inspection).filter((i) => i.framework === "SIF");
    const accounts = readCsv(path.join(dataDir, "area-report-accounting.csv"), areaReportAccount);
    expect(new Set(accounts.map((a) => a.inspection_id))).toEqual(new Set(sif.map((i) => i.inspection_id)));
    const both = accounts.filter((a) => a.found.split("|").includes("cpp_count") && a.found.split("|").includes("cla_count"));
    expect(both.length / accounts.length).toBeGreaterThanOrEqual(0.95);
    // the committed rows are what the loader reads from today's text
    const committed = readCsv(path.join(dataDir, "area-statistics.csv"), areaStatistic).filter((r) => r.source === "886-sif-2017-06-13");
    const fresh = readSifReport(reports.get("886-sif-2017-06-13")!, measures()).rows;
    expect(committed.map((r) => `${r.measure} ${r.as_at} ${r.value ?? r.value_text}`).sort()).toEqual(fresh.map((r) => `${r.measure} ${r.as_at} ${r.value ?? r.value_text}`).sort());
  });
});

describe("area views on the committed data", () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await buildWarehouse();
  }, 60_000);
  afterAll(() => wh?.close());

  it("gives North Northamptonshire Northamptonshire's figures before April 2021, marked, and BCP none of its three predecessors'", async () => {
    const nn = await wh.query<{ period: string; from_la_code: string | null }>(`SELECT period, from_la_code FROM area_series WHERE la_code = '940' AND measure = 'cla_rate' ORDER BY period`);
    expect(nn.filter((r) => r.from_la_code === "928").map((r) => r.period)).toEqual(["2016", "2017", "2018", "2019", "2020", "2021"]);
    expect(nn.filter((r) => r.from_la_code === null).map((r) => r.period)).toEqual(["2022", "2023", "2024", "2025"]);
    const bcp = await wh.query(`SELECT * FROM area_series WHERE la_code = '839' AND from_la_code IS NOT NULL`);
    expect(bcp).toHaveLength(0);
  });

  it("compares with the mean of the DfE neighbours that have a figure, the region and England", async () => {
    const [kent] = await wh.query<{ neighbours_mean: number; region_value: number; england_value: number }>(
      `SELECT neighbours_mean, region_value, england_value FROM area_comparison WHERE la_code = '886' AND measure = 'cla_rate' AND period = '2016'`,
    );
    const [mean] = await wh.query<{ m: number }>(
      `SELECT avg(s.value) AS m FROM area_neighbours n JOIN area_statistics s ON s.area = n.neighbour_la_code
       WHERE n.la_code = '886' AND s.measure = 'cla_rate' AND s.period = '2016' AND s.official`,
    );
    expect(kent!.neighbours_mean).toBeCloseTo(mean!.m, 6);
    expect(kent!.england_value).toBe(60); // LAIT LAC 2016, England
    const [se] = await wh.query<{ value: number }>(`SELECT value FROM area_statistics WHERE area = 'E12000008' AND measure = 'cla_rate' AND period = '2016' AND official`);
    expect(kent!.region_value).toBe(se!.value); // South East, Kent's ONS region
  });

  it("gives every cross-check row a verdict, and Kent's 31 March 2016 figures agree with LAIT (the count within Ofsted's rounding to 5)", async () => {
    const rows = await wh.query<{ la_code: string; measure: string; as_at: string; verdict: string }>(`SELECT la_code, measure, CAST(as_at AS VARCHAR) AS as_at, verdict FROM area_cross_check`);
    expect(rows.length).toBeGreaterThan(300);
    const kent = rows.filter((r) => r.la_code === "886" && r.as_at === "2016-03-31");
    expect(kent.map((r) => `${r.measure} ${r.verdict}`).sort()).toEqual(["cla_count agrees within rounding", "cla_rate agrees", "cpp_count agrees", "cpp_rate agrees"]);
  });

  it("renders the section for the profile and briefing: the report's figures dated, a predecessor's named, as at a date", async () => {
    const docs = await areaDocuments(wh);
    const kent = renderArea(docs.get("886"), "2026-01-01", { links: false });
    expect(kent).toContain("1,893 (57 per 10,000) at 6 Mar 2017; 2,310 (70 per 10,000) at 31 Mar 2016");
    expect(kent).toContain("DCS in post since November 2011");
    const kentEarly = renderArea(docs.get("886"), "2016-06-01", { links: false });
    expect(kentEarly).toContain("No SIF report of this authority published on or before 1 Jun 2016");
    expect(kentEarly).not.toContain("<td>2017</td>");
    const nn = renderArea(docs.get("940"), "2026-01-01", { links: false });
    expect(nn).toContain("figures for Northamptonshire, the predecessor");
    const bcp = renderArea(docs.get("839"), "2026-01-01", { links: false });
    expect(bcp).toContain("their figures are not added up");
  });
});
