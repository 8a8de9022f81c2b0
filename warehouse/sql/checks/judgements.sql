-- Every judgement belongs to a known inspection, a judgement area of that inspection's
-- framework (or of a review run with it, such as the LSCB review in SIF), and a known grade label.
SELECT 'judgements.csv' AS file, j.csv_line AS line,
       'judgement ' || j.judgement_code || ': unknown inspection_id ' || j.inspection_id AS problem
FROM judgements j LEFT JOIN inspections i USING (inspection_id)
WHERE i.inspection_id IS NULL
UNION ALL
SELECT 'judgements.csv', j.csv_line,
       'inspection ' || j.inspection_id || ': unknown judgement_code ' || j.judgement_code
FROM judgements j LEFT JOIN judgement_areas ja USING (judgement_code)
WHERE ja.judgement_code IS NULL
UNION ALL
SELECT 'judgements.csv', j.csv_line,
       'inspection ' || j.inspection_id || ': judgement ' || j.judgement_code || ' belongs to framework '
       || ja.framework || ', not the inspection''s ' || i.framework
FROM judgements j
JOIN inspections i USING (inspection_id)
JOIN judgement_areas ja USING (judgement_code)
LEFT JOIN frameworks f ON f.framework = ja.framework
WHERE ja.framework <> i.framework AND coalesce(f.parent_framework, '') <> i.framework
UNION ALL
SELECT 'judgements.csv', j.csv_line,
       'inspection ' || j.inspection_id || ': unknown grade label "' || j.grade_label || '" for ' || j.judgement_code
FROM judgements j LEFT JOIN grade_scale g
  ON g.grade_key = grade_key(j.grade_label)
WHERE g.grade_key IS NULL
UNION ALL
SELECT 'judgements.csv', j.csv_line,
       'inspection ' || j.inspection_id || ': judgement ' || j.judgement_code || ' appears more than once'
FROM (SELECT *, count(*) OVER (PARTITION BY inspection_id, judgement_code) AS n FROM judgements) j
WHERE n > 1
