-- For each authority and theme it has a latest grade in: how many of its statistical neighbours
-- (authorities.stat_neighbours) have a latest grade in the theme, and how many of those are
-- better, the same or worse, as intervals of as-at dates. below_most: more than half of the
-- graded neighbours are better. framework is that of the authority's own latest grade.
CREATE OR REPLACE VIEW neighbour_comparison_intervals AS
WITH pairs AS (
  SELECT a.la_code, n.neighbour
  FROM authorities a, unnest(a.stat_neighbours) AS n(neighbour)
),
bounds AS (
  -- every date on which the authority's or a neighbour's latest grade in the theme can change
  SELECT la_code, theme, valid_from AS day FROM latest_grade_intervals
  UNION SELECT la_code, theme, valid_until FROM latest_grade_intervals WHERE valid_until IS NOT NULL
  UNION SELECT p.la_code, g.theme, g.valid_from FROM pairs p JOIN latest_grade_intervals g ON g.la_code = p.neighbour
  UNION SELECT p.la_code, g.theme, g.valid_until FROM pairs p JOIN latest_grade_intervals g ON g.la_code = p.neighbour WHERE g.valid_until IS NOT NULL
),
segments AS (
  SELECT la_code, theme, day AS seg_from, lead(day) OVER (PARTITION BY la_code, theme ORDER BY day) AS seg_to
  FROM bounds
),
-- Each segment asks for the grade standing at seg_from of the authority itself and of each neighbour.
-- An authority's intervals in a theme follow each other without overlap, so the one standing is the
-- last to start by then, if it has not ended: carried forward in one sort of the intervals and the
-- questions together, which grows with the rows (a range join grows with each history squared).
questions AS (
  SELECT s.la_code, s.theme, s.seg_from, s.seg_to, w.who, w.is_own
  FROM segments s
  JOIN (SELECT la_code, la_code AS who, true AS is_own FROM authorities
        UNION ALL SELECT la_code, neighbour, false FROM pairs) w USING (la_code)
),
timeline AS (
  SELECT who, theme, seg_from AS day, 1 AS is_question, la_code, seg_to, is_own, NULL AS interval
  FROM questions
  UNION ALL
  SELECT la_code, theme, valid_from, 0, NULL, NULL, NULL, {grade: grade, framework: framework, valid_until: valid_until}
  FROM latest_grade_intervals
),
answers AS (
  SELECT la_code, theme, seg_from, seg_to, is_own,
    CASE WHEN seg_from < coalesce(standing.valid_until, DATE '9999-12-31') THEN standing.grade END AS grade,
    standing.framework AS framework
  FROM (
    SELECT la_code, theme, day AS seg_from, seg_to, is_own, is_question,
      last_value(interval IGNORE NULLS) OVER (PARTITION BY who, theme ORDER BY day, is_question ROWS UNBOUNDED PRECEDING) AS standing
    FROM timeline
  )
  WHERE is_question = 1
),
own AS (
  SELECT la_code, theme, seg_from, seg_to, grade, framework FROM answers WHERE is_own AND grade IS NOT NULL
),
counted AS (
  SELECT
    o.la_code, o.theme, o.seg_from, o.seg_to, o.grade, o.framework,
    count(n.grade) AS neighbours_graded,
    count(*) FILTER (WHERE n.grade < o.grade) AS neighbours_better,
    count(*) FILTER (WHERE n.grade = o.grade) AS neighbours_same,
    count(*) FILTER (WHERE n.grade > o.grade) AS neighbours_worse
  FROM own o
  JOIN answers n ON n.la_code = o.la_code AND n.theme = o.theme AND n.seg_from = o.seg_from AND NOT n.is_own
  GROUP BY o.la_code, o.theme, o.seg_from, o.seg_to, o.grade, o.framework
),
marked AS (
  -- a run continues while segments touch and nothing compared changes
  SELECT *,
    CASE WHEN lag(seg_to) OVER w = seg_from
          AND lag([grade, neighbours_graded, neighbours_better, neighbours_same, neighbours_worse]) OVER w
              = [grade, neighbours_graded, neighbours_better, neighbours_same, neighbours_worse]
          AND lag(framework) OVER w = framework THEN 0 ELSE 1 END AS starts
  FROM counted
  WINDOW w AS (PARTITION BY la_code, theme ORDER BY seg_from)
),
runs AS (
  SELECT *, sum(starts) OVER (PARTITION BY la_code, theme ORDER BY seg_from) AS run FROM marked
)
SELECT
  la_code, theme, grade, framework,
  neighbours_graded::INTEGER AS neighbours_graded,
  neighbours_better::INTEGER AS neighbours_better,
  neighbours_same::INTEGER AS neighbours_same,
  neighbours_worse::INTEGER AS neighbours_worse,
  neighbours_better * 2 > neighbours_graded AS below_most,
  min(seg_from) AS valid_from,
  CASE WHEN count(seg_to) = count(*) THEN max(seg_to) END AS valid_until
FROM runs
GROUP BY la_code, theme, grade, framework, neighbours_graded, neighbours_better, neighbours_same, neighbours_worse, run;
