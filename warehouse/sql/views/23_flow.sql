-- The flow: graded inspections published per period, by overall grade and framework. Periods are
-- the financial year (April to March), the academic year (September to August) and the calendar
-- quarter. grade is null for reports without an overall judgement (ILACS from April 2026).
CREATE OR REPLACE VIEW inspection_flow AS
WITH periods AS (
  SELECT
    g.inspection_id, g.framework, g.overall_grade AS grade, p.period_kind, p.period, p.period_start
  FROM graded_inspections g,
  LATERAL (
    SELECT
      year(g.published_date - INTERVAL 3 MONTH) AS fy,
      year(g.published_date - INTERVAL 8 MONTH) AS ay
  ) y,
  LATERAL (VALUES
    ('financial year', 'FY ' || y.fy || '-' || right(CAST(y.fy + 1 AS VARCHAR), 2), make_date(y.fy, 4, 1)),
    ('academic year', 'AY ' || y.ay || '/' || right(CAST(y.ay + 1 AS VARCHAR), 2), make_date(y.ay, 9, 1)),
    ('quarter', year(g.published_date) || ' Q' || quarter(g.published_date), CAST(date_trunc('quarter', g.published_date) AS DATE))
  ) AS p(period_kind, period, period_start)
)
SELECT
  p.period_kind, p.period, p.period_start, p.framework, f.start_date AS framework_start, p.grade,
  count(*)::INTEGER AS inspections
FROM periods p JOIN frameworks f USING (framework)
GROUP BY ALL
ORDER BY p.period_kind, p.period_start, f.start_date, p.grade NULLS LAST;
