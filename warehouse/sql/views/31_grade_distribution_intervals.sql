-- How the latest grades of England's authorities, and of each Ofsted region's, spread over the 1-4
-- scale per theme, as intervals of as-at dates (valid_from <= as_at < valid_until). Counted from
-- latest_grade_intervals: each interval adds one authority on valid_from and removes it on
-- valid_until. An authority never graded in a theme is not counted (n_graded is the denominator).
CREATE OR REPLACE VIEW grade_distribution_intervals AS
WITH scoped AS (
  SELECT 'England' AS scope, theme, grade, valid_from, valid_until FROM latest_grade_intervals
  UNION ALL
  SELECT ofsted_region, theme, grade, valid_from, valid_until FROM latest_grade_intervals
),
events AS (
  SELECT scope, theme, grade, valid_from AS day, 1 AS delta FROM scoped
  UNION ALL
  SELECT scope, theme, grade, valid_until, -1 FROM scoped WHERE valid_until IS NOT NULL
),
net AS (
  SELECT
    scope, theme, day,
    coalesce(sum(delta) FILTER (WHERE grade = 1), 0) AS d1,
    coalesce(sum(delta) FILTER (WHERE grade = 2), 0) AS d2,
    coalesce(sum(delta) FILTER (WHERE grade = 3), 0) AS d3,
    coalesce(sum(delta) FILTER (WHERE grade = 4), 0) AS d4
  FROM events
  GROUP BY scope, theme, day
  HAVING d1 <> 0 OR d2 <> 0 OR d3 <> 0 OR d4 <> 0
),
running AS (
  SELECT
    scope, theme,
    sum(d1) OVER w AS n_outstanding,
    sum(d2) OVER w AS n_good,
    sum(d3) OVER w AS n_requires_improvement,
    sum(d4) OVER w AS n_inadequate,
    day AS valid_from,
    lead(day) OVER w AS valid_until
  FROM net
  WINDOW w AS (PARTITION BY scope, theme ORDER BY day)
)
SELECT
  scope, theme,
  n_outstanding::INTEGER AS n_outstanding,
  n_good::INTEGER AS n_good,
  n_requires_improvement::INTEGER AS n_requires_improvement,
  n_inadequate::INTEGER AS n_inadequate,
  (n_outstanding + n_good + n_requires_improvement + n_inadequate)::INTEGER AS n_graded,
  valid_from, valid_until
FROM running
WHERE n_outstanding + n_good + n_requires_improvement + n_inadequate > 0;
