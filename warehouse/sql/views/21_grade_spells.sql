-- latest_grade_as_at in interval form, for pages whose reader picks the date: each authority's
-- grade per stock theme from the day it took effect (spell_from) until the day it was replaced or
-- the authority ceased (spell_until, exclusive; null while it stands). For any date d, the rows
-- with spell_from <= d < spell_until are exactly latest_grade_as_at(d) for the stock themes.
CREATE OR REPLACE VIEW grade_spells AS
WITH candidates AS (
  SELECT
    a.la_code, a.valid_from, a.valid_to,
    f.theme, f.grade, f.grade_label, f.framework, f.inspection_id, f.published_date,
    f.la_code AS graded_la_code, lin.depth,
    -- Same tie-break as latest_grade_as_at among reports published the same day.
    row_number() OVER (
      PARTITION BY a.la_code, f.theme, f.published_date
      ORDER BY lin.depth ASC, f.end_date DESC NULLS LAST, f.inspection_id DESC, f.judgement_order ASC
    ) AS pick
  FROM authorities a
  JOIN authority_lineage lin ON lin.la_code = a.la_code
  JOIN judgement_facts f ON f.la_code = lin.ancestor_la_code
  WHERE f.grade IS NOT NULL AND f.theme IN (SELECT theme FROM stock_themes)
),
spells AS (
  SELECT
    *,
    greatest(published_date, coalesce(valid_from, published_date)) AS spell_from,
    least(
      lead(published_date) OVER (PARTITION BY la_code, theme ORDER BY published_date),
      valid_to + 1
    ) AS spell_until
  FROM candidates
  WHERE pick = 1
)
SELECT
  s.la_code, s.theme, s.grade, s.grade_label, s.framework, s.inspection_id, s.published_date,
  CASE WHEN s.depth > 0 THEN s.graded_la_code END AS inherited_from,
  s.spell_from, s.spell_until
FROM spells s
WHERE s.spell_until IS NULL OR s.spell_until > s.spell_from;

-- The current authorities' map shapes an authority's grades are drawn on: its own, or, for an
-- authority that no longer exists, its successors' when it is their only predecessor (North and
-- West Northamptonshire show Northamptonshire's grades before April 2021; Bournemouth, Christchurch
-- and Poole, formed from three authorities, shows none before April 2019).
CREATE OR REPLACE VIEW authority_map_shapes AS
WITH sole_predecessor AS (
  SELECT successor_la_code, min(predecessor_la_code) AS predecessor_la_code
  FROM reorganisations GROUP BY successor_la_code HAVING count(*) = 1
)
SELECT a.la_code, list(s.shape ORDER BY s.shape) FILTER (WHERE s.shape IS NOT NULL) AS shapes
FROM authorities a
LEFT JOIN (
  SELECT la_code, la_code AS shape FROM authorities WHERE status = 'current'
  UNION ALL
  SELECT predecessor_la_code, successor_la_code FROM sole_predecessor
) s USING (la_code)
GROUP BY a.la_code;
