-- Programme coverage: how many of the authorities existing at a date had at least one published
-- graded inspection under a framework by then. An authority's history includes the authorities it
-- succeeded (authority_lineage), so a successor counts as covered when a predecessor was.

-- Each authority's first published graded inspection under each framework, its own or a predecessor's.
CREATE OR REPLACE VIEW coverage_first AS
SELECT la_code, framework, published_date AS first_published_date, inspection_id AS first_inspection_id,
       inspected_la_code AS first_inspected_la_code
FROM (
  SELECT lin.la_code, g.framework, g.published_date, g.inspection_id, g.la_code AS inspected_la_code,
         row_number() OVER (PARTITION BY lin.la_code, g.framework ORDER BY g.published_date, lin.depth, g.inspection_id) AS pick
  FROM authority_lineage lin JOIN scheduling_inspections g ON g.la_code = lin.ancestor_la_code
)
WHERE pick = 1;

-- Graded frameworks with at least one inspection in the data, and the span their monthly series
-- covers: from launch to the later of the framework's end and its last report, never past the data.
CREATE OR REPLACE VIEW coverage_frameworks AS
SELECT
  f.framework, f.name AS framework_name, f.start_date, f.end_date,
  min(g.published_date) AS first_report_date,
  max(g.published_date) AS last_report_date,
  CAST(least((SELECT data_as_at FROM data_as_at), greatest(coalesce(f.end_date, DATE '9999-12-31'), max(g.published_date))) AS DATE) AS series_end
FROM frameworks f JOIN scheduling_inspections g ON g.framework = f.framework
WHERE f.graded AND f.parent_framework IS NULL
GROUP BY f.framework, f.name, f.start_date, f.end_date;

