-- Proportionality: how long after a graded report the next graded inspection came, by the previous
-- overall grade and framework pair, and whether it came inside the window the scheduling rules set.
-- The interval runs from the previous report's publication (when the grade was known) to the first
-- day of the next inspection's fieldwork (its end date, then its publication, when that is missing).

-- Pairs: each graded inspection with the latest earlier report of the authority or of one it
-- succeeded (on the same day: the authority's own report first, then the higher inspection_id;
-- same-day reports of one authority follow each other in inspection_id order), over
-- scheduling_inspections, so that an LSCB review published on its own neither hides the previous
-- overall grade nor counts as the next inspection. One lag() over each authority's lineage-expanded
-- reports, so the view grows linearly with the number of reports. (An authority's own report and a
-- predecessor's published on the same day would pair with each other; predecessors cease before
-- their successors begin, so this does not arise.)
CREATE OR REPLACE VIEW scheduling_intervals AS
WITH expanded AS (
  SELECT lin.la_code AS owner, lin.depth, i.*
  FROM authority_lineage lin JOIN scheduling_inspections i ON i.la_code = lin.ancestor_la_code
),
ordered AS (
  SELECT
    owner, depth, la_code, inspection_id, framework, inspection_type, start_date, end_date,
    published_date, overall_grade, overall_label,
    lag(inspection_id) OVER w AS prev_inspection_id,
    lag(la_code) OVER w AS prev_la_code,
    lag(framework) OVER w AS prev_framework,
    lag(published_date) OVER w AS prev_published_date,
    lag(overall_grade) OVER w AS prev_overall_grade,
    lag(overall_label) OVER w AS prev_overall_label
  FROM expanded
  WINDOW w AS (PARTITION BY owner ORDER BY published_date, depth DESC, inspection_id)
),
pairs AS (
  SELECT * FROM ordered WHERE depth = 0 AND prev_inspection_id IS NOT NULL
)
SELECT
  p.la_code, a.name AS authority_name, a.ofsted_region,
  p.prev_inspection_id, p.prev_la_code, p.prev_framework, (SELECT fr.rule_framework FROM framework_rule_sets fr WHERE fr.framework = p.prev_framework) AS prev_rule_framework, p.prev_published_date,
  p.prev_overall_grade, p.prev_overall_label,
  coalesce(g.grade_name, 'no overall grade') AS prev_grade_name,
  p.inspection_id, p.framework, p.inspection_type, p.start_date, p.published_date,
  p.overall_grade, p.overall_label,
  p.prev_framework || ' → ' || p.framework AS framework_pair,
  coalesce(p.start_date, p.end_date, p.published_date) AS next_date,
  CASE WHEN p.start_date IS NOT NULL THEN 'start' WHEN p.end_date IS NOT NULL THEN 'end' ELSE 'published' END AS next_date_basis,
  date_diff('day', p.prev_published_date, coalesce(p.start_date, p.end_date, p.published_date)) AS days,
  sched_months(p.prev_published_date, coalesce(p.start_date, p.end_date, p.published_date)) AS months,
  -- The next inspection began before the previous report was out (two reports on one visit, or
  -- concurrent inspections): not an interval between scheduling decisions.
  coalesce(p.start_date, p.end_date, p.published_date) < p.prev_published_date AS overlapping
FROM pairs p
JOIN authorities a ON a.la_code = p.la_code
LEFT JOIN (SELECT DISTINCT grade, grade_name FROM grade_scale WHERE grade IS NOT NULL) g ON g.grade = p.prev_overall_grade;

-- Each interval held against every rule of the previous inspection's framework that applies to its
-- previous overall grade (grade-specific rules) or to every grade (cycles). Verdicts: within, early,
-- late, 'no interval set' (the rule names none), 'overlapping' (not judged, see above).
CREATE OR REPLACE VIEW interval_rule_checks AS
WITH judged AS (
  SELECT
    s.*,
    r.rule_id, r.rule_kind, r.status AS rule_status, r.min_months, r.max_months,
    r.description AS rule_description, r.source AS rule_source,
    sched_window_open(s.prev_published_date, r.min_months) AS window_open,
    sched_window_close(s.prev_published_date, r.max_months, r.slack_days) AS window_close
  FROM scheduling_intervals s
  JOIN scheduling_rules r
    ON r.framework = s.prev_rule_framework
   AND r.rule_kind IN ('cycle', 'interval_by_grade', 'reinspection')
   AND (r.applies_to_grade IS NULL OR r.applies_to_grade = s.prev_overall_grade)
)
SELECT
  j.* EXCLUDE (window_close),
  j.window_close AS window_close_unadjusted,
  sched_blackout_adjusted(j.window_close, j.prev_framework) AS window_close,
  sched_blackout_rule(j.window_close, j.prev_framework) AS blackout_applied,
  CASE
    WHEN j.min_months IS NULL AND j.max_months IS NULL THEN 'no interval set'
    WHEN j.overlapping THEN 'overlapping'
    WHEN j.next_date < j.window_open THEN 'early'
    WHEN j.next_date > sched_blackout_adjusted(j.window_close, j.prev_framework) THEN 'late'
    ELSE 'within'
  END AS verdict
FROM judged j;

