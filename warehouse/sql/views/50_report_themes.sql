-- The graded reports the tagger read, with what the pages group them by. SIF_LSCB rows are
-- standalone LSCB reviews: they have no local authority areas for improvement.
CREATE OR REPLACE VIEW theme_reports AS
SELECT
  g.inspection_id, g.la_code, a.name AS authority_name, a.ofsted_region AS region,
  g.framework, g.inspection_type, g.published_date, year(g.published_date) AS published_year,
  g.overall_grade, g.overall_label, g.report_url,
  coalesce(sum(r.passages) FILTER (WHERE r.section = 'improve'), 0) AS improve_passages,
  sum(r.passages) AS passages
FROM graded_inspections g
JOIN authorities a USING (la_code)
JOIN report_themes r ON r.inspection_id = g.inspection_id AND r.theme_id = 'all'
GROUP BY ALL;

-- One row per read report and theme: how many passages raise it, where and how.
CREATE OR REPLACE VIEW report_theme_facts AS
SELECT
  rep.*,
  t.theme_id, t.label AS theme_label, t.sort_order AS theme_order, t.kent_group,
  coalesce(sum(c.passages) FILTER (WHERE c.section = 'improve'), 0) AS theme_improve_passages,
  coalesce(sum(c.passages) FILTER (WHERE c.polarity = 'weakness'), 0) AS theme_weakness_passages,
  coalesce(sum(c.passages) FILTER (WHERE c.polarity = 'strength'), 0) AS theme_strength_passages,
  coalesce(sum(c.passages), 0) AS theme_passages
FROM theme_reports rep
CROSS JOIN report_theme_taxonomy t
LEFT JOIN report_themes c ON c.inspection_id = rep.inspection_id AND c.theme_id = t.theme_id
GROUP BY ALL;