-- One row per framework, month and region (and 'England'): authorities existing at the month's end
-- (or the series end in its last month), how many were covered, how many were first covered in the
-- 12 months to then, and where that pace, or the pace since launch or since the first report, leads.
CREATE OR REPLACE VIEW coverage_monthly AS
-- Counted from events rather than by pairing every month with every authority (at 100x history the
-- series run 1,600 years): the existing and covered counts change only when an authority starts or
-- ceases to exist (authority_existence) or is first covered, so their running sums over those changes
-- give the counts standing at each month end. An authority is covered from its first report
-- (coverage_first), or from its start if later, while it exists. The 12-month gains pair each first
-- report with the month ends within a year of it.
WITH months AS (
  SELECT f.framework, f.framework_name, f.start_date, f.first_report_date,
         CAST(least(last_day(CAST(m AS DATE)), f.series_end) AS DATE) AS as_at
  FROM coverage_frameworks f, generate_series(CAST(date_trunc('month', f.start_date) AS DATE), f.series_end, INTERVAL 1 MONTH) t(m)
),
changes AS (
  SELECT f.framework, e.ofsted_region, c.on_date, c.existing, 0 AS covered
  FROM authority_existence e
  CROSS JOIN LATERAL (VALUES (e.exists_from, 1), (CAST(e.exists_to + 1 AS DATE), -1)) c(on_date, existing)
  CROSS JOIN coverage_frameworks f
  WHERE e.exists_from <= e.exists_to
  UNION ALL
  SELECT c.framework, e.ofsted_region, x.on_date, 0, x.covered
  FROM coverage_first c
  JOIN authority_existence e USING (la_code)
  CROSS JOIN LATERAL (VALUES (greatest(c.first_published_date, e.exists_from), 1), (CAST(e.exists_to + 1 AS DATE), -1)) x(on_date, covered)
  WHERE greatest(c.first_published_date, e.exists_from) <= e.exists_to
),
by_region AS (
  SELECT framework, coalesce(ofsted_region, 'England') AS region, on_date,
         sum(existing) AS existing, sum(covered) AS covered
  FROM changes
  GROUP BY GROUPING SETS ((framework, ofsted_region, on_date), (framework, on_date))
),
standing AS (
  SELECT framework, region, on_date, sum(existing) OVER w AS existing, sum(covered) OVER w AS covered
  FROM by_region
  WINDOW w AS (PARTITION BY framework, region ORDER BY on_date)
),
gained AS (
  SELECT m.framework, m.as_at, coalesce(e.ofsted_region, 'England') AS region, count(*) AS gained_12m
  FROM months m
  JOIN coverage_first c
    ON c.framework = m.framework AND c.first_published_date <= m.as_at
   AND c.first_published_date > CAST(m.as_at - INTERVAL 12 MONTH AS DATE)
  JOIN authority_existence e ON e.la_code = c.la_code AND m.as_at BETWEEN e.exists_from AND e.exists_to
  GROUP BY GROUPING SETS ((m.framework, m.as_at, e.ofsted_region), (m.framework, m.as_at))
),
regions AS (
  SELECT DISTINCT region FROM by_region
),
counts AS (
  SELECT m.framework, m.framework_name, m.start_date, m.first_report_date, m.as_at, r.region,
         s.existing::INTEGER AS existing, s.covered::INTEGER AS covered,
         coalesce(g.gained_12m, 0)::INTEGER AS gained_12m
  FROM months m
  CROSS JOIN regions r
  ASOF JOIN standing s ON s.framework = m.framework AND s.region = r.region AND s.on_date <= m.as_at
  LEFT JOIN gained g ON g.framework = m.framework AND g.as_at = m.as_at AND g.region = r.region
  -- a region has a row at a month end only when an authority in it exists then
  WHERE s.existing > 0
)
SELECT
  framework, framework_name, region, as_at,
  strftime(as_at, '%Y-%m') AS month,
  existing, covered, existing - covered AS remaining,
  round(100.0 * covered / existing, 1) AS share_pct,
  gained_12m,
  CASE WHEN gained_12m > 0 AND covered < existing
       THEN CAST(as_at + CAST(round((existing - covered) * 365.25 / gained_12m) AS INTEGER) AS DATE) END AS projected_complete_12m_pace,
  date_diff('month', date_trunc('month', start_date), date_trunc('month', as_at)) + 1 AS programme_month,
  CASE WHEN covered > 0 AND covered < existing THEN round(existing * date_diff('day', start_date, as_at + 1) / 365.25 / covered, 2) END AS cycle_years_at_launch_pace,
  CASE WHEN covered > 0 AND covered < existing AND as_at >= first_report_date
       THEN round(existing * date_diff('day', first_report_date, as_at + 1) / 365.25 / covered, 2) END AS cycle_years_at_first_report_pace
FROM counts
ORDER BY framework, as_at, region = 'England' DESC, region;

-- Each framework with the day it first covered every authority then existing (the latest first
-- report among the authorities existing at the first month end with none left), and how long after
-- launch that was; NULL while authorities remain.
CREATE OR REPLACE VIEW coverage_framework_summary AS
WITH done AS (
  SELECT framework, min(as_at) AS first_complete_month_end
  FROM coverage_monthly WHERE region = 'England' AND remaining = 0
  GROUP BY framework
),
completed AS (
  SELECT d.framework, max(c.first_published_date) AS completed_on
  FROM done d
  JOIN authority_existence e ON d.first_complete_month_end BETWEEN e.exists_from AND e.exists_to
  JOIN coverage_first c ON c.la_code = e.la_code AND c.framework = d.framework
  GROUP BY d.framework
)
SELECT f.*, c.completed_on,
       round(date_diff('day', f.start_date, c.completed_on) / 365.25, 2) AS years_to_complete
FROM coverage_frameworks f LEFT JOIN completed c USING (framework)
ORDER BY f.start_date;

