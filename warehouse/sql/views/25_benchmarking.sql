-- Benchmarking as in the Kent mapping paper (seed 004): every authority inspected under a framework
-- in a window of publication dates, with its overall grade, the sub-judgements that differ from it
-- and the LSCB grade (Annex 1), and the paper's summary statistics (section 5).

-- A grade as the framework's own scale names it ("Requires improvement" under the SIF).
CREATE OR REPLACE MACRO framework_grade_name(fw, g) AS (
  SELECT upper(left(n, 1)) || substr(n, 2)
  FROM (SELECT string_split(grade_scale, '|')[g] AS n FROM frameworks WHERE framework = fw)
);

-- One row per graded inspection (graded_inspections: main frameworks only), with each stock theme's grade.
CREATE OR REPLACE VIEW benchmark_inspections AS
WITH subs AS (
  SELECT
    inspection_id,
    arg_min(grade, judgement_order) FILTER (WHERE theme = 'help_protection' AND grade IS NOT NULL) AS help_protection_grade,
    arg_min(grade, judgement_order) FILTER (WHERE theme = 'children_in_care' AND grade IS NOT NULL) AS children_in_care_grade,
    arg_min(grade, judgement_order) FILTER (WHERE theme = 'adoption' AND grade IS NOT NULL) AS adoption_grade,
    arg_min(grade, judgement_order) FILTER (WHERE theme = 'care_leavers' AND grade IS NOT NULL) AS care_leavers_grade,
    arg_min(grade, judgement_order) FILTER (WHERE theme = 'leadership' AND grade IS NOT NULL) AS leadership_grade,
    arg_min(grade, judgement_order) FILTER (WHERE theme = 'lscb' AND grade IS NOT NULL) AS lscb_grade,
    arg_min(grade_label, judgement_order) FILTER (WHERE theme = 'lscb' AND grade IS NOT NULL) AS lscb_label
  FROM judgement_facts
  GROUP BY inspection_id
),
-- Sub-judgements (stock themes other than overall and LSCB) graded differently from overall,
-- grouped by grade as the paper writes them: "Adoption, Care leavers: Good". A judgement nested
-- under another (SIF adoption and care leavers under children looked after) is listed only where
-- it also differs from its parent, as Annex 1 does ("Children in Care: Good" for Bolton, whose
-- adoption and care leavers were good too).
differing AS (
  SELECT
    f.inspection_id, f.grade, f.theme, min(f.judgement_order) AS judgement_order,
    min(t.theme_label) AS theme_label
  FROM judgement_facts f
  JOIN graded_inspections g USING (inspection_id)
  JOIN stock_themes t USING (theme)
  JOIN judgement_areas ja USING (judgement_code)
  LEFT JOIN judgement_facts parent
    ON parent.inspection_id = f.inspection_id AND parent.judgement_code = ja.parent_code
  WHERE f.theme NOT IN ('overall', 'lscb') AND f.grade IS NOT NULL AND f.grade <> g.overall_grade
    AND (parent.grade IS NULL OR f.grade <> parent.grade)
  GROUP BY f.inspection_id, f.grade, f.theme
),
by_grade AS (
  SELECT
    d.inspection_id, d.grade,
    string_agg(d.theme_label, ', ' ORDER BY d.judgement_order) || ': ' || framework_grade_name(i.framework, d.grade) AS part
  FROM differing d JOIN inspections i USING (inspection_id)
  GROUP BY d.inspection_id, d.grade, i.framework
),
exceptions AS (
  SELECT
    b.inspection_id,
    string_agg(b.part, '; ' ORDER BY b.grade) AS exceptions,
    (SELECT list_sort(list(d.theme || ':' || d.grade)) FROM differing d WHERE d.inspection_id = b.inspection_id) AS exception_keys
  FROM by_grade b
  GROUP BY b.inspection_id
),
reports AS (
  SELECT
    g.*,
    -- The same authority's next report under the same framework: a window keeps only the latest.
    lead(g.published_date) OVER (
      PARTITION BY g.la_code, g.framework ORDER BY g.published_date, g.end_date NULLS FIRST, g.inspection_id
    ) AS next_published
  FROM graded_inspections g
),
-- An LSCB review published on its own (Surrey, 2015) belongs with the inspection it was run with:
-- the authority's report under the review's parent framework that started before it and was not
-- yet followed by another.
separate_review AS (
  SELECT
    r.inspection_id, arg_min(v.inspection_id, v.published_date) AS review_id
  FROM reports r
  JOIN inspections v ON v.la_code = r.la_code
  JOIN frameworks vf ON vf.framework = v.framework AND vf.parent_framework = r.framework
  WHERE coalesce(v.start_date, v.published_date) >= coalesce(r.start_date, r.published_date)
    AND (r.next_published IS NULL OR v.published_date < r.next_published)
  GROUP BY r.inspection_id
)
SELECT
  r.inspection_id, r.la_code, a.name AS authority_name, a.ofsted_region AS region, a.la_type,
  r.framework, r.inspection_type,
  CAST(r.start_date AS VARCHAR) AS start_date, CAST(r.end_date AS VARCHAR) AS end_date,
  CAST(r.published_date AS VARCHAR) AS published_date,
  CAST(r.next_published AS VARCHAR) AS next_published_date,
  r.overall_grade, r.overall_label,
  s.help_protection_grade, s.children_in_care_grade, s.adoption_grade, s.care_leavers_grade, s.leadership_grade,
  coalesce(s.lscb_grade, rs.lscb_grade) AS lscb_grade,
  coalesce(s.lscb_label, rs.lscb_label) AS lscb_label,
  CASE WHEN s.lscb_grade IS NOT NULL THEN r.inspection_id WHEN rs.lscb_grade IS NOT NULL THEN sr.review_id END AS lscb_inspection_id,
  e.exceptions, coalesce(e.exception_keys, []) AS exception_keys,
  r.report_url
