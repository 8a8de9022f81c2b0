-- The two elements of the inspections before the SIF: safeguarding (SLAC safeguarding, then CPI)
-- and looked after children (SLAC looked after children, then the 2013 LAC inspection). Which
-- judgement carries which element is the framework rule's (reference/stated-framework-rules.csv).
CREATE OR REPLACE VIEW pre_sif_element_codes AS
SELECT DISTINCT judgement_code, element
FROM stated_framework_rules
WHERE judgement_code IS NOT NULL AND element IN ('safeguarding', 'looked_after');

-- Each authority's latest grade per element as at a date, with the same lineage, publication
-- ordering and tie-breaks as latest_grade_as_at.
CREATE OR REPLACE MACRO pre_sif_element_as_at(as_at) AS TABLE
WITH live AS (SELECT la_code FROM authorities_live_as_at(as_at)),
candidates AS (
  SELECT
    live.la_code, e.element, f.grade, f.grade_label, f.framework, f.inspection_id, f.published_date,
    i.date_precision, i.stated_in,
    row_number() OVER (
      PARTITION BY live.la_code, e.element
      ORDER BY f.published_date DESC, lin.depth ASC, f.end_date DESC NULLS LAST, f.inspection_id DESC
    ) AS pick
  FROM live
  JOIN authority_lineage lin ON lin.la_code = live.la_code
  JOIN judgement_facts f ON f.la_code = lin.ancestor_la_code
  JOIN pre_sif_element_codes e ON e.judgement_code = f.judgement_code
  JOIN inspections i ON i.inspection_id = f.inspection_id
  WHERE f.published_date <= CAST(as_at AS DATE) AND f.grade IS NOT NULL
)
SELECT * EXCLUDE (pick) FROM candidates WHERE pick = 1;

-- How many live authorities hold a grade in each element as at a date, and how many are live.
CREATE OR REPLACE MACRO pre_sif_element_coverage_as_at(as_at) AS TABLE
SELECT
  e.element,
  (SELECT count(*) FROM authorities_live_as_at(as_at))::INTEGER AS authorities,
  count(p.la_code)::INTEGER AS graded
FROM (SELECT DISTINCT element FROM pre_sif_element_codes) e
LEFT JOIN pre_sif_element_as_at(as_at) p ON p.element = e.element
GROUP BY e.element
ORDER BY e.element;

-- Each stated earlier inspection with the later report that states it: the profile's "as stated in
-- the 2015 SIF report" and the month it is known to ("March 2012").
CREATE OR REPLACE VIEW stated_inspection_sources AS
SELECT
  s.inspection_id, s.la_code, s.framework, s.stated_date, s.date_precision,
  CASE WHEN s.date_precision = 'month'
       THEN strftime(CAST(s.stated_date || '-01' AS DATE), '%B %Y') ELSE s.stated_date END AS stated_when,
  s.stated_in, s.stated_page, s.quote, s.statements,
  r.framework AS stated_in_framework, r.published_date AS stated_in_published,
  year(r.published_date) AS stated_in_year, r.report_url AS stated_in_url
FROM stated_inspections s
JOIN inspections r ON r.inspection_id = s.stated_in;