-- Authorities not yet covered: one row per framework and authority for the span in which it
-- existed, the framework had started and no inspection under it had been published. An authority
-- is "not yet inspected as at d" when uncovered_from <= d <= uncovered_to.
CREATE OR REPLACE VIEW coverage_gaps AS
SELECT * FROM (
  SELECT
    f.framework, e.la_code, e.authority_name, e.ofsted_region, e.la_type, e.status,
    greatest(e.exists_from, f.start_date) AS uncovered_from,
    least(e.exists_to, f.series_end, c.first_published_date - 1) AS uncovered_to,
    c.first_published_date, c.first_inspection_id,
    CASE WHEN c.first_inspected_la_code <> e.la_code THEN c.first_inspected_la_code END AS first_inspected_as
  FROM coverage_frameworks f
  JOIN authority_existence e ON e.exists_from <= f.series_end AND e.exists_to >= f.start_date
  LEFT JOIN coverage_first c ON c.la_code = e.la_code AND c.framework = f.framework
)
WHERE uncovered_from <= uncovered_to
ORDER BY framework, authority_name;

-- Seed 004 (Kent mapping paper, para 5.1): "22% of all LAs have been inspected under the single
-- inspection framework since it was launched" (November 2013 to October 2014) and "3.5 - 4 years to
-- complete", beside the same measures from our data as at the end of that period. The paper's 22% is
-- its 33 Annex 1 authorities over the authorities then existing.
CREATE OR REPLACE VIEW coverage_seed_comparison AS
SELECT
  n.framework, n.period_start, n.period_end,
  n.value AS seed_share_pct,
  CAST(t.value AS INTEGER) AS seed_authorities,
  (SELECT count(*) FROM kent_annex1)::INTEGER AS seed_annex_rows,
  lo.value AS seed_cycle_years_min,
  hi.value AS seed_cycle_years_max,
  c.existing, c.covered, c.share_pct,
  round(100.0 * t.value / c.existing, 1) AS seed_authorities_share_pct,
  c.cycle_years_at_launch_pace, c.cycle_years_at_first_report_pace,
  f.first_report_date
FROM national_figures n
LEFT JOIN national_figures t ON t.figure_id = 'sif_overall_total'
LEFT JOIN national_figures lo ON lo.figure_id = 'sif_projected_cycle_years_min'
LEFT JOIN national_figures hi ON hi.figure_id = 'sif_projected_cycle_years_max'
LEFT JOIN coverage_monthly c ON c.framework = n.framework AND c.region = 'England' AND c.as_at = n.period_end
LEFT JOIN coverage_frameworks f ON f.framework = n.framework
WHERE n.figure_id = 'sif_authorities_inspected_pct';

-- Authority by authority: the paper's Annex 1 list against ours as at the end of its period. For an
-- authority in only one list, our first SIF report date (if any) shows which way it differs.
CREATE OR REPLACE VIEW coverage_seed_differences AS
WITH period AS (
  SELECT framework, period_end FROM national_figures WHERE figure_id = 'sif_authorities_inspected_pct'
),
ours AS (
  SELECT c.la_code
  FROM coverage_first c
  JOIN period p ON c.framework = p.framework AND c.first_published_date <= p.period_end
  JOIN authority_existence e ON e.la_code = c.la_code AND p.period_end BETWEEN e.exists_from AND e.exists_to
),
listed AS (
  SELECT coalesce(o.la_code, k.la_code) AS la_code, k.authority_as_published,
         o.la_code IS NOT NULL AS in_ours, k.la_code IS NOT NULL AS in_seed
  FROM ours o FULL OUTER JOIN kent_annex1 k ON k.la_code = o.la_code
)
SELECT
  l.la_code, a.name AS authority_name, l.authority_as_published, l.in_seed, l.in_ours,
  c.first_published_date, c.first_inspection_id
FROM listed l
CROSS JOIN period p
JOIN authorities a ON a.la_code = l.la_code
LEFT JOIN coverage_first c ON c.la_code = l.la_code AND c.framework = p.framework
ORDER BY l.in_seed AND l.in_ours, a.name;
