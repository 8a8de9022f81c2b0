import type { Warehouse } from "../../../warehouse/build.ts";
import { encodeColumns } from "../../components/columns.ts";
import type { AreaFile } from "../../components/area-profile.ts";

/** The official measures "The area" shows, in its order; the rest stay in data/ for other pages. */
export const AREA_MEASURES = [
  "cla_rate", "cin_rate", "cpp_rate", "sw_turnover_rate", "sw_agency_rate", "sw_vacancy_rate", "sw_caseload", "child_population", "imd_rank", "idaci_rank",
];
/** The figures from the last SIF report it shows, in its order. */
export const REPORT_MEASURES = [
  "cla_count", "cla_rate", "cpp_count", "cpp_rate", "cin_count", "child_population", "dcs_since", "lscb_chair_since", "practice_model", "serious_incidents", "scr_completed", "scr_ongoing",
];

/** Each profiled authority's area document (views 70_area_statistics.sql), keyed by LA code. */
export async function areaDocuments(wh: Warehouse, laCode?: string): Promise<Map<string, AreaFile>> {
  const where = laCode ? "AND la_code = $la" : "";
  const params = laCode ? { la: laCode } : undefined;
  const measureList = AREA_MEASURES.map((m) => `'${m}'`).join(", ");
  const reportList = REPORT_MEASURES.map((m) => `'${m}'`).join(", ");
  const series = await wh.query<{ la_code: string }>(
    `SELECT c.la_code, c.measure, c.period, CAST(c.as_at AS VARCHAR) AS as_at, c.value, c.suppression, c.from_la_code,
            round(c.neighbours_mean, 1) AS neighbours_mean, c.region_value, c.england_value
     FROM area_comparison c WHERE c.measure IN (${measureList}) ${where}
     ORDER BY c.la_code, c.measure, c.as_at`,
    params,
  );
  const report = await wh.query<{ la_code: string }>(
    `SELECT la_code, inspection_id, CAST(published_date AS VARCHAR) AS published_date, report_url, measure, CAST(as_at AS VARCHAR) AS as_at, value, value_text, locator, quote
     FROM area_report_figures WHERE measure IN (${reportList}) ${where} ORDER BY la_code, measure, as_at`,
    params,
  );
  const measures = await wh.query<{ measure: string; label: string; short_label: string; unit: string }>(
    `SELECT measure, label, short_label, unit FROM area_measures WHERE measure IN (${measureList}, ${reportList})`,
  );
  const names = new Map((await wh.query<{ la_code: string; name: string }>(`SELECT la_code, name FROM authorities`)).map((a) => [a.la_code, a.name]));
  const [grouping] = await wh.query<{ grouping: string }>(`SELECT any_value(grouping) AS grouping FROM area_neighbours`);
  const differs = new Set((await wh.query<{ la_code: string }>(`SELECT la_code FROM area_neighbour_differences`)).map((r) => r.la_code));
  const authorities = await wh.query<{ la_code: string; predecessors: string[] }>(
    `SELECT a.la_code, list(r.predecessor_la_code ORDER BY r.predecessor_la_code) FILTER (WHERE r.predecessor_la_code IS NOT NULL) AS predecessors
     FROM authorities a LEFT JOIN reorganisations r ON r.successor_la_code = a.la_code WHERE true ${where.replace("la_code", "a.la_code")} GROUP BY a.la_code`,
    params,
  );
  const out = new Map<string, AreaFile>();
  for (const a of authorities) {
    const own = series.filter((r) => r.la_code === a.la_code).map(({ la_code, ...r }) => r);
    const rep = report.filter((r) => r.la_code === a.la_code).map(({ la_code, ...r }) => r);
    const predecessors = (a.predecessors ?? []).map((p) => ({ la_code: p, name: names.get(p) ?? p }));
    out.set(a.la_code, {
      grouping: grouping?.grouping ?? null,
      lookup_differs: differs.has(a.la_code),
      predecessors,
      measures,
      series: encodeColumns(own),
      report: encodeColumns(rep),
    });
  }
  return out;
}
