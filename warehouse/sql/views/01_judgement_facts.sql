-- One row per published judgement, with its inspection, authority, harmonised theme and 1-4 grade.
CREATE OR REPLACE VIEW judgement_facts AS
SELECT
  j.inspection_id,
  i.la_code,
  a.name AS authority_name,
  a.ofsted_region,
  a.ons_region,
  a.la_type,
  a.status AS authority_status,
  i.framework,
  i.inspection_type,
  i.start_date,
  i.end_date,
  i.published_date,
  j.judgement_code,
  ja.label AS judgement_label,
  ja.is_headline,
  ja.sort_order AS judgement_order,
  ja.theme,
  t.label AS theme_label,
  j.grade_label,
  g.grade,
  g.grade_name,
  i.source_file,
  i.report_url,
  j.source
FROM judgements j
JOIN inspections i USING (inspection_id)
JOIN authorities a ON a.la_code = i.la_code
JOIN judgement_areas ja ON ja.judgement_code = j.judgement_code
JOIN themes t ON t.theme = ja.theme
JOIN grade_scale g ON g.grade_key = grade_key(j.grade_label);
