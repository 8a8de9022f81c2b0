-- Shared ground for the coverage, proportionality and forward-look views (docs/scheduling.md).

-- Graded inspections of an authority's services: a review run under a framework's umbrella and
-- published on its own (an LSCB review, SIF_LSCB) is not one, and neither starts nor ends an interval.
CREATE OR REPLACE VIEW scheduling_inspections AS
SELECT g.*
FROM graded_inspections g JOIN frameworks f USING (framework)
WHERE f.parent_framework IS NULL;

-- The rule set an inspection's successor is judged by: its own framework's, or that of the framework
-- it continues (reference/frameworks.csv continues: ILACS from April 2026 keeps the ILACS timetable).
CREATE OR REPLACE VIEW framework_rule_sets AS
SELECT framework, coalesce(continues, framework) AS rule_framework FROM frameworks;

-- Blackout periods in which inspections do not start, one row per rule and year, from the rules'
-- typed blackout_from/blackout_to (MM-DD; a span that ends before it starts runs into the next year).
-- The rules give no dates for Christmas; 12 December to 11 January is the span with no ILACS start in
-- the Data to Insight history (rule ilacs_blackout_christmas), applied to the SIF rule as well.
CREATE OR REPLACE VIEW scheduling_blackouts AS
SELECT framework, rule_id, status, blackout_start,
  CASE WHEN blackout_end_same_year < blackout_start THEN CAST(blackout_end_same_year + INTERVAL 1 YEAR AS DATE)
       ELSE blackout_end_same_year END AS blackout_end
FROM (
  SELECT r.framework, r.rule_id, r.status,
    CAST(strptime(y || '-' || r.blackout_from, '%Y-%m-%d') AS DATE) AS blackout_start,
    CAST(strptime(y || '-' || r.blackout_to, '%Y-%m-%d') AS DATE) AS blackout_end_same_year
  FROM scheduling_rules r, (SELECT CAST(range AS INTEGER) AS y FROM range(2008, 2036)) years
  WHERE r.rule_kind = 'blackout'
);

-- A window's last day moved past a blackout it falls in: an inspection cannot start during one, so
-- the first day after it still counts as on time. Only the closing day moves (docs/scheduling.md).
CREATE OR REPLACE MACRO sched_blackout_adjusted(d, fw) AS coalesce(
  (SELECT max(b.blackout_end) + 1 FROM scheduling_blackouts b
   JOIN framework_rule_sets fr ON fr.rule_framework = b.framework
   WHERE fr.framework = fw AND d BETWEEN b.blackout_start AND b.blackout_end),
  d);

-- The blackout rule(s) a date falls in for a framework, named for the tables.
CREATE OR REPLACE MACRO sched_blackout_rule(d, fw) AS
  (SELECT string_agg(b.rule_id, ', ') FROM scheduling_blackouts b
   JOIN framework_rule_sets fr ON fr.rule_framework = b.framework
   WHERE fr.framework = fw AND d BETWEEN b.blackout_start AND b.blackout_end);

-- Months measured on the 365.25-day year, to two decimals, for distributions and tables.
CREATE OR REPLACE MACRO sched_months(a, b) AS round(date_diff('day', a, b) / 30.4375, 2);

-- The window a scheduling rule sets from an anchor date (the previous report's publication). A rule
-- counted from the action plan (window_anchor action_plan: SIF, seed 001 para 200, plan due within 70
-- working days of the pre-publication report, which precedes publication) closes slack_days later. A window's first day: the anchor plus min_months.
CREATE OR REPLACE MACRO sched_window_open(anchor, min_months) AS
  CAST(anchor + to_months(CAST(min_months AS INTEGER)) AS DATE);

-- A window's last day: the anchor plus the rule's slack_days plus max_months.
CREATE OR REPLACE MACRO sched_window_close(anchor, max_months, slack_days) AS
  CAST(anchor + CAST(slack_days AS INTEGER) + to_months(CAST(max_months AS INTEGER)) AS DATE);
