-- Inspections with at least one graded judgement, with the headline overall grade where the
-- framework gives one (SLAC: the first-ordered overall judgement; ILACS from 2026: none).
-- A review published on its own under a framework that runs alongside another (an LSCB review,
-- parent SIF) is not an inspection of the authority's services: its grades count in
-- judgement_facts and latest grades, not here, so it does not break an interval or count as coverage.
CREATE OR REPLACE VIEW graded_inspections AS
SELECT
  i.inspection_id, i.la_code, i.framework, i.inspection_type,
  i.start_date, i.end_date, i.published_date, i.source_file, i.report_url,
  arg_min(f.grade, f.judgement_order) FILTER (WHERE f.theme = 'overall' AND f.grade IS NOT NULL) AS overall_grade,
  arg_min(f.grade_label, f.judgement_order) FILTER (WHERE f.theme = 'overall' AND f.grade IS NOT NULL) AS overall_label,
  count(*) FILTER (WHERE f.grade IS NOT NULL) AS graded_judgements
FROM inspections i
JOIN frameworks fw ON fw.framework = i.framework AND fw.parent_framework IS NULL
JOIN judgement_facts f USING (inspection_id)
GROUP BY ALL
HAVING count(*) FILTER (WHERE f.grade IS NOT NULL) > 0;
