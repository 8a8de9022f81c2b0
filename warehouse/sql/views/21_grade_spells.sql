-- latest_grade_intervals for the stock themes, named for the pages whose reader picks the date:
-- each authority's grade from the day it took effect (spell_from) until the day it was replaced or
-- the authority ceased (spell_until, exclusive; null while it stands).
CREATE OR REPLACE VIEW grade_spells AS
SELECT
  la_code, theme, grade, grade_label, framework, inspection_id, published_date, inherited_from,
  valid_from AS spell_from, valid_until AS spell_until
FROM latest_grade_intervals
WHERE theme IN (SELECT theme FROM stock_themes);

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
