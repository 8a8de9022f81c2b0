-- Our stated SLAC and CPI grades beside the published national counts: HMCI's annual report
-- 2010/11 (reference/slac-published-figures.csv) and seed 002's SLAC and CPI counts
-- (reference/national-figures.csv). A later report states an authority's last inspection of each
-- element before the SIF (and sometimes earlier ones), so our counts are at most the published ones
-- for SLAC safeguarding; docs/previous-inspections.md explains each difference.
CREATE OR REPLACE VIEW stated_published_check AS
WITH published AS (
  SELECT publication, framework, element, period_start, period_end, grade, value, source, csv_line AS ord
  FROM slac_published_figures
  UNION ALL
  SELECT
    'seed 002 (NCASC 2012)', framework,
    CASE WHEN framework = 'CPI' OR figure_id LIKE 'slac_sg%' THEN 'safeguarding' ELSE 'looked_after' END,
    strftime(period_start, '%Y-%m'),
    -- CPI: the reports published by the conference (NCASC, October 2012).
    strftime(coalesce(period_end, DATE '2012-10-31'), '%Y-%m'),
    grade, CAST(value AS INTEGER), source, 100 + csv_line
  FROM national_figures
  WHERE unit = 'count' AND framework IN ('SLAC', 'CPI') AND theme = 'overall'
),
codes AS (
  SELECT DISTINCT framework, element, judgement_code FROM stated_framework_rules WHERE judgement_code IS NOT NULL
),
ours AS (
  SELECT i.framework, c.element, i.stated_date, i.date_precision, g.grade
  FROM stated_judgements j
  JOIN stated_inspections i USING (inspection_id)
  JOIN codes c ON c.framework = i.framework AND c.judgement_code = j.judgement_code
  JOIN grade_scale g ON g.grade_key = grade_key(j.grade_label)
)
SELECT
  p.publication, p.framework, p.element,
  p.period_start || ' to ' || p.period_end AS period,
  coalesce(CASE p.grade WHEN 1 THEN 'outstanding' WHEN 2 THEN 'good' WHEN 3 THEN 'adequate' WHEN 4 THEN 'inadequate' END, 'all grades') AS grade,
  p.value AS published,
  (SELECT count(*) FROM ours o
   WHERE o.framework = p.framework AND o.element = p.element AND o.date_precision = 'month'
     AND o.stated_date BETWEEN p.period_start AND p.period_end
     AND (p.grade IS NULL OR o.grade = p.grade))::INTEGER AS ours,
  (SELECT count(*) FROM ours o
   WHERE o.framework = p.framework AND o.element = p.element AND o.date_precision = 'year'
     AND o.stated_date BETWEEN left(p.period_start, 4) AND left(p.period_end, 4)
     AND (p.grade IS NULL OR o.grade = p.grade))::INTEGER AS ours_year_only,
  p.source
FROM published p
ORDER BY p.ord;
