-- One row per read report with the themes it raises, as lists of theme sort orders (compact for the
-- page, which counts them over any window): in the areas for improvement, mostly praised, mostly
-- criticised (as in theme_prevalence).
CREATE OR REPLACE VIEW theme_report_flags AS
SELECT
  inspection_id, la_code, framework, published_date, overall_grade, region,
  improve_passages > 0 AS has_improvement_section,
  coalesce(list(theme_order ORDER BY theme_order) FILTER (WHERE theme_improve_passages > 0), []) AS improve,
  coalesce(list(theme_order ORDER BY theme_order) FILTER (WHERE theme_strength_passages > theme_weakness_passages), []) AS praised,
  coalesce(list(theme_order ORDER BY theme_order) FILTER (WHERE theme_weakness_passages > theme_strength_passages), []) AS criticised
FROM report_theme_facts
GROUP BY ALL;
