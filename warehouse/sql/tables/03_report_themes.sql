-- Themes in report text (loaders/report-themes, docs/report-themes.md): typed tables over the raw
-- loads of data/report-themes.csv, data/report-theme-snippets.csv and data/reference/report-themes.csv.

CREATE OR REPLACE TABLE report_themes AS
SELECT inspection_id, theme_id, section, polarity, CAST(passages AS INTEGER) AS passages
FROM raw_report_themes;

CREATE OR REPLACE TABLE report_theme_snippets AS
SELECT inspection_id, theme_id, section, polarity, CAST(page AS INTEGER) AS page, term, snippet
FROM raw_report_theme_snippets;

CREATE OR REPLACE TABLE report_theme_taxonomy AS
SELECT theme_id, label, definition, terms, kent_group, CAST(sort_order AS INTEGER) AS sort_order, source
FROM raw_report_theme_taxonomy;
