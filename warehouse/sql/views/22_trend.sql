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
WITH counts AS (
  SELECT
    s.as_at, s.theme, s.theme_label, s.theme_order, s.area,
    sum(s.authorities)::INTEGER AS authorities,
    coalesce(sum(s.authorities) FILTER (WHERE s.grade IS NOT NULL), 0)::INTEGER AS graded,
    coalesce(sum(s.authorities) FILTER (WHERE s.grade <= 2), 0)::INTEGER AS good_or_better
  FROM trend_dates d, LATERAL stock_as_at(d.as_at) s
  GROUP BY ALL
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
