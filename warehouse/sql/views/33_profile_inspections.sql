-- Frameworks grouped into families for "the current framework": an LSCB review belongs to the SIF
-- (parent_framework), and a framework that continues another (reference/frameworks.csv continues:
-- ILACS as revised from April 2026) belongs to that one's family.
CREATE OR REPLACE VIEW framework_families AS
SELECT
  framework,
  coalesce(parent_framework, continues, framework) AS framework_family
FROM frameworks;

-- One grade per inspection and theme: the first judgement in the theme by judgement order, as
-- latest_grade_as_at picks it (a SLAC report grades "overall" for safeguarding, then for LAC).
CREATE OR REPLACE VIEW inspection_theme_grades AS
SELECT
  inspection_id, theme,
  arg_min(grade, judgement_order) AS grade,
  arg_min(grade_label, judgement_order) AS grade_label,
  arg_min(judgement_code, judgement_order) AS judgement_code
FROM judgement_facts
WHERE grade IS NOT NULL
GROUP BY inspection_id, theme;

-- Every graded report in each authority's history, its own and its predecessors', in the order
-- latest_grade_as_at ranks them (publication date; on a tie the authority's own report, then the
-- later end date, then the inspection id). Besides graded_inspections, a review published on its own
-- (an LSCB review) is a graded report too, with no overall grade; is_inspection tells them apart.
CREATE OR REPLACE VIEW profile_reports AS
WITH reports AS (
  SELECT inspection_id, la_code, framework, inspection_type, start_date, end_date, published_date,
         report_url, source_file, overall_grade, overall_label, true AS is_inspection
  FROM graded_inspections
  UNION ALL
  SELECT i.inspection_id, i.la_code, i.framework, i.inspection_type, i.start_date, i.end_date, i.published_date,
         i.report_url, i.source_file, NULL, NULL, false
  FROM inspections i JOIN frameworks f ON f.framework = i.framework
  WHERE f.parent_framework IS NOT NULL
    AND i.inspection_id IN (SELECT inspection_id FROM judgement_facts WHERE grade IS NOT NULL)
)
SELECT
  lin.la_code, lin.depth, g.inspection_id, g.la_code AS inspected_la_code,
  g.framework, ff.framework_family, g.is_inspection,
  g.inspection_type, g.start_date, g.end_date, g.published_date,
  g.overall_grade, g.overall_label, g.report_url, g.source_file,
  row_number() OVER (
    PARTITION BY lin.la_code
    ORDER BY g.published_date, lin.depth DESC, g.end_date NULLS FIRST, g.inspection_id
  ) AS seq
FROM authority_lineage lin
JOIN reports g ON g.la_code = lin.ancestor_la_code
JOIN framework_families ff ON ff.framework = g.framework;

-- The inspections of services among them (an LSCB review published on its own is a report, not an
-- inspection: it neither ends nor starts a sequence, as in scheduling_inspections), each with the
-- previous one, the first of its framework family, and valid_from <= as_at < valid_until: when it is
-- the authority's latest, within the authority's existence (an empty interval: never the latest).
CREATE OR REPLACE VIEW profile_inspection_sequence AS
SELECT
  s.*,
  lag(s.inspection_id) OVER w AS previous_inspection_id,
  first_value(s.inspection_id) OVER (PARTITION BY s.la_code, s.framework_family ORDER BY s.seq) AS first_of_framework_id,
  greatest(s.published_date, e.exists_from) AS valid_from,
  least(lead(s.published_date) OVER w, e.exists_until) AS valid_until
FROM profile_reports s
JOIN authority_existence e ON e.la_code = s.la_code
WHERE s.is_inspection
WINDOW w AS (PARTITION BY s.la_code ORDER BY s.seq);

-- For each inspection in an authority's sequence and each theme it graded: the grade beside the
-- same theme's grade at the previous inspection and at the first inspection of the same framework
-- family, with the direction of travel (a lower grade number is better).
CREATE OR REPLACE VIEW profile_trajectory AS
SELECT
  s.la_code, s.inspection_id, t.theme, th.label AS theme_label, th.sort_order AS theme_order,
  t.grade, t.grade_label,
  s.previous_inspection_id, p.grade AS previous_grade, p.grade_label AS previous_grade_label,
  s.first_of_framework_id, f.grade AS first_grade, f.grade_label AS first_grade_label,
  s.first_of_framework_id = s.inspection_id AS is_first_of_framework,
  CASE WHEN p.grade IS NULL THEN NULL WHEN t.grade < p.grade THEN 'improved' WHEN t.grade > p.grade THEN 'declined' ELSE 'unchanged' END AS since_previous,
  CASE WHEN f.grade IS NULL OR s.first_of_framework_id = s.inspection_id THEN NULL
       WHEN t.grade < f.grade THEN 'improved' WHEN t.grade > f.grade THEN 'declined' ELSE 'unchanged' END AS since_first
FROM profile_inspection_sequence s
JOIN inspection_theme_grades t ON t.inspection_id = s.inspection_id
JOIN themes th ON th.theme = t.theme
LEFT JOIN inspection_theme_grades p ON p.inspection_id = s.previous_inspection_id AND p.theme = t.theme
LEFT JOIN inspection_theme_grades f ON f.inspection_id = s.first_of_framework_id AND f.theme = t.theme;
