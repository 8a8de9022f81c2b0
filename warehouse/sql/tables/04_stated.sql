-- Earlier inspections as later reports state them, every claim read, and every report's accounting
-- (loaders/previous-inspections). Their inspections and judgements also join the canonical tables
-- (01_canonical.sql); these keep the stated month, the quote and the page.
CREATE OR REPLACE TABLE stated_inspections AS
SELECT * EXCLUDE (stated_page, statements),
  CAST(stated_page AS INTEGER) AS stated_page, CAST(statements AS INTEGER) AS statements,
  rowid + 2 AS csv_line
FROM raw_stated_inspections;

CREATE OR REPLACE TABLE stated_judgements AS
SELECT * EXCLUDE (stated_page), CAST(stated_page AS INTEGER) AS stated_page, rowid + 2 AS csv_line
FROM raw_stated_judgements;

CREATE OR REPLACE TABLE stated_statements AS
SELECT * EXCLUDE (page), CAST(page AS INTEGER) AS page, rowid + 2 AS csv_line
FROM raw_stated_statements;

CREATE OR REPLACE TABLE stated_accounting AS
SELECT * EXCLUDE (statements, used),
  CAST(statements AS INTEGER) AS statements, CAST(used AS INTEGER) AS used,
  rowid + 2 AS csv_line
FROM raw_stated_accounting;

CREATE OR REPLACE TABLE stated_framework_rules AS
SELECT *, rowid + 2 AS csv_line FROM raw_stated_framework_rules;

CREATE OR REPLACE TABLE slac_published_figures AS
SELECT * EXCLUDE (grade, value), CAST(grade AS INTEGER) AS grade, CAST(value AS INTEGER) AS value,
  rowid + 2 AS csv_line
FROM raw_slac_published_figures;
