-- Evidence for each report and theme (at most one weakness and one strength passage), with the
-- report it came from and its link.
CREATE OR REPLACE VIEW theme_snippets_display AS
SELECT
  s.theme_id, rep.inspection_id, rep.la_code, rep.authority_name, rep.region, rep.framework,
  rep.published_date, rep.overall_grade, rep.overall_label, rep.report_url,
  s.polarity, s.section, s.page, s.term, s.snippet
FROM report_theme_snippets s
JOIN theme_reports rep USING (inspection_id);
