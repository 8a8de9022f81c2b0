-- Every ingested report, as the passage search shows and filters it: authority, region, framework,
-- publication date and year, overall grade where the framework gives one (graded_inspections), link.
-- Unlike theme_reports it keeps standalone LSCB reviews and reports without an overall grade: their
-- passages are searchable too.
CREATE OR REPLACE VIEW search_reports AS
SELECT
  i.inspection_id, i.la_code, a.name AS authority_name, a.ofsted_region AS region,
  i.framework, i.inspection_type, i.published_date, year(i.published_date) AS published_year,
  g.overall_grade, g.overall_label, i.report_url
FROM inspections i
JOIN authorities a USING (la_code)
LEFT JOIN graded_inspections g USING (inspection_id);
