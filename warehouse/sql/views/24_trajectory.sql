-- Change: how an authority's latest overall grade compares with its previous one and with the first
-- of its current framework; and transitions from one framework's first inspection to the next's.

-- How a later grade compares with an earlier one on the 1-4 scale (1 outstanding).
CREATE OR REPLACE MACRO grade_change(later, earlier) AS
  CASE
    WHEN later IS NULL OR earlier IS NULL THEN NULL
    WHEN later < earlier THEN 'improved'
    WHEN later > earlier THEN 'declined'
    WHEN later <= 2 THEN 'retained good or better'
    ELSE 'stayed the same below good'
  END;

-- Every overall-graded inspection in each current authority's history (its own and its
-- predecessors'), numbered oldest first in the order latest_grade_as_at uses to pick the latest.
CREATE OR REPLACE VIEW overall_history AS
SELECT
  a.la_code, a.name AS authority_name, a.ofsted_region AS region,
  g.inspection_id, g.la_code AS inspected_la_code, g.framework, g.inspection_type,
  g.published_date, g.overall_grade, g.overall_label,
  row_number() OVER (
    PARTITION BY a.la_code
    ORDER BY g.published_date, lin.depth DESC, g.end_date NULLS FIRST, g.inspection_id
  ) AS seq,
  count(*) OVER (PARTITION BY a.la_code) AS inspections
FROM authorities a
JOIN authority_lineage lin ON lin.la_code = a.la_code
JOIN graded_inspections g ON g.la_code = lin.ancestor_la_code
WHERE a.status = 'current' AND g.overall_grade IS NOT NULL;

-- One row per current authority with at least two overall-graded inspections.
CREATE OR REPLACE VIEW authority_trajectory AS
WITH latest AS (
  SELECT * FROM overall_history WHERE seq = inspections AND inspections >= 2
),
first_current AS (
  SELECT h.la_code, min(h.seq) AS seq
  FROM overall_history h JOIN latest l ON l.la_code = h.la_code AND l.framework = h.framework
  WHERE h.seq < l.seq
  GROUP BY h.la_code
)
SELECT
  l.la_code, l.authority_name, l.region,
  l.inspection_id AS latest_inspection_id, l.framework AS latest_framework,
  CAST(l.published_date AS VARCHAR) AS latest_published, l.overall_grade AS latest_grade, l.overall_label AS latest_label,
  p.inspection_id AS previous_inspection_id, p.framework AS previous_framework,
  CAST(p.published_date AS VARCHAR) AS previous_published, p.overall_grade AS previous_grade, p.overall_label AS previous_label,
  f.inspection_id AS first_current_inspection_id,
  CAST(f.published_date AS VARCHAR) AS first_current_published, f.overall_grade AS first_current_grade, f.overall_label AS first_current_label,
  grade_change(l.overall_grade, p.overall_grade) AS change_vs_previous,
  grade_change(l.overall_grade, f.overall_grade) AS change_vs_first_current
FROM latest l
JOIN overall_history p ON p.la_code = l.la_code AND p.seq = l.seq - 1
LEFT JOIN first_current fc ON fc.la_code = l.la_code
LEFT JOIN overall_history f ON f.la_code = fc.la_code AND f.seq = fc.seq
ORDER BY l.authority_name;

-- Counts of each kind of change, for England and each region.
CREATE OR REPLACE VIEW trajectory_summary AS
WITH long AS (
  SELECT la_code, region, 'latest vs previous' AS comparison, change_vs_previous AS change FROM authority_trajectory
  UNION ALL
  SELECT la_code, region, 'latest vs first of current framework', change_vs_first_current
  FROM authority_trajectory WHERE change_vs_first_current IS NOT NULL
)
SELECT
  comparison,
  CASE WHEN grouping(region) = 1 THEN 'England' ELSE region END AS area,
  change,
  count(*)::INTEGER AS authorities
FROM long
GROUP BY GROUPING SETS ((comparison, change), (comparison, region, change))
ORDER BY comparison, area, change;

-- Each authority as named on its reports (no inheritance, so no report is counted twice), its
-- first overall-graded inspection under each framework, paired with its first under the next
-- framework it met.
CREATE OR REPLACE VIEW framework_transitions AS
WITH firsts AS (
  SELECT
    la_code, framework,
    arg_min(inspection_id, (published_date, end_date, inspection_id)) AS inspection_id,
    min(published_date) AS published_date,
    arg_min(overall_grade, (published_date, end_date, inspection_id)) AS overall_grade
  FROM graded_inspections
  WHERE overall_grade IS NOT NULL
  GROUP BY la_code, framework
),
ordered AS (
  SELECT
    *,
    lead(framework) OVER w AS next_framework,
    lead(inspection_id) OVER w AS next_inspection_id,
    lead(published_date) OVER w AS next_published_date,
    lead(overall_grade) OVER w AS next_overall_grade
  FROM firsts
  WINDOW w AS (PARTITION BY la_code ORDER BY published_date, framework)
)
SELECT
  o.la_code, a.name AS authority_name, a.ofsted_region AS region,
  o.framework AS from_framework, o.inspection_id AS from_inspection_id,
  CAST(o.published_date AS VARCHAR) AS from_published, o.overall_grade AS from_grade,
  o.next_framework AS to_framework, o.next_inspection_id AS to_inspection_id,
  CAST(o.next_published_date AS VARCHAR) AS to_published, o.next_overall_grade AS to_grade
FROM ordered o JOIN authorities a USING (la_code)
WHERE o.next_framework IS NOT NULL;

-- Counts of authorities by overall grade under one framework and under the next (from
-- framework_transitions), for the transitions table.
CREATE OR REPLACE VIEW framework_transition_matrix AS
SELECT from_framework, to_framework, from_grade, to_grade, count(*)::INTEGER AS authorities
FROM framework_transitions
GROUP BY ALL
ORDER BY from_framework, to_framework, from_grade, to_grade;