FROM reports r
JOIN authorities a USING (la_code)
LEFT JOIN subs s USING (inspection_id)
LEFT JOIN exceptions e USING (inspection_id)
LEFT JOIN separate_review sr USING (inspection_id)
LEFT JOIN subs rs ON rs.inspection_id = sr.review_id
ORDER BY r.published_date, a.name;

-- Every authority inspected under a framework with a report published in the window, at its latest
-- report in the window.
CREATE OR REPLACE MACRO benchmark_window(fw, date_from, date_to) AS TABLE
SELECT * FROM benchmark_inspections
WHERE framework = fw
  AND CAST(published_date AS DATE) BETWEEN CAST(date_from AS DATE) AND CAST(date_to AS DATE)
  AND (next_published_date IS NULL OR CAST(next_published_date AS DATE) > CAST(date_to AS DATE));

-- The paper's section 5 figures for a framework and window. Shares are of the authorities graded;
-- "inspected since launch" counts authorities existing at the window's end with a report under the
-- framework from its start to the window's end; pace is authorities per year over the window.
-- No page reads it: it is the test oracle for the benchmarking page's own figures
-- (src/components/benchmark-stats.ts, held equal by test/national.test.ts).
CREATE OR REPLACE MACRO benchmark_summary(fw, date_from, date_to) AS TABLE
WITH w AS (SELECT * FROM benchmark_window(fw, date_from, date_to)),
live AS (SELECT la_code FROM authorities_live_as_at(date_to)),
since_launch AS (
  SELECT DISTINCT b.la_code
  FROM benchmark_inspections b JOIN frameworks f USING (framework) JOIN live USING (la_code)
  WHERE b.framework = fw AND CAST(b.published_date AS DATE) BETWEEN f.start_date AND CAST(date_to AS DATE)
),
counts AS (
  SELECT
    count(*)::INTEGER AS authorities,
    count(*) FILTER (WHERE overall_grade = 1)::INTEGER AS overall_outstanding,
    count(*) FILTER (WHERE overall_grade = 2)::INTEGER AS overall_good,
    count(*) FILTER (WHERE overall_grade = 3)::INTEGER AS overall_requires_improvement,
    count(*) FILTER (WHERE overall_grade = 4)::INTEGER AS overall_inadequate,
    count(overall_grade)::INTEGER AS overall_graded,
    count(*) FILTER (WHERE lscb_grade = 1)::INTEGER AS lscb_outstanding,
    count(*) FILTER (WHERE lscb_grade = 2)::INTEGER AS lscb_good,
    count(*) FILTER (WHERE lscb_grade = 3)::INTEGER AS lscb_requires_improvement,
    count(*) FILTER (WHERE lscb_grade = 4)::INTEGER AS lscb_inadequate,
    count(lscb_grade)::INTEGER AS lscb_graded
  FROM w
),
span AS (
  SELECT (CAST(date_to AS DATE) - CAST(date_from AS DATE) + 1) / 365.25 AS window_years
)
SELECT
  c.*,
  round(100.0 * (c.overall_requires_improvement + c.overall_inadequate) / nullif(c.overall_graded, 0), 1) AS overall_not_good_pct,
  round(100.0 * (c.lscb_requires_improvement + c.lscb_inadequate) / nullif(c.lscb_graded, 0), 1) AS lscb_not_good_pct,
  (SELECT count(*) FROM live)::INTEGER AS authorities_existing,
  (SELECT count(*) FROM since_launch)::INTEGER AS inspected_since_launch,
  round(100.0 * (SELECT count(*) FROM since_launch) / nullif((SELECT count(*) FROM live), 0), 1) AS inspected_since_launch_pct,
  round(s.window_years, 3) AS window_years,
  round(c.authorities / s.window_years, 1) AS pace_per_year,
  round(((SELECT count(*) FROM live) - (SELECT count(*) FROM since_launch)) / nullif(c.authorities / s.window_years, 0), 1) AS years_to_complete,
  round((SELECT count(*) FROM live) / nullif(c.authorities / s.window_years, 0), 1) AS full_cycle_years
FROM counts c, span s;
