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

-- When each authority existed: the one definition. authorities.valid_from and valid_to are both
-- inclusive (docs/authorities.md), and so are exists_from and exists_to; blanks become far-off
-- sentinels so that range tests need no NULL handling. exists_until is the exclusive end (the day
-- after valid_to; null while the authority exists), for intervals: every exclusive end in the views
-- is called valid_until (or spell_until), every inclusive one valid_to or exists_to.
CREATE OR REPLACE VIEW authority_existence AS
SELECT
  la_code, name AS authority_name, ofsted_region, la_type, status,
  coalesce(valid_from, DATE '1900-01-01') AS exists_from,
  coalesce(valid_to, DATE '9999-12-31') AS exists_to,
  CAST(valid_to + 1 AS DATE) AS exists_until
FROM authorities;

-- Authorities that existed on a date.
CREATE OR REPLACE MACRO authorities_live_as_at(as_at) AS TABLE
SELECT a.* FROM authorities a JOIN authority_existence e USING (la_code)
WHERE CAST(as_at AS DATE) BETWEEN e.exists_from AND e.exists_to;
