-- The SIF-period national figures published in seed 004 (section 5, para 5.1, in national_figures)
-- recomputed from our rows for the same window: one row per figure, published beside computed.

-- The paper's window, as the published figures state it (November 2013 to October 2014).
CREATE OR REPLACE VIEW xcheck_sif_window AS
SELECT period_start AS date_from, period_end AS date_to,
  (period_end - period_start + 1) / 365.25 AS years
FROM national_figures WHERE figure_id = 'sif_overall_total';

-- Each authority's first SIF report (the paper counts authorities, one report each).
CREATE OR REPLACE VIEW xcheck_sif_first_reports AS
SELECT la_code,
  arg_min(inspection_id, published_date) AS inspection_id,
  min(published_date) AS published_date,
  arg_min(start_date, published_date) AS start_date
FROM inspections WHERE framework = 'SIF'
GROUP BY la_code;

-- The reports the paper counted: first SIF reports published in the window, with the overall
-- grade and the LSCB grade (from the same report, or a separate LSCB review published in the window).
CREATE OR REPLACE VIEW xcheck_sif_paper_reports AS
SELECT r.la_code, r.inspection_id, r.published_date,
  (SELECT arg_min(f.grade, f.judgement_order) FROM judgement_facts f
    WHERE f.inspection_id = r.inspection_id AND f.theme = 'overall') AS overall_grade,
  (SELECT arg_min(f.grade, f.published_date) FROM judgement_facts f
    WHERE f.la_code = r.la_code AND f.theme = 'lscb' AND f.framework IN ('SIF', 'SIF_LSCB')
      AND f.published_date BETWEEN w.date_from AND w.date_to) AS lscb_grade
FROM xcheck_sif_first_reports r, xcheck_sif_window w
WHERE r.published_date BETWEEN w.date_from AND w.date_to;

-- Seed 004's section 5 national figures beside the same figures computed from our rows.
CREATE OR REPLACE VIEW national_figures_check AS
WITH w AS (SELECT * FROM xcheck_sif_window),
graded AS (
  SELECT 'overall' AS theme, overall_grade AS grade FROM xcheck_sif_paper_reports
  UNION ALL SELECT 'lscb', lscb_grade FROM xcheck_sif_paper_reports
),
-- Authorities in existence at the end of the window (the paper's "all LAs").
live AS (
  SELECT count(*) AS n FROM authorities_live_as_at((SELECT date_to FROM w))
),
-- Fieldwork started in the window, published or not: the pace the paper's projection rests on.
started AS (
  SELECT count(*) AS n FROM xcheck_sif_first_reports r, w WHERE r.start_date BETWEEN w.date_from AND w.date_to
),
unpublished AS (
  SELECT count(*) AS n, string_agg(a.name, '; ' ORDER BY a.name) AS names
  FROM xcheck_sif_first_reports r JOIN authorities a USING (la_code), w
  WHERE r.start_date <= w.date_to AND r.published_date > w.date_to
),
computed AS (
  SELECT n.figure_id,
    CASE
      WHEN n.figure_id = 'sif_authorities_inspected_pct'
        THEN 100.0 * (SELECT count(*) FROM xcheck_sif_paper_reports) / (SELECT n FROM live)
      WHEN n.unit = 'years'
        THEN (SELECT n FROM live) / ((SELECT n FROM started) / w.years)
      WHEN n.figure_id = 'sif_inspected_unpublished' THEN (SELECT n FROM unpublished)
      WHEN n.unit = 'count' AND n.grade IS NOT NULL
        THEN (SELECT count(*) FROM graded g WHERE g.theme = n.theme AND g.grade = n.grade)
      WHEN n.unit = 'count' THEN (SELECT count(*) FROM graded g WHERE g.theme = n.theme AND g.grade IS NOT NULL)
      WHEN n.unit = 'percent'
        THEN 100.0 * (SELECT count(*) FROM graded g WHERE g.theme = n.theme AND g.grade >= 3)
          / (SELECT count(*) FROM graded g WHERE g.theme = n.theme AND g.grade IS NOT NULL)
    END AS computed,
    CASE
      WHEN n.figure_id = 'sif_authorities_inspected_pct'
        THEN (SELECT count(*) FROM xcheck_sif_paper_reports) || ' first SIF reports published in the window / '
          || (SELECT n FROM live) || ' authorities in existence on ' || w.date_to
      WHEN n.unit = 'years'
        THEN (SELECT n FROM live) || ' authorities / (' || (SELECT n FROM started)
          || ' SIF inspections started in the window per ' || round(w.years, 2) || ' years)'
      WHEN n.figure_id = 'sif_inspected_unpublished'
        THEN 'started by ' || w.date_to || ', published after: ' || (SELECT names FROM unpublished)
      ELSE 'first SIF reports published ' || w.date_from || ' to ' || w.date_to
        || CASE n.theme WHEN 'lscb' THEN ', LSCB grade' ELSE ', overall effectiveness' END
    END AS basis
  FROM national_figures n, w
  WHERE n.framework IN ('SIF', 'SIF_LSCB')
),
-- A published range (3.5 - 4 years) is two rows; a computed value inside it agrees with both.
ranges AS (
  SELECT regexp_replace(figure_id, '_(min|max)$', '') AS family, min(value) AS lo, max(value) AS hi
  FROM national_figures WHERE unit = 'years' GROUP BY ALL
)
SELECT
  n.figure_id, n.framework, n.measure, n.theme, n.grade, n.unit,
  n.value AS published,
  round(c.computed, 1) AS computed,
  round(c.computed - n.value, 1) AS difference,
  CASE n.unit
    WHEN 'count' THEN c.computed = n.value
    WHEN 'percent' THEN round(c.computed) = n.value
    WHEN 'years' THEN c.computed BETWEEN r.lo AND r.hi
  END AS agrees,
  c.basis,
  n.source
FROM national_figures n
JOIN computed c USING (figure_id)
LEFT JOIN ranges r ON r.family = regexp_replace(n.figure_id, '_(min|max)$', '')
ORDER BY n.csv_line;
