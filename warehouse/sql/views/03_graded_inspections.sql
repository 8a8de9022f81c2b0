-- Inspections with at least one graded judgement, with the headline overall grade where the
-- framework gives one (SLAC: the first-ordered overall judgement; ILACS from 2026: none).
CREATE OR REPLACE VIEW graded_inspections AS
SELECT
  i.inspection_id, i.la_code, i.framework, i.inspection_type,
  i.start_date, i.end_date, i.published_date, i.source_file, i.report_url,
  arg_min(f.grade, f.judgement_order) FILTER (WHERE f.theme = 'overall' AND f.grade IS NOT NULL) AS overall_grade,
  arg_min(f.grade_label, f.judgement_order) FILTER (WHERE f.theme = 'overall' AND f.grade IS NOT NULL) AS overall_label,
  count(*) FILTER (WHERE f.grade IS NOT NULL) AS graded_judgements
FROM inspections i
JOIN judgement_facts f USING (inspection_id)
GROUP BY ALL
HAVING count(*) FILTER (WHERE f.grade IS NOT NULL) > 0;
