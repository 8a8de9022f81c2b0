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

CREATE OR REPLACE TABLE inspections AS
SELECT
  inspection_id, la_code, framework, inspection_type,
  CAST(start_date AS DATE) AS start_date,
  CAST(end_date AS DATE) AS end_date,
  CAST(published_date AS DATE) AS published_date,
  source_file, source_sha256, report_url,
  rowid + 2 AS csv_line
FROM raw_inspections;

CREATE OR REPLACE TABLE judgements AS
SELECT inspection_id, judgement_code, grade_label, source, rowid + 2 AS csv_line
FROM raw_judgements;

CREATE OR REPLACE TABLE ingest_accounting AS
SELECT *, rowid + 2 AS csv_line FROM raw_ingest_accounting;
