import { columns } from "../../../warehouse/print.ts";

// Themes as lists of theme sort orders (data/reference/report-themes.csv).
export default columns(`
  SELECT la_code, framework, CAST(published_date AS VARCHAR) AS published_date, overall_grade,
         has_improvement_section, improve, praised, criticised
  FROM theme_report_flags
  ORDER BY theme_report_flags.published_date, inspection_id`);
