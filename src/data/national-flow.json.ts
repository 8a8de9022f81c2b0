import { printQuery } from "../../warehouse/print.ts";

// Parallel columns, one row, to keep the home page's payload small.
await printQuery(`
  SELECT
    list(period_kind ORDER BY period_kind, period_start, framework_start, grade) AS period_kind,
    list(period ORDER BY period_kind, period_start, framework_start, grade) AS period,
    list(CAST(period_start AS VARCHAR) ORDER BY period_kind, period_start, framework_start, grade) AS period_start,
    list(framework ORDER BY period_kind, period_start, framework_start, grade) AS framework,
    list(grade ORDER BY period_kind, period_start, framework_start, grade) AS grade,
    list(inspections ORDER BY period_kind, period_start, framework_start, grade) AS inspections
  FROM inspection_flow`);
