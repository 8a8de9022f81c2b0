import { buildWarehouse } from "../../warehouse/build.ts";

// Each current authority's latest context figures beside its latest overall grade (view
// area_context_latest), as parallel columns, with the measures' labels once.
const wh = await buildWarehouse();
try {
  const rows = await wh.query<Record<string, unknown>>(
    `SELECT la_code, name, measure, period, value, from_la_code, overall_grade, overall_label FROM area_context_latest ORDER BY measure, name`,
  );
  const measures = await wh.query(`SELECT DISTINCT measure, measure_label AS label, unit FROM area_context_latest ORDER BY measure`);
  const names = ["la_code", "name", "measure", "period", "value", "from_la_code", "overall_grade", "overall_label"];
  process.stdout.write(JSON.stringify({ measures, columns: Object.fromEntries(names.map((n) => [n, rows.map((r) => r[n] ?? null)])) }));
} finally {
  wh.close();
}
