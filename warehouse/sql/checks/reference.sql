-- Reference tables point at each other correctly.
SELECT 'reference/judgement-areas.csv' AS file, ja.csv_line AS line,
       'judgement ' || ja.judgement_code || ': unknown framework ' || ja.framework AS problem
FROM judgement_areas ja LEFT JOIN frameworks f USING (framework)
WHERE f.framework IS NULL
UNION ALL
SELECT 'reference/judgement-areas.csv', ja.csv_line,
       'judgement ' || ja.judgement_code || ': unknown theme ' || ja.theme
FROM judgement_areas ja LEFT JOIN themes t USING (theme)
WHERE t.theme IS NULL
UNION ALL
SELECT 'reference/frameworks.csv', f.csv_line, 'framework ' || f.framework || ': continues unknown framework ' || f.continues
FROM frameworks f LEFT JOIN frameworks c ON c.framework = f.continues
WHERE f.continues IS NOT NULL AND c.framework IS NULL
UNION ALL
SELECT 'reference/scheduling-rules.csv', r.csv_line, 'rule ' || r.rule_id || ': unknown framework ' || r.framework
FROM scheduling_rules r LEFT JOIN frameworks f USING (framework)
WHERE f.framework IS NULL
UNION ALL
SELECT 'reference/national-figures.csv', n.csv_line, 'figure ' || n.figure_id || ': unknown framework ' || n.framework
FROM national_figures n LEFT JOIN frameworks f USING (framework)
WHERE f.framework IS NULL
UNION ALL
SELECT 'reference/kent-annex1.csv', k.csv_line, 'row ' || k.annex_row || ': unknown authority la_code ' || k.la_code
FROM kent_annex1 k LEFT JOIN authorities a USING (la_code)
WHERE a.la_code IS NULL
UNION ALL
SELECT 'reference/reorganisations.csv', r.csv_line,
       'unknown authority in reorganisation ' || r.predecessor_la_code || ' -> ' || r.successor_la_code
FROM reorganisations r
LEFT JOIN authorities p ON p.la_code = r.predecessor_la_code
LEFT JOIN authorities s ON s.la_code = r.successor_la_code
WHERE p.la_code IS NULL OR s.la_code IS NULL
UNION ALL
SELECT 'authorities.csv', a.csv_line, 'authority ' || a.la_code || ': unknown statistical neighbour ' || n.code
FROM authorities a, unnest(a.stat_neighbours) AS n(code)
LEFT JOIN authorities b ON b.la_code = n.code
WHERE b.la_code IS NULL
