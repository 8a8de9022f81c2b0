-- Which themes separate inadequate reports from good or outstanding ones: the share of each group
-- raising the theme in its areas for improvement, the difference with a 95% Wald interval, and the
-- ratio; overall and within SIF and ILACS (the improvement lists differ in length by framework).
-- theme_share_* is the theme's share of the group's improvement passages: emphasis, not presence.
CREATE OR REPLACE VIEW theme_grade_association AS
WITH scoped AS (
  SELECT 'All frameworks' AS scope, * FROM report_theme_facts WHERE overall_grade IN (1, 2, 4)
  UNION ALL
  SELECT framework, * FROM report_theme_facts WHERE overall_grade IN (1, 2, 4) AND framework IN ('SIF', 'ILACS')
),
shares AS (
  SELECT
    scope, theme_id, theme_label, theme_order, kent_group,
    count(*) FILTER (WHERE overall_grade = 4) AS inadequate_reports,
    count(*) FILTER (WHERE overall_grade = 4 AND theme_improve_passages > 0) AS inadequate_raising,
    count(*) FILTER (WHERE overall_grade <= 2) AS good_reports,
    count(*) FILTER (WHERE overall_grade <= 2 AND theme_improve_passages > 0) AS good_raising,
    sum(theme_improve_passages) FILTER (WHERE overall_grade = 4) / nullif(sum(improve_passages) FILTER (WHERE overall_grade = 4), 0) AS theme_share_inadequate,
    sum(theme_improve_passages) FILTER (WHERE overall_grade <= 2) / nullif(sum(improve_passages) FILTER (WHERE overall_grade <= 2), 0) AS theme_share_good
  FROM scoped
  GROUP BY ALL
)
SELECT
  * REPLACE (round(theme_share_inadequate, 4) AS theme_share_inadequate, round(theme_share_good, 4) AS theme_share_good),
  round(inadequate_raising / nullif(inadequate_reports, 0), 4) AS share_inadequate,
  round(good_raising / nullif(good_reports, 0), 4) AS share_good,
  round(inadequate_raising / nullif(inadequate_reports, 0) - good_raising / nullif(good_reports, 0), 4) AS difference,
  round(1.96 * sqrt(
    (inadequate_raising / nullif(inadequate_reports, 0)) * (1 - inadequate_raising / nullif(inadequate_reports, 0)) / nullif(inadequate_reports, 0)
    + (good_raising / nullif(good_reports, 0)) * (1 - good_raising / nullif(good_reports, 0)) / nullif(good_reports, 0)
  ), 4) AS difference_margin,
  round((inadequate_raising / nullif(inadequate_reports, 0)) / nullif(good_raising / nullif(good_reports, 0), 0), 2) AS ratio
FROM shares;
