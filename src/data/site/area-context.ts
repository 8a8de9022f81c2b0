import type { SiteFile } from "../../../warehouse/print.ts";

// Each current authority's latest context figures beside its latest overall grade (view
// area_context_latest), as parallel columns, with the measures' labels once.
const areaContext: SiteFile = async (wh, name) => {
  const rows = await wh.query<Record<string, unknown>>(
    `SELECT la_code, name, measure, period, value, from_la_code, overall_grade, overall_label FROM area_context_latest ORDER BY measure, name`,
  );
  const measures = await wh.query(`SELECT DISTINCT measure, measure_label AS label, unit FROM area_context_latest ORDER BY measure`);
  const names = ["la_code", "name", "measure", "period", "value", "from_la_code", "overall_grade", "overall_label"];
  return { [`${name}.json`]: JSON.stringify({ measures, columns: Object.fromEntries(names.map((n) => [n, rows.map((r) => r[n] ?? null)])) }) };
};
export default areaContext;
