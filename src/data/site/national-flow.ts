import { columns } from "../../../warehouse/print.ts";

export default columns(`
  SELECT period_kind, period, CAST(period_start AS VARCHAR) AS period_start, framework, grade, inspections
  FROM inspection_flow
  ORDER BY period_kind, period_start, framework_start, framework, grade`);
