CREATE OR REPLACE TABLE frameworks AS
SELECT
  framework, name,
  CAST(start_date AS DATE) AS start_date,
  CAST(end_date AS DATE) AS end_date,
  parent_framework, continues, grade_scale, graded = 'yes' AS graded, description, source,
  rowid + 2 AS csv_line
FROM raw_frameworks;

CREATE OR REPLACE TABLE themes AS
SELECT theme, label, description, CAST(sort_order AS INTEGER) AS sort_order, source, rowid + 2 AS csv_line
FROM raw_themes;

CREATE OR REPLACE TABLE judgement_areas AS
SELECT
  judgement_code, framework, label, parent_code, theme, is_headline = 'yes' AS is_headline,
  CAST(sort_order AS INTEGER) AS sort_order, source, rowid + 2 AS csv_line
FROM raw_judgement_areas;

-- Labels are matched case-insensitively with whitespace collapsed; the published label is kept.
CREATE OR REPLACE TABLE grade_scale AS
SELECT
  grade_key(grade_label) AS grade_key,
  grade_label, CAST(grade AS INTEGER) AS grade, grade_name, frameworks, source, rowid + 2 AS csv_line
FROM raw_grade_scale;

CREATE OR REPLACE TABLE scheduling_rules AS
SELECT
  rule_id, framework, CAST(applies_to_grade AS INTEGER) AS applies_to_grade, rule_kind,
  CAST(min_months AS DOUBLE) AS min_months, CAST(max_months AS DOUBLE) AS max_months,
  window_anchor, coalesce(CAST(slack_days AS INTEGER), 0) AS slack_days, blackout_from, blackout_to,
  status, description, source, rowid + 2 AS csv_line
FROM raw_scheduling_rules;

CREATE OR REPLACE TABLE national_figures AS
SELECT
  figure_id, framework,
  CAST(period_start AS DATE) AS period_start,
  CAST(period_end AS DATE) AS period_end,
  measure, theme, CAST(grade AS INTEGER) AS grade, CAST(value AS DOUBLE) AS value, unit, source,
  rowid + 2 AS csv_line
FROM raw_national_figures;

CREATE OR REPLACE TABLE kent_annex1 AS
SELECT
  CAST("row" AS INTEGER) AS annex_row, authority_as_published, la_code,
  overall_as_published, exceptions_as_published, lscb_as_published, source, rowid + 2 AS csv_line
FROM raw_kent_annex1;

CREATE OR REPLACE TABLE reorganisations AS
SELECT predecessor_la_code, successor_la_code, CAST(date AS DATE) AS date, source, rowid + 2 AS csv_line
FROM raw_reorganisations;