-- One row per rule: how many intervals it was held against and with what verdicts. The share
-- within the window counts only judged intervals (within, early or late).
CREATE OR REPLACE VIEW interval_rule_summary AS
SELECT
  r.rule_id, r.framework, r.applies_to_grade, r.rule_kind, r.min_months, r.max_months, r.status,
  r.description, r.source,
  count(c.inspection_id)::INTEGER AS intervals,
  count(*) FILTER (WHERE c.verdict = 'within')::INTEGER AS within,
  count(*) FILTER (WHERE c.verdict = 'early')::INTEGER AS early,
  count(*) FILTER (WHERE c.verdict = 'late')::INTEGER AS late,
  count(*) FILTER (WHERE c.verdict = 'overlapping')::INTEGER AS overlapping,
  count(*) FILTER (WHERE c.verdict = 'within' AND c.blackout_applied IS NOT NULL AND c.next_date > c.window_close_unadjusted)::INTEGER AS within_by_blackout,
  round(100.0 * count(*) FILTER (WHERE c.verdict = 'within')
        / nullif(count(*) FILTER (WHERE c.verdict IN ('within', 'early', 'late')), 0), 1) AS share_within_pct
FROM scheduling_rules r
LEFT JOIN interval_rule_checks c USING (rule_id)
WHERE r.rule_kind IN ('cycle', 'interval_by_grade', 'reinspection')
GROUP BY ALL
ORDER BY min(r.csv_line);

-- Distribution of intervals (months) by previous overall grade, by framework pair, and both;
-- 'all' marks the margin. Overlapping pairs are left out.
CREATE OR REPLACE VIEW interval_distribution AS
SELECT
  CASE WHEN grouping(prev_overall_grade) = 1 THEN 'all' ELSE coalesce(CAST(prev_overall_grade AS VARCHAR), 'none') END AS prev_grade,
  CASE WHEN grouping(prev_overall_grade) = 1 THEN 'all grades' ELSE any_value(prev_grade_name) END AS prev_grade_name,
  CASE WHEN grouping(framework_pair) = 1 THEN 'all' ELSE framework_pair END AS framework_pair,
  count(*)::INTEGER AS intervals,
  min(months) AS min_months,
  round(quantile_cont(months, 0.25), 1) AS q1_months,
  round(median(months), 1) AS median_months,
  round(quantile_cont(months, 0.75), 1) AS q3_months,
  max(months) AS max_months
FROM scheduling_intervals
WHERE NOT overlapping
GROUP BY GROUPING SETS ((prev_overall_grade), (framework_pair), (prev_overall_grade, framework_pair), ())
ORDER BY prev_grade = 'all' DESC, prev_grade, framework_pair = 'all' DESC, framework_pair;

-- Every overall-inadequate report and what came next: the next graded inspection of the authority
-- (or of each successor), months from the report to its start and its grade; or, where none has
-- come yet, the months waited so far as at the data's date.
CREATE OR REPLACE VIEW inadequate_followup AS
SELECT
  g.inspection_id, g.la_code, a.name AS authority_name, a.ofsted_region, g.framework,
  g.inspection_type, g.published_date, g.overall_label,
  s.la_code AS next_la_code, s.inspection_id AS next_inspection_id, s.framework AS next_framework,
  s.inspection_type AS next_inspection_type, s.next_date, s.next_date_basis,
  s.overall_grade AS next_overall_grade, s.overall_label AS next_overall_label,
  CASE WHEN s.inspection_id IS NULL THEN 'awaiting' WHEN s.overlapping THEN 'overlapping' ELSE 'followed' END AS status,
  coalesce(s.months, sched_months(g.published_date, (SELECT data_as_at FROM data_as_at))) AS months
FROM scheduling_inspections g
JOIN authorities a USING (la_code)
LEFT JOIN scheduling_intervals s ON s.prev_inspection_id = g.inspection_id
WHERE g.overall_grade = 4
ORDER BY g.published_date, g.la_code, s.la_code;

-- The follow-up of inadequate reports in one row per framework of the inadequate report (and 'all'):
-- how many were followed by a graded inspection, months to it (median and quartiles), the next
-- overall grade, and how many are still waiting as at the data's date.
CREATE OR REPLACE VIEW inadequate_followup_summary AS
SELECT
  coalesce(framework, 'all') AS framework,
  count(*)::INTEGER AS reports,
  count(*) FILTER (WHERE status = 'followed')::INTEGER AS followed,
  round(quantile_cont(months, 0.25) FILTER (WHERE status = 'followed'), 1) AS q1_months,
  round(median(months) FILTER (WHERE status = 'followed'), 1) AS median_months,
  round(quantile_cont(months, 0.75) FILTER (WHERE status = 'followed'), 1) AS q3_months,
  count(*) FILTER (WHERE status = 'followed' AND next_overall_grade <= 2)::INTEGER AS next_good_or_better,
  count(*) FILTER (WHERE status = 'followed' AND next_overall_grade = 3)::INTEGER AS next_requires_improvement,
  count(*) FILTER (WHERE status = 'followed' AND next_overall_grade = 4)::INTEGER AS next_inadequate,
  count(*) FILTER (WHERE status = 'followed' AND next_overall_grade IS NULL)::INTEGER AS next_no_overall_grade,
  count(*) FILTER (WHERE status = 'awaiting')::INTEGER AS awaiting,
  max(months) FILTER (WHERE status = 'awaiting') AS longest_wait_months
FROM inadequate_followup
GROUP BY GROUPING SETS ((framework), ())
ORDER BY framework = 'all' DESC, framework;
