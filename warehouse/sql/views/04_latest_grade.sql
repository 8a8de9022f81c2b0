-- The one definition of "the latest grade per authority and theme as at a date", as intervals of
-- as-at dates: one row per authority, theme and judgement that is the latest for
-- valid_from <= as_at < valid_until (valid_until exclusive here; null: still the latest). Among the
-- authority's and its predecessors' judgements in the theme, the one published last wins (on the
-- same day: the authority's own report, then the later end date, the inspection id, the judgement
-- order), from its publication until the theme's next publication, and only while the authority
-- exists (authorities.valid_to is inclusive, so an interval ends the day after it). A successor
-- carries its predecessors' grades until its own inspection (inherited_from names the predecessor).
-- test/profiles.test.ts checks it against an independent point-in-time oracle on every date where
-- either could change.
CREATE OR REPLACE VIEW latest_grade_intervals AS
-- The ranking windows run over the keys alone and the judgement's columns are joined to the winners:
-- a window sorts every column it carries, and at 100x history that is most of the cost.
WITH candidates AS (
  SELECT
    lin.la_code, lin.depth, f.theme, f.published_date, f.inspection_id, f.judgement_code
  FROM authority_lineage lin
  JOIN judgement_facts f ON f.la_code = lin.ancestor_la_code
  WHERE f.grade IS NOT NULL
  QUALIFY row_number() OVER (
    PARTITION BY lin.la_code, f.theme, f.published_date
    ORDER BY lin.depth ASC, f.end_date DESC NULLS LAST, f.inspection_id DESC, f.judgement_order ASC
  ) = 1
),
winners AS (
  SELECT *, lead(published_date) OVER (PARTITION BY la_code, theme ORDER BY published_date) AS superseded
  FROM candidates
),
clipped AS (
  SELECT
    w.la_code, w.depth, w.inspection_id, w.judgement_code, e.ofsted_region,
    greatest(w.published_date, e.exists_from) AS valid_from,
    least(w.superseded, e.exists_until) AS valid_until
  FROM winners w JOIN authority_existence e ON e.la_code = w.la_code
)
SELECT
  c.la_code, c.ofsted_region, f.theme, f.theme_label, f.grade, f.grade_name, f.grade_label, f.judgement_code,
  f.framework, f.inspection_type, f.inspection_id, f.published_date,
  CASE WHEN c.depth > 0 THEN f.la_code END AS inherited_from,
  f.report_url, f.source_file, c.valid_from, c.valid_until
FROM clipped c
JOIN judgement_facts f USING (inspection_id, judgement_code)
WHERE c.valid_until IS NULL OR c.valid_from < c.valid_until;

-- The latest grade per authority and theme on one date, with the authority's names: the rows of
-- latest_grade_intervals standing on that date.
CREATE OR REPLACE MACRO latest_grade_as_at(as_at) AS TABLE
SELECT
  g.la_code, a.name AS authority_name, a.ofsted_region, a.ons_region, a.la_type,
  g.theme, g.theme_label, g.grade, g.grade_name, g.grade_label, g.judgement_code,
  g.framework, g.inspection_type, g.inspection_id, g.published_date, g.inherited_from,
  g.report_url, g.source_file
FROM latest_grade_intervals g JOIN authorities a USING (la_code)
WHERE g.valid_from <= CAST(as_at AS DATE) AND (g.valid_until IS NULL OR CAST(as_at AS DATE) < g.valid_until);
