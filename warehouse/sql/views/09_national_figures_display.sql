-- Published national figures from the seeds, with readable theme and grade names.
CREATE OR REPLACE VIEW national_figures_display AS
SELECT
  n.figure_id, n.framework, f.name AS framework_name,
  CAST(n.period_start AS VARCHAR) AS period_start,
  CAST(n.period_end AS VARCHAR) AS period_end,
  n.measure, n.theme, t.label AS theme_label, n.grade,
  (SELECT min(g.grade_name) FROM grade_scale g WHERE g.grade = n.grade) AS grade_name,
  n.value, n.unit, n.source
FROM national_figures n
JOIN frameworks f USING (framework)
LEFT JOIN themes t USING (theme)
ORDER BY n.framework, n.csv_line;
