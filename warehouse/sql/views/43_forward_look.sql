-- Forward look: when each authority's next graded inspection is expected under the rule for its
-- last grade, and which authorities were overdue at any date.

-- Each authority's last graded inspection over time: one row per authority and graded inspection in
-- its history (its own or, after a reorganisation, a predecessor's), from that report's publication
-- (or the authority's creation) until the day before the next report or the authority's abolition
-- (state_to NULL: still the last). next_date is when the next inspection began (its fieldwork
-- start, else end, else publication).
CREATE OR REPLACE VIEW scheduling_states AS
WITH hist AS (
  SELECT
    e.la_code, e.authority_name, e.ofsted_region, e.status, e.exists_from, e.exists_to,
    g.inspection_id, g.la_code AS inspected_la_code, g.framework, g.inspection_type,
    g.published_date, g.overall_grade, g.overall_label,
    lead(g.published_date) OVER w AS next_published_date,
    lead(coalesce(g.start_date, g.end_date, g.published_date)) OVER w AS next_date,
    lead(g.inspection_id) OVER w AS next_inspection_id
  FROM authority_existence e
  JOIN authority_lineage lin ON lin.la_code = e.la_code
  JOIN scheduling_inspections g ON g.la_code = lin.ancestor_la_code
  WINDOW w AS (PARTITION BY e.la_code ORDER BY g.published_date, lin.depth DESC, g.inspection_id)
)
SELECT
  * EXCLUDE (exists_from, exists_to),
  greatest(published_date, exists_from) AS state_from,
  nullif(least(exists_to, next_published_date - 1), DATE '9999-12-31') AS state_to,
  exists_to
FROM hist
WHERE greatest(published_date, exists_from) <= least(exists_to, next_published_date - 1);

-- The rule that sets each state's window: a rule for the last overall grade (re-inspection first,
-- then interval by grade) if the framework has one, else its cycle. A grade rule with no interval
-- (ILACS and SLAC after inadequate) leaves no fixed window. No overall grade (ILACS from April 2026):
-- the cycle.
CREATE OR REPLACE VIEW scheduling_windows AS
WITH ranked AS (
  SELECT
    s.*, r.rule_id, r.rule_kind, r.status AS rule_status, r.min_months, r.max_months,
    r.description AS rule_description, r.source AS rule_source, r.slack_days,
    row_number() OVER (
      PARTITION BY s.la_code, s.inspection_id
      ORDER BY CASE WHEN r.applies_to_grade IS NOT NULL THEN 0 ELSE 1 END,
               CASE r.rule_kind WHEN 'reinspection' THEN 0 WHEN 'interval_by_grade' THEN 1 ELSE 2 END,
               r.csv_line
    ) AS pick
  FROM scheduling_states s
  JOIN framework_rule_sets fr ON fr.framework = s.framework
  LEFT JOIN scheduling_rules r
    ON r.framework = fr.rule_framework
   AND r.rule_kind IN ('cycle', 'interval_by_grade', 'reinspection')
   AND (r.applies_to_grade IS NULL OR r.applies_to_grade = s.overall_grade)
),
windows AS (
  SELECT
    * EXCLUDE (pick),
    sched_window_open(published_date, min_months) AS window_open,
    sched_window_close(published_date, max_months, slack_days) AS window_close_unadjusted
  FROM ranked WHERE pick = 1
)
SELECT
  w.*,
  sched_blackout_adjusted(w.window_close_unadjusted, w.framework) AS window_close,
  sched_blackout_rule(w.window_close_unadjusted, w.framework) AS blackout_applied,
  sched_blackout_adjusted(w.window_close_unadjusted, w.framework) + 1 AS overdue_from
FROM windows w;

-- Spans in which an authority was overdue: from the day after its window closed until the day before
-- its next inspection began, or its abolition; overdue_to is NULL when still overdue at the data's
-- date. An authority is overdue as at d when overdue_from <= d and (overdue_to IS NULL or d <= overdue_to).
CREATE OR REPLACE VIEW overdue_periods AS
SELECT * FROM (
  SELECT
    w.la_code, w.authority_name, w.ofsted_region, w.status,
    w.inspection_id AS last_inspection_id, w.inspected_la_code, w.framework AS last_framework,
    w.published_date AS last_published_date, w.overall_grade AS last_overall_grade, w.overall_label AS last_overall_label,
    w.rule_id, w.rule_status, w.window_close, w.blackout_applied,
    w.overdue_from,
    CASE WHEN w.next_date IS NULL AND w.exists_to = DATE '9999-12-31' THEN NULL
         ELSE least(w.next_date - 1, w.exists_to) END AS overdue_to,
    w.next_inspection_id
  FROM scheduling_windows w
  WHERE w.overdue_from IS NOT NULL
)
WHERE overdue_to IS NULL OR overdue_from <= overdue_to
ORDER BY overdue_from, authority_name;

-- Every current authority's expected window as at the data's date, with its place in it then.
-- Authorities with no graded inspection in their history have no window.
CREATE OR REPLACE VIEW forward_windows AS
SELECT
  e.la_code, e.authority_name, e.ofsted_region, e.la_type,
  w.inspection_id AS last_inspection_id,
  CASE WHEN w.inspected_la_code <> e.la_code THEN w.inspected_la_code END AS inherited_from,
  w.framework AS last_framework, w.inspection_type AS last_inspection_type,
  w.published_date AS last_published_date, w.overall_grade AS last_overall_grade, w.overall_label AS last_overall_label,
  w.rule_id, w.rule_kind, w.rule_status, w.min_months, w.max_months, w.rule_description, w.rule_source,
  w.window_open, w.window_close, w.blackout_applied,
  CASE
    WHEN w.inspection_id IS NULL THEN 'no graded inspection'
    WHEN w.rule_id IS NULL OR w.window_close IS NULL THEN 'no fixed window'
    WHEN a.data_as_at > w.window_close THEN 'overdue'
    WHEN a.data_as_at < w.window_open THEN 'not yet open'
    ELSE 'in window'
  END AS status_at_data_date,
  a.data_as_at
FROM authority_existence e
CROSS JOIN data_as_at a
LEFT JOIN scheduling_windows w
  ON w.la_code = e.la_code AND a.data_as_at BETWEEN w.state_from AND coalesce(w.state_to, DATE '9999-12-31')
WHERE e.status = 'current' AND a.data_as_at BETWEEN e.exists_from AND e.exists_to
ORDER BY w.window_close NULLS LAST, e.authority_name;

-- Calendar of expected inspections: current authorities by the month their window closes (the
-- month by which the next inspection is due) and region; windows already closed at the data's date
-- are gathered under 'overdue'.
CREATE OR REPLACE VIEW forward_calendar AS
SELECT
  CASE WHEN status_at_data_date = 'overdue' THEN 'overdue' ELSE strftime(window_close, '%Y-%m') END AS due_month,
  ofsted_region,
  count(*)::INTEGER AS authorities,
  string_agg(authority_name, '; ' ORDER BY authority_name) AS authority_names
FROM forward_windows
WHERE window_close IS NOT NULL
GROUP BY 1, 2
ORDER BY due_month = 'overdue' DESC, due_month, ofsted_region;
