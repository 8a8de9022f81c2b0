-- Authorities, inspections and judgements held per framework.
CREATE OR REPLACE VIEW counts_by_framework AS
SELECT
  f.framework,
  f.name AS framework_name,
  CAST(f.start_date AS VARCHAR) AS start_date,
  CAST(f.end_date AS VARCHAR) AS end_date,
  count(DISTINCT i.la_code)::INTEGER AS authorities,
  count(DISTINCT i.inspection_id)::INTEGER AS inspections,
  count(j.judgement_code)::INTEGER AS judgements
FROM frameworks f
LEFT JOIN inspections i ON i.framework = f.framework
LEFT JOIN judgements j ON j.inspection_id = i.inspection_id
WHERE f.graded AND f.parent_framework IS NULL
GROUP BY ALL
ORDER BY min(f.start_date);
