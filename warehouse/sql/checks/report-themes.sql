-- Theme counts and snippets belong to a known inspection and a theme in the taxonomy
-- ('all' is the loader's row of all passages in a section, whatever their theme).
SELECT 'report-themes.csv' AS file, r.rowid + 2 AS line,
       'unknown inspection_id ' || r.inspection_id AS problem
FROM report_themes r LEFT JOIN inspections i USING (inspection_id)
WHERE i.inspection_id IS NULL
UNION ALL
SELECT 'report-themes.csv', r.rowid + 2, 'unknown theme ' || r.theme_id
FROM report_themes r LEFT JOIN raw_report_theme_taxonomy t USING (theme_id)
WHERE t.theme_id IS NULL AND r.theme_id <> 'all'
UNION ALL
SELECT 'report-theme-snippets.csv', s.rowid + 2, 'unknown inspection_id ' || s.inspection_id
FROM report_theme_snippets s LEFT JOIN inspections i USING (inspection_id)
WHERE i.inspection_id IS NULL
