-- For authority profiles: each report on the authority or the authorities it replaced (LSCB-only
-- reviews left out), with the themes its areas for improvement raise and, against the report before
-- it, whether each recurs, is new, or was raised before and not again. One row per authority and
-- report; themes is a list ordered recurring, new, not raised again, then by theme, each with the
-- passage that raised it (from the report, or from the previous report when not raised again).
CREATE OR REPLACE VIEW authority_theme_reports AS
WITH reports AS (
  SELECT
    lin.la_code, rep.inspection_id, rep.la_code AS report_la_code, rep.authority_name AS report_authority_name,
    rep.framework, rep.published_date, rep.overall_grade, rep.overall_label, rep.report_url,
    rep.improve_passages > 0 AS has_improvement_section,
    lag(rep.inspection_id) OVER w AS previous_inspection_id,
    lag(rep.published_date) OVER w AS previous_published_date,
    lag(rep.framework) OVER w AS previous_framework
  FROM authority_lineage lin
  JOIN theme_reports rep ON rep.la_code = lin.ancestor_la_code
  WHERE rep.framework <> 'SIF_LSCB'
  WINDOW w AS (PARTITION BY lin.la_code ORDER BY rep.published_date, rep.inspection_id)
),
raised AS (
  SELECT f.inspection_id, f.theme_id, f.theme_label, f.theme_order, s.snippet
  FROM report_theme_facts f
  LEFT JOIN report_theme_snippets s
    ON s.inspection_id = f.inspection_id AND s.theme_id = f.theme_id AND s.section = 'improve' AND s.polarity = 'weakness'
  WHERE f.theme_improve_passages > 0
),
marks AS (
  SELECT r.la_code, r.inspection_id, t.theme_id, t.theme_label, t.theme_order, true AS in_report, false AS in_previous, t.snippet
  FROM reports r JOIN raised t ON t.inspection_id = r.inspection_id
  UNION ALL
  SELECT r.la_code, r.inspection_id, t.theme_id, t.theme_label, t.theme_order, false, true, t.snippet
  FROM reports r JOIN raised t ON t.inspection_id = r.previous_inspection_id
),
themes AS (
  SELECT
    la_code, inspection_id, theme_id, theme_label, theme_order,
    CASE WHEN bool_or(in_report) AND bool_or(in_previous) THEN 'recurring' WHEN bool_or(in_report) THEN 'new' ELSE 'not raised again' END AS status,
    coalesce(max(snippet) FILTER (WHERE in_report), max(snippet)) AS snippet
  FROM marks
  GROUP BY ALL
)
SELECT
  r.* EXCLUDE (report_la_code, report_authority_name),
  CASE WHEN r.report_la_code <> r.la_code THEN r.report_authority_name END AS inherited_from,
  coalesce(list({theme_id: t.theme_id, theme_label: t.theme_label, status: t.status, snippet: t.snippet}
    ORDER BY CASE t.status WHEN 'recurring' THEN 1 WHEN 'new' THEN 2 ELSE 3 END, t.theme_order) FILTER (WHERE t.theme_id IS NOT NULL), []) AS themes
FROM reports r
LEFT JOIN themes t ON t.la_code = r.la_code AND t.inspection_id = r.inspection_id
GROUP BY ALL;
