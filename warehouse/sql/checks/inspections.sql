-- Every inspection names a known authority and a known graded framework.
SELECT 'inspections.csv' AS file, i.csv_line AS line,
       'inspection ' || i.inspection_id || ': unknown authority la_code ' || i.la_code AS problem
FROM inspections i LEFT JOIN authorities a USING (la_code)
WHERE a.la_code IS NULL
UNION ALL
SELECT 'inspections.csv', i.csv_line,
       'inspection ' || i.inspection_id || ': unknown framework ' || i.framework
FROM inspections i LEFT JOIN frameworks f USING (framework)
WHERE f.framework IS NULL
UNION ALL
SELECT 'inspections.csv', i.csv_line,
       'inspection_id ' || i.inspection_id || ' appears more than once'
FROM (SELECT *, count(*) OVER (PARTITION BY inspection_id) AS n FROM inspections) i
WHERE n > 1
