-- Themes in report text (loaders/report-themes, docs/report-themes.md): typed tables over the raw
-- loads of data/report-themes.csv, data/report-theme-snippets.csv and data/reference/report-themes.csv.

-- The two big ones are typed in place rather than copied: at 100x history they hold 7.5 million
-- rows, which take seconds to copy and a fraction of one to retype a column. Their columns are the
-- files' (schema/report-themes.ts), and each row keeps its rowid, by which the checks name its line.
ALTER TABLE raw_report_themes ALTER passages SET DATA TYPE INTEGER;
ALTER TABLE raw_report_themes RENAME TO report_themes;

ALTER TABLE raw_report_theme_snippets ALTER page SET DATA TYPE INTEGER;
ALTER TABLE raw_report_theme_snippets RENAME TO report_theme_snippets;

CREATE OR REPLACE TABLE report_theme_taxonomy AS
SELECT theme_id, label, definition, terms, kent_group, CAST(sort_order AS INTEGER) AS sort_order, source
FROM raw_report_theme_taxonomy;
