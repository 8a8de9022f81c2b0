-- Issue 15 item 6: each current authority's latest official figure of each context measure (its own,
-- or its single predecessor's where it has none yet, as area_series) beside its latest overall
-- grade today, for the benchmarking page's "context beside the grades".
CREATE OR REPLACE VIEW area_context_latest AS
WITH latest AS (
  SELECT la_code, measure, arg_max(period, as_at) AS period, arg_max(value, as_at) AS value, arg_max(from_la_code, as_at) AS from_la_code
  FROM area_series
  WHERE value IS NOT NULL AND measure IN ('cla_rate', 'cin_rate', 'cpp_rate', 'sw_turnover_rate', 'sw_agency_rate', 'sw_vacancy_rate', 'sw_caseload', 'imd_rank', 'idaci_rank')
  GROUP BY la_code, measure
),
overall AS (
  SELECT la_code, grade, grade_label, framework, published_date
  FROM latest_grade_intervals
  WHERE theme = 'overall' AND valid_until IS NULL
)
SELECT a.la_code, a.name, a.ofsted_region AS region, l.measure, m.label AS measure_label, m.unit, l.period, l.value, l.from_la_code,
       o.grade AS overall_grade, o.grade_label AS overall_label, o.framework AS overall_framework, CAST(o.published_date AS VARCHAR) AS overall_published
FROM authorities a
JOIN latest l ON l.la_code = a.la_code
JOIN area_measures m ON m.measure = l.measure
LEFT JOIN overall o ON o.la_code = a.la_code
WHERE a.status = 'current';
