import { printQuery } from "../../warehouse/print.ts";

// Parallel columns, one row, to keep the home page's payload small.
await printQuery(`
  SELECT
    list(la_code ORDER BY authority_name) AS la_code,
    list(authority_name ORDER BY authority_name) AS authority_name,
    list(region ORDER BY authority_name) AS region,
    list(latest_framework ORDER BY authority_name) AS latest_framework,
    list(latest_published ORDER BY authority_name) AS latest_published,
    list(latest_grade ORDER BY authority_name) AS latest_grade,
    list(previous_framework ORDER BY authority_name) AS previous_framework,
    list(previous_published ORDER BY authority_name) AS previous_published,
    list(previous_grade ORDER BY authority_name) AS previous_grade,
    list(first_current_published ORDER BY authority_name) AS first_current_published,
    list(first_current_grade ORDER BY authority_name) AS first_current_grade,
    list(change_vs_previous ORDER BY authority_name) AS change_vs_previous,
    list(change_vs_first_current ORDER BY authority_name) AS change_vs_first_current
  FROM authority_trajectory`);
