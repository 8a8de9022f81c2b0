import { printQuery } from "../../warehouse/print.ts";

// Parallel columns in one row; themes as lists of theme sort orders (data/reference/report-themes.csv).
await printQuery(`
  SELECT
    list(la_code ORDER BY published_date, inspection_id) AS la_code,
    list(framework ORDER BY published_date, inspection_id) AS framework,
    list(CAST(published_date AS VARCHAR) ORDER BY published_date, inspection_id) AS published_date,
    list(overall_grade ORDER BY published_date, inspection_id) AS overall_grade,
    list(has_improvement_section ORDER BY published_date, inspection_id) AS has_improvement_section,
    list(improve ORDER BY published_date, inspection_id) AS improve,
    list(praised ORDER BY published_date, inspection_id) AS praised,
    list(criticised ORDER BY published_date, inspection_id) AS criticised
  FROM theme_report_flags`);
