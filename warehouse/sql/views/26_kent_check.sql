-- Seed 004's Annex 1 set against our benchmarking rows for the paper's window (the period of its
-- section 5 figures in national_figures): which authorities agree, which differ, and why.

-- The paper's window of publication dates, from its section 5 figures in national_figures.
CREATE OR REPLACE VIEW kent_window AS
SELECT period_start AS date_from, period_end AS date_to,
  -- The paper's own date (seed 004, author's contact details: "Date: 28 October 2014").
  DATE '2014-10-28' AS paper_date
FROM national_figures WHERE figure_id = 'sif_overall_total';

-- The paper's exception headings, as it abbreviates the SIF judgements (seed 004, Annex 1).
CREATE OR REPLACE VIEW kent_exception_names AS
SELECT * FROM (VALUES
  ('child protection', 'help_protection'),
  ('children in care', 'children_in_care'),
  ('adoption', 'adoption'),
  ('care leavers', 'care_leavers'),
  ('leadership & management', 'leadership')
) AS t(kent_name, theme);

-- A published grade phrase to the 1-4 scale: the longest label it starts with ("Good CIC" is good).
CREATE OR REPLACE MACRO grade_from_text(txt) AS (
  SELECT arg_max(g.grade, length(g.grade_key))
  FROM grade_scale g
  WHERE lower(trim(txt)) = g.grade_key OR lower(trim(txt)) LIKE g.grade_key || ' %'
);

-- Exception keys ('theme:grade') as words: "Care leavers inadequate, Adoption good".
CREATE OR REPLACE MACRO exception_words(keys) AS (
  SELECT string_agg(t.label || ' ' || lower(framework_grade_name('SIF', CAST(split_part(k, ':', 2) AS INTEGER))), ', ' ORDER BY k)
  FROM unnest(keys) AS u(k) JOIN themes t ON t.theme = split_part(k, ':', 1)
);

-- Annex 1 rows as transcribed, with the overall, exception and LSCB grades read from their text.
CREATE OR REPLACE VIEW kent_annex1_parsed AS
WITH parts AS (
  SELECT k.annex_row, trim(p.part) AS part
  FROM kent_annex1 k, unnest(string_split(coalesce(k.exceptions_as_published, ''), ';')) AS p(part)
  WHERE trim(p.part) <> ''
),
items AS (
  SELECT annex_row, lower(trim(n.name)) AS kent_name, grade_from_text(split_part(part, ':', 2)) AS grade
  FROM parts, unnest(string_split(split_part(part, ':', 1), ',')) AS n(name)
),
keys AS (
  SELECT i.annex_row, list_sort(list(coalesce(m.theme, '?' || i.kent_name) || ':' || i.grade)) AS exception_keys
  FROM items i LEFT JOIN kent_exception_names m USING (kent_name)
  GROUP BY i.annex_row
)
SELECT
  k.annex_row, k.authority_as_published, k.la_code,
  k.overall_as_published, grade_from_text(k.overall_as_published) AS overall_grade,
  k.exceptions_as_published, coalesce(keys.exception_keys, []) AS exception_keys,
  k.lscb_as_published, grade_from_text(k.lscb_as_published) AS lscb_grade
FROM kent_annex1 k LEFT JOIN keys USING (annex_row);

-- Each Annex 1 row beside our benchmarking row for the authority: agree, differ, or absent, and why.
CREATE OR REPLACE VIEW kent_annex1_check AS
WITH ours AS (
  SELECT b.* FROM kent_window kw, LATERAL benchmark_window('SIF', kw.date_from, kw.date_to) b
),
first_sif AS (
  SELECT la_code, min(published_date) AS first_published
  FROM benchmark_inspections WHERE framework = 'SIF' GROUP BY la_code
),
joined AS (
  SELECT
    k.annex_row, coalesce(k.la_code, o.la_code) AS la_code,
    coalesce(k.authority_as_published, o.authority_name) AS authority,
    k.overall_as_published, k.exceptions_as_published, k.lscb_as_published,
    k.overall_grade AS paper_overall_grade, k.lscb_grade AS paper_lscb_grade, k.exception_keys AS paper_exception_keys,
    o.inspection_id, o.published_date, o.overall_label, o.overall_grade, o.exceptions, o.exception_keys,
    o.lscb_label, o.lscb_grade,
    fs.first_published
  FROM kent_annex1_parsed k
  FULL JOIN ours o USING (la_code)
  LEFT JOIN first_sif fs ON fs.la_code = coalesce(k.la_code, o.la_code)
)
SELECT
  j.annex_row, j.la_code, j.authority,
  j.overall_as_published, j.exceptions_as_published, j.lscb_as_published,
  j.inspection_id, j.published_date, j.overall_label, j.exceptions, j.lscb_label,
  j.annex_row IS NOT NULL AND j.inspection_id IS NOT NULL AS in_both,
  -- Agreement flags only where the paper and our window both hold the authority.
  CASE WHEN j.annex_row IS NOT NULL AND j.inspection_id IS NOT NULL THEN j.paper_overall_grade IS NOT DISTINCT FROM j.overall_grade END AS overall_agrees,
  CASE WHEN j.annex_row IS NOT NULL AND j.inspection_id IS NOT NULL THEN j.paper_exception_keys = j.exception_keys END AS exceptions_agree,
  CASE WHEN j.annex_row IS NOT NULL AND j.inspection_id IS NOT NULL THEN j.paper_lscb_grade IS NOT DISTINCT FROM j.lscb_grade END AS lscb_agrees,
  CASE
    WHEN j.annex_row IS NULL AND CAST(j.published_date AS DATE) > kw.paper_date
      THEN 'Not in Annex 1: published ' || j.published_date || ', after the paper was written (' || kw.paper_date || ')'
    WHEN j.annex_row IS NULL THEN 'Not in Annex 1: published ' || j.published_date || ', within the paper''s period'
    WHEN j.inspection_id IS NULL AND j.first_published IS NOT NULL
      THEN 'Not in our window: our first SIF report for this authority was published ' || j.first_published
    WHEN j.inspection_id IS NULL THEN 'No SIF report for this authority in data/'
    WHEN j.paper_overall_grade IS NOT DISTINCT FROM j.overall_grade
     AND j.paper_exception_keys = j.exception_keys
     AND j.paper_lscb_grade IS NOT DISTINCT FROM j.lscb_grade THEN 'Agrees'
    ELSE 'Differs: ' || concat_ws(', ',
      CASE WHEN j.paper_overall_grade IS DISTINCT FROM j.overall_grade THEN 'overall' END,
      CASE WHEN j.paper_exception_keys <> j.exception_keys THEN 'sub-judgements (' || concat_ws('; ',
        'paper only: ' || exception_words(list_filter(j.paper_exception_keys, k -> NOT list_contains(j.exception_keys, k))),
        'ours only: ' || exception_words(list_filter(j.exception_keys, k -> NOT list_contains(j.paper_exception_keys, k)))) || ')' END,
      CASE WHEN j.paper_lscb_grade IS DISTINCT FROM j.lscb_grade THEN 'LSCB' END)
  END AS status
FROM joined j, kent_window kw
ORDER BY j.annex_row NULLS LAST, j.authority;
