-- Share of reports raising each theme, by overall grade, framework, year of publication and Ofsted
-- region: in the areas for improvement; mostly praised (more strength than weakness passages);
-- mostly criticised (more weakness than strength passages). Nearly every long report praises and
-- criticises every theme somewhere, so the balance says more than any mention.
CREATE OR REPLACE VIEW theme_prevalence AS
WITH levels AS (
  SELECT 'grade' AS dimension, coalesce(CAST(overall_grade AS VARCHAR), 'none') AS level, * FROM report_theme_facts
  UNION ALL SELECT 'framework', framework, * FROM report_theme_facts
  UNION ALL SELECT 'year', CAST(published_year AS VARCHAR), * FROM report_theme_facts
  UNION ALL SELECT 'region', region, * FROM report_theme_facts
)
SELECT
  dimension, level, theme_id, theme_label, theme_order,
  count(*) AS reports,
  count(*) FILTER (WHERE theme_improve_passages > 0) AS reports_improve,
  count(*) FILTER (WHERE theme_strength_passages > theme_weakness_passages) AS reports_praised,
  count(*) FILTER (WHERE theme_weakness_passages > theme_strength_passages) AS reports_criticised,
  round(count(*) FILTER (WHERE theme_improve_passages > 0) / count(*), 4) AS share_improve,
  round(count(*) FILTER (WHERE theme_strength_passages > theme_weakness_passages) / count(*), 4) AS share_praised,
  round(count(*) FILTER (WHERE theme_weakness_passages > theme_strength_passages) / count(*), 4) AS share_criticised
FROM levels
GROUP BY ALL;
