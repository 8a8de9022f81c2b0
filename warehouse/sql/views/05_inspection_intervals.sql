-- Each graded inspection with the previous graded inspection of the same authority or of an
-- authority it succeeded, the previous overall grade, and the interval between them.
CREATE OR REPLACE VIEW inspection_intervals AS
WITH pairs AS (
  SELECT
    cur.la_code, cur.inspection_id, cur.framework, cur.inspection_type,
    cur.start_date, cur.end_date, cur.published_date, cur.overall_grade,
    prev.inspection_id AS prev_inspection_id,
    prev.la_code AS prev_la_code,
    prev.framework AS prev_framework,
    prev.start_date AS prev_start_date,
    prev.end_date AS prev_end_date,
    prev.published_date AS prev_published_date,
    prev.overall_grade AS prev_overall_grade,
    prev.overall_label AS prev_overall_label,
    row_number() OVER (
      PARTITION BY cur.inspection_id
      ORDER BY prev.published_date DESC, lin.depth ASC, prev.inspection_id DESC
    ) AS pick
  FROM graded_inspections cur
  JOIN authority_lineage lin ON lin.la_code = cur.la_code
  LEFT JOIN graded_inspections prev
    ON prev.la_code = lin.ancestor_la_code
   AND (prev.published_date < cur.published_date
        OR (prev.published_date = cur.published_date AND prev.inspection_id < cur.inspection_id AND prev.la_code = cur.la_code))
)
SELECT
  * EXCLUDE (pick),
  CASE WHEN prev_inspection_id IS NOT NULL THEN date_diff('day', prev_published_date, published_date) END AS days_between_publications,
  CASE WHEN prev_end_date IS NOT NULL AND start_date IS NOT NULL THEN date_diff('day', prev_end_date, start_date) END AS days_end_to_next_start,
  CASE WHEN prev_inspection_id IS NOT NULL THEN date_diff('month', prev_published_date, published_date) END AS months_between_publications
FROM pairs
WHERE pick = 1;
