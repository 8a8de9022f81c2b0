-- The trend: share of authorities whose most recent grade in a theme is good or better, at every
-- quarter end since the first framework began, and at the latest publication.

-- The dates the trend is drawn at: every quarter end from the first framework's start, and the
-- latest publication.
CREATE OR REPLACE VIEW trend_dates AS
WITH bounds AS (
  SELECT
    (SELECT min(start_date) FROM frameworks WHERE graded) AS first_start,
    (SELECT data_as_at FROM data_as_at) AS last_published
),
quarters AS (
  SELECT CAST(q + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE) AS as_at, last_published
  FROM bounds, generate_series(date_trunc('quarter', first_start), last_published, INTERVAL 3 MONTH) AS g(q)
)
SELECT as_at FROM quarters WHERE as_at <= last_published
UNION
SELECT last_published FROM bounds WHERE last_published IS NOT NULL;

-- Per date, theme and area (England, each region): authorities existing, graded, the share good or
-- better and the share covered (mostly_covered: at least half the authorities hold a grade).
CREATE OR REPLACE VIEW trend_quarterly AS
-- The counts stock_as_at gives on each date, found in one pass rather than one stock_as_at call per
-- date (6,400 dates at 100x history): every change to a count is an event (an authority starting or
-- ceasing to exist, per authority_existence; a latest grade starting or being superseded, per
-- latest_grade_intervals), the running sums of the events give each count from one change to the
-- next, and each date takes the counts standing on it. A latest-grade interval lies within its
-- authority's existence (04_latest_grade.sql clips it), so an authority graded on a date exists then.
WITH changes AS (
  SELECT t.theme, t.theme_label, t.theme_order, e.ofsted_region AS region, c.on_date,
         c.existing AS authorities, 0 AS graded, 0 AS good_or_better
  FROM authority_existence e
  CROSS JOIN LATERAL (VALUES (e.exists_from, 1), (CAST(e.exists_to + 1 AS DATE), -1)) c(on_date, existing)
  CROSS JOIN stock_themes t
  WHERE e.exists_from <= e.exists_to
  UNION ALL
  SELECT t.theme, t.theme_label, t.theme_order, g.ofsted_region, c.on_date,
         0, c.graded, CASE WHEN g.grade <= 2 THEN c.graded ELSE 0 END
  FROM latest_grade_intervals g
  JOIN stock_themes t USING (theme)
  CROSS JOIN LATERAL (VALUES (g.valid_from, 1), (g.valid_until, -1)) c(on_date, graded)
  WHERE c.on_date IS NOT NULL
),
by_area AS (
  SELECT theme, theme_label, theme_order,
         CASE WHEN grouping(region) = 1 THEN 'England' ELSE region END AS area,
         on_date, sum(authorities) AS authorities, sum(graded) AS graded, sum(good_or_better) AS good_or_better
  FROM changes
  GROUP BY GROUPING SETS ((theme, theme_label, theme_order, on_date), (theme, theme_label, theme_order, region, on_date))
),
standing AS (
  SELECT theme, theme_label, theme_order, area, on_date,
         sum(authorities) OVER w AS authorities, sum(graded) OVER w AS graded, sum(good_or_better) OVER w AS good_or_better
  FROM by_area
  WINDOW w AS (PARTITION BY theme, area ORDER BY on_date)
),
counts AS (
  SELECT d.as_at, s.theme, s.theme_label, s.theme_order, s.area,
         s.authorities::INTEGER AS authorities, s.graded::INTEGER AS graded, s.good_or_better::INTEGER AS good_or_better
  FROM trend_dates d
  CROSS JOIN (SELECT DISTINCT theme, area FROM by_area) k
  ASOF JOIN standing s ON s.theme = k.theme AND s.area = k.area AND s.on_date <= d.as_at
  -- stock_as_at has an area on a date only when an authority in it exists then
  WHERE s.authorities > 0
)
SELECT
  *,
  round(100.0 * good_or_better / nullif(graded, 0), 1) AS share_good_pct,
  round(100.0 * graded / authorities, 1) AS coverage_pct,
  -- Per-authority data stands for an era only once at least half the authorities hold a grade
  -- from the reports in data/; before that the published national figures stand in.
  graded * 2 >= authorities AS mostly_covered
FROM counts
ORDER BY theme_order, area, as_at;

-- Published national shares of inspections judged good or better, per published series, for the
-- eras the reports in data/ do not cover. A series is the grade counts of one measure in one period.
CREATE OR REPLACE VIEW trend_national_figures AS
WITH counts AS (
  SELECT
    framework, period_start, period_end, theme,
    trim(split_part(measure, ':', 1)) AS series,
    grade, value, source
  FROM national_figures
  WHERE unit = 'count' AND grade IS NOT NULL
)
SELECT
  c.framework, CAST(c.period_start AS VARCHAR) AS period_start, CAST(c.period_end AS VARCHAR) AS period_end,
  c.theme, c.series,
  sum(c.value)::INTEGER AS inspections,
  coalesce(sum(c.value) FILTER (WHERE c.grade <= 2), 0)::INTEGER AS good_or_better,
  round(100.0 * coalesce(sum(c.value) FILTER (WHERE c.grade <= 2), 0) / sum(c.value), 1) AS share_good_pct,
  min(c.source) AS source
FROM counts c
GROUP BY c.framework, c.period_start, c.period_end, c.theme, c.series
ORDER BY c.period_start, c.series;
