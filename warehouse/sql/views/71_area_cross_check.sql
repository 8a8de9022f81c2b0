-- Item 3 of issue 15: each figure a SIF report states for a date the official series also has
-- (31 March of a year), beside the official figure, with a verdict.
--   agrees: the same number (a rate: within 0.5, the report rounds to whole numbers);
--   agrees within rounding: counts within 5 of each other where either is a multiple of 5 (DfE's
--     older releases round to 5 or 10, and Ofsted rounds looked-after numbers "to the nearest '5'",
--     as Hillingdon's 2014 report, 312-sif-2014-02-11, says);
--   local data before publication: the report was published before 28 September of that year, the
--     earliest any release of the 2010-2017 SFRs in data/reference/area-sources.csv came out, so it
--     used the authority's own unvalidated figure (the report's footnote allows this);
--   revision or local data: published after, within 5% of the official figure;
--   to check: published after, more than 5% apart (a misprint in the report or a large revision).
CREATE OR REPLACE VIEW area_cross_check AS
WITH pairs AS (
  SELECT r.area AS la_code, r.measure, r.as_at, r.value AS report_value, r.source AS inspection_id, i.published_date,
         r.locator AS report_page, r.quote, o.value AS official_value, o.suppression AS official_suppression,
         o.source AS official_source, o.release AS official_release, o.locator AS official_locator
  FROM area_statistics r
  JOIN inspections i ON i.inspection_id = r.source
  JOIN area_statistics o ON o.official AND o.area = r.area AND o.measure = r.measure AND o.as_at = r.as_at
  WHERE NOT r.official AND r.measure IN ('cla_count', 'cla_rate', 'cpp_count', 'cpp_rate')
)
SELECT *,
  report_value - official_value AS difference,
  CASE
    WHEN official_value IS NULL THEN 'official figure suppressed'
    WHEN measure LIKE '%_rate' AND abs(report_value - official_value) <= 0.5 THEN 'agrees'
    WHEN measure LIKE '%_count' AND report_value = official_value THEN 'agrees'
    WHEN measure LIKE '%_count' AND (official_value % 5 = 0 OR report_value % 5 = 0) AND abs(report_value - official_value) <= 5 THEN 'agrees within rounding'
    WHEN published_date < make_date(year(as_at), 9, 28) THEN 'local data before publication'
    WHEN abs(report_value - official_value) <= 0.05 * official_value THEN 'revision or local data'
    ELSE 'to check'
  END AS verdict
FROM pairs;
