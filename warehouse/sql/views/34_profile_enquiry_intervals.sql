-- Lines of enquiry an analyst starts a briefing from, as intervals of as-at dates. Only themes
-- whose grade comes from the framework family of the authority's latest inspection count (an LSCB
-- or SLAC sub-grade from an earlier framework is history, not a line of enquiry):
--   below_good      the latest grade in the theme is 3 or 4
--   fell            the latest inspection graded the theme worse than the previous inspection did
--   below_neighbours more than half of the neighbours graded in the theme have a better grade
CREATE OR REPLACE VIEW profile_enquiry_intervals AS
WITH latest_inspection AS (
  SELECT la_code, inspection_id, framework_family, published_date, valid_from, valid_until
  FROM profile_inspection_sequence
  WHERE valid_until IS NULL OR valid_from < valid_until
),
below_neighbours AS (
  -- runs of dates below most neighbours with the same own grade, however the counts move
  SELECT la_code, theme, grade, framework_family, min(valid_from) AS valid_from,
         CASE WHEN count(valid_until) = count(*) THEN max(valid_until) END AS valid_until
  FROM (
    SELECT *, sum(starts) OVER (PARTITION BY la_code, theme ORDER BY valid_from) AS run
    FROM (
      SELECT c.*, ff.framework_family,
        CASE WHEN lag(c.valid_until) OVER w = c.valid_from AND lag(c.grade) OVER w = c.grade
              AND lag(ff.framework_family) OVER w = ff.framework_family THEN 0 ELSE 1 END AS starts
      FROM neighbour_comparison_intervals c JOIN framework_families ff ON ff.framework = c.framework
      WHERE c.below_most
      WINDOW w AS (PARTITION BY c.la_code, c.theme ORDER BY c.valid_from)
    )
  )
  GROUP BY la_code, theme, grade, framework_family, run
),
candidates AS (
  SELECT g.la_code, 'below_good' AS kind, g.theme, g.grade, g.grade_label, g.inspection_id, g.published_date,
         NULL::VARCHAR AS previous_grade_label,
         ff.framework_family, g.valid_from, g.valid_until
  FROM latest_grade_intervals g JOIN framework_families ff ON ff.framework = g.framework
  WHERE g.grade >= 3
  UNION ALL
  SELECT t.la_code, 'fell', t.theme, t.grade, t.grade_label, t.inspection_id, s.published_date,
         t.previous_grade_label,
         s.framework_family, s.valid_from, s.valid_until
  FROM profile_trajectory t JOIN latest_inspection s USING (la_code, inspection_id)
  WHERE t.since_previous = 'declined'
  UNION ALL
  SELECT la_code, 'below_neighbours', theme, grade, NULL, NULL, NULL,
         NULL, framework_family, valid_from, valid_until
  FROM below_neighbours
),
clipped AS (
  SELECT
    c.* EXCLUDE (valid_from, valid_until),
    greatest(c.valid_from, l.valid_from) AS valid_from,
    least(c.valid_until, l.valid_until) AS valid_until
  FROM candidates c
  JOIN latest_inspection l
    ON l.la_code = c.la_code AND l.framework_family = c.framework_family
   AND (l.valid_until IS NULL OR c.valid_from < l.valid_until)
   AND (c.valid_until IS NULL OR l.valid_from < c.valid_until)
)
SELECT c.*, t.label AS theme_label, t.sort_order AS theme_order
FROM clipped c JOIN themes t USING (theme)
WHERE c.valid_until IS NULL OR c.valid_from < c.valid_until;
