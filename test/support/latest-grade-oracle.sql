-- Test oracle, not part of the warehouse: the latest grade per authority and theme as at one date,
-- computed directly from the judgements, independently of latest_grade_intervals (the warehouse's
-- one definition). test/profiles.test.ts checks that the two agree on every date where either
-- could change.
-- Latest grade per authority and theme as at a date, by publication date. Only authorities that
-- existed on that date (valid_from and valid_to inclusive) are counted; a successor carries its predecessors' grades until its own
-- inspection (inherited_from names the predecessor). Ties on the same date prefer the authority's
-- own report, then the later inspection end date, then the inspection id, then judgement order.
CREATE OR REPLACE MACRO latest_grade_oracle(as_at) AS TABLE
WITH live AS (
  SELECT la_code FROM authorities
  WHERE (valid_from IS NULL OR valid_from <= CAST(as_at AS DATE))
    AND (valid_to IS NULL OR valid_to >= CAST(as_at AS DATE))
),
candidates AS (
  SELECT
    live.la_code,
    f.*  EXCLUDE (la_code, authority_name, ofsted_region, ons_region, la_type, authority_status),
    f.la_code AS graded_la_code,
    lin.depth,
    row_number() OVER (
      PARTITION BY live.la_code, f.theme
      ORDER BY f.published_date DESC, lin.depth ASC, f.end_date DESC NULLS LAST, f.inspection_id DESC, f.judgement_order ASC
    ) AS pick
  FROM live
  JOIN authority_lineage lin ON lin.la_code = live.la_code
  JOIN judgement_facts f ON f.la_code = lin.ancestor_la_code
  WHERE f.published_date <= CAST(as_at AS DATE) AND f.grade IS NOT NULL
)
SELECT
  c.la_code, a.name AS authority_name, a.ofsted_region, a.ons_region, a.la_type,
  c.theme, c.theme_label, c.grade, c.grade_name, c.grade_label, c.judgement_code,
  c.framework, c.inspection_type, c.inspection_id, c.published_date,
  CASE WHEN c.depth > 0 THEN c.graded_la_code END AS inherited_from,
  c.report_url, c.source_file
FROM candidates c JOIN authorities a ON a.la_code = c.la_code
WHERE c.pick = 1;
