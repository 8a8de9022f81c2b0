-- Typed tables over the raw CSV loads; csv_line is the row's line in its file (header is line 1).
CREATE OR REPLACE TABLE authorities AS
SELECT
  la_code, gss_code, gss_codes_previous, name, aliases, ofsted_urn,
  ofsted_region_code, ofsted_region, ons_region_code, ons_region, la_type,
  coalesce(string_split(stat_neighbours, '|'), []) AS stat_neighbours,
  CAST(population_0_25 AS INTEGER) AS population_0_25,
  status,
  CAST(valid_from AS DATE) AS valid_from,
  CAST(valid_to AS DATE) AS valid_to,
  successors, predecessors, source,
  rowid + 2 AS csv_line
FROM raw_authorities;

-- Published reports, then the earlier inspections later reports state (stated-inspections.csv),
-- so that every view counts both. A stated inspection is known to the month (or year) only: it is
-- placed on the first day of its month, a year-only one on the later of 1 January and the first
-- month its framework rule allows (docs/methodology.md); date_precision says which.
CREATE OR REPLACE TABLE inspections AS
SELECT
  inspection_id, la_code, framework, inspection_type,
  CAST(start_date AS DATE) AS start_date,
  CAST(end_date AS DATE) AS end_date,
  CAST(published_date AS DATE) AS published_date,
  source_file, source_sha256, report_url,
  'day' AS date_precision, CAST(NULL AS VARCHAR) AS stated_in,
  rowid + 2 AS csv_line
FROM raw_inspections
UNION ALL BY NAME
SELECT
  s.inspection_id, s.la_code, s.framework, s.inspection_type,
  p.placed AS start_date, CAST(NULL AS DATE) AS end_date, p.placed AS published_date,
  s.source_file, s.source_sha256, s.report_url,
  s.date_precision, s.stated_in,
  s.rowid + 2 AS csv_line
FROM raw_stated_inspections s
-- Ungraded events a later report mentions (unannounced contact, referral and assessment visits) stay
-- in stated-inspections.csv only: the canonical table holds graded inspections.
JOIN raw_stated_framework_rules r ON r.rule_id = s.rule_id AND r.graded = 'yes'
CROSS JOIN LATERAL (
  SELECT CASE WHEN s.date_precision = 'month' THEN CAST(s.stated_date || '-01' AS DATE)
              ELSE greatest(CAST(s.stated_date || '-01-01' AS DATE), CAST(r.from_month || '-01' AS DATE)) END AS placed
) p;

CREATE OR REPLACE TABLE judgements AS
SELECT inspection_id, judgement_code, grade_label, source, rowid + 2 AS csv_line
FROM raw_judgements
UNION ALL
SELECT inspection_id, judgement_code, grade_label, source, rowid + 2 AS csv_line
FROM raw_stated_judgements;

CREATE OR REPLACE TABLE ingest_accounting AS
SELECT *, rowid + 2 AS csv_line FROM raw_ingest_accounting;
