-- Each authority with itself (depth 0) and every authority it succeeded, however many steps back,
-- so that a successor's history includes the inspections of the authorities it replaced.
CREATE OR REPLACE VIEW authority_lineage AS
WITH RECURSIVE lineage(la_code, ancestor_la_code, depth) AS (
  SELECT la_code, la_code, 0 FROM authorities
  UNION ALL
  SELECT l.la_code, r.predecessor_la_code, l.depth + 1
  FROM lineage l JOIN reorganisations r ON r.successor_la_code = l.ancestor_la_code
  WHERE l.depth < 10
)
SELECT DISTINCT la_code, ancestor_la_code, depth FROM lineage;
