-- The stock: each authority's most recent grade per theme as at a date, counted for England and
-- each Ofsted region, split by the framework the grade came from.

-- The themes the national pages offer: those with a headline judgement in a framework in force
-- since the single inspection framework, so every one can be compared across SIF and ILACS.
CREATE OR REPLACE VIEW stock_themes AS
SELECT t.theme, t.label AS theme_label, t.sort_order AS theme_order
FROM themes t
WHERE t.theme IN (
  SELECT ja.theme
  FROM judgement_areas ja JOIN frameworks f USING (framework)
  WHERE ja.is_headline
    AND f.start_date >= (SELECT start_date FROM frameworks WHERE framework = 'SIF')
);

-- One row per authority existing on the date and per theme; grade is null when not yet graded.
CREATE OR REPLACE MACRO stock_authorities_as_at(as_at) AS TABLE
SELECT
  CAST(as_at AS DATE) AS as_at,
  a.la_code, a.name AS authority_name, a.ofsted_region AS region, a.la_type,
  t.theme, t.theme_label, t.theme_order,
  l.grade, l.grade_label, l.framework, l.inspection_id, l.published_date, l.inherited_from
FROM authorities_live_as_at(as_at) a
CROSS JOIN stock_themes t
LEFT JOIN latest_grade_as_at(as_at) l ON l.la_code = a.la_code AND l.theme = t.theme;

-- Counts per theme, area (England, then each region), framework and grade. Authorities not yet
-- graded in a theme are a row with framework and grade null.
CREATE OR REPLACE MACRO stock_as_at(as_at) AS TABLE
SELECT CAST(as_at AS DATE) AS as_at, counts.*
FROM (
  SELECT
    theme, theme_label, theme_order,
    CASE WHEN grouping(region) = 1 THEN 'England' ELSE region END AS area,
    framework, grade,
    count(*)::INTEGER AS authorities
  FROM stock_authorities_as_at(as_at)
  GROUP BY GROUPING SETS (
    (theme, theme_label, theme_order, framework, grade),
    (theme, theme_label, theme_order, region, framework, grade)
  )
) counts;
