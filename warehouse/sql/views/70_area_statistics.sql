-- The area around each inspection (loaders/area, docs/area.md): typed views over the raw loads of
-- data/area-statistics.csv, data/area-neighbours.csv and the measure catalogue. Official rows have a
-- file as their source; report rows name the inspection whose text they quote.
CREATE OR REPLACE VIEW area_statistics AS
SELECT
  s.area, s.area_kind, s.measure, s.period, CAST(s.as_at AS DATE) AS as_at,
  CAST(nullif(s.value, '') AS DOUBLE) AS value, nullif(s.value_text, '') AS value_text, s.unit,
  nullif(s.suppression, '') AS suppression, s.source, s.release, s.locator, nullif(s.quote, '') AS quote,
  s.source NOT IN (SELECT inspection_id FROM raw_inspections) AS official
FROM raw_area_statistics s;

-- The measure catalogue (data/reference/area-measures.csv), typed, in catalogue order.
CREATE OR REPLACE VIEW area_measures AS
SELECT measure, label, short_label, unit, as_at, "group" AS measure_group, nullif(official_code, '') AS official_code, source, rowid AS sort_order
FROM raw_area_measures;

-- Statistical neighbours from the area sources (DfE groupings), one row per authority and neighbour.
CREATE OR REPLACE VIEW area_neighbours AS
SELECT la_code, grouping, CAST(rank AS INTEGER) AS rank, neighbour_la_code, nullif(closeness, '') AS closeness, source
FROM raw_area_neighbours;

-- An authority's official series per measure: its own figures, and for years before it existed
-- its predecessor's, only where it had exactly one (Northamptonshire for North and West
-- Northamptonshire, Cumbria for Cumberland and Westmorland and Furness); three predecessors'
-- figures are never added up for Bournemouth, Christchurch and Poole.
CREATE OR REPLACE VIEW area_series AS
WITH single_predecessor AS (
  SELECT successor_la_code AS la_code, any_value(predecessor_la_code) AS predecessor
  FROM reorganisations GROUP BY successor_la_code HAVING count(*) = 1
),
own AS (
  SELECT a.la_code, s.measure, s.period, s.as_at, s.value, s.suppression, NULL::VARCHAR AS from_la_code, s.source, s.release, s.locator
  FROM authorities a JOIN area_statistics s ON s.area = a.la_code AND s.official
),
inherited AS (
  SELECT p.la_code, s.measure, s.period, s.as_at, s.value, s.suppression, p.predecessor AS from_la_code, s.source, s.release, s.locator
  FROM single_predecessor p
  JOIN area_statistics s ON s.area = p.predecessor AND s.official
  WHERE NOT EXISTS (SELECT 1 FROM own o WHERE o.la_code = p.la_code AND o.measure = s.measure AND o.as_at = s.as_at)
)
SELECT * FROM own UNION ALL SELECT * FROM inherited;

-- For each authority and official measure, each period's figure beside its DfE (May 2025)
-- statistical neighbours' mean (of those with a figure), its ONS region's and England's.
CREATE OR REPLACE VIEW area_comparison AS
WITH neighbour_mean AS (
  SELECT n.la_code, s.measure, s.as_at, avg(s.value) AS neighbours_mean, count(s.value) AS neighbours_with_figure
  FROM area_neighbours n
  JOIN area_statistics s ON s.area = n.neighbour_la_code AND s.official AND s.value IS NOT NULL
  GROUP BY ALL
)
SELECT
  x.la_code, x.measure, x.period, x.as_at, x.value, x.suppression, x.from_la_code, x.source, x.release, x.locator,
  nm.neighbours_mean, nm.neighbours_with_figure,
  r.value AS region_value, e.value AS england_value
FROM area_series x
JOIN authorities a ON a.la_code = x.la_code
LEFT JOIN neighbour_mean nm ON nm.la_code = x.la_code AND nm.measure = x.measure AND nm.as_at = x.as_at
LEFT JOIN area_statistics r ON r.area = a.ons_region_code AND r.measure = x.measure AND r.as_at = x.as_at AND r.official
LEFT JOIN area_statistics e ON e.area = 'E92000001' AND e.measure = x.measure AND e.as_at = x.as_at AND e.official;

-- Where the DfE May 2025 neighbours and the lookup's list (authorities.stat_neighbours) differ.
CREATE OR REPLACE VIEW area_neighbour_differences AS
WITH dfe AS (SELECT la_code, list(neighbour_la_code ORDER BY neighbour_la_code) AS dfe FROM area_neighbours GROUP BY la_code),
lookup AS (SELECT la_code, list_sort(stat_neighbours) AS lookup FROM authorities WHERE len(stat_neighbours) > 0)
SELECT d.la_code, list_filter(d.dfe, x -> NOT list_contains(l.lookup, x)) AS only_dfe,
       list_filter(l.lookup, x -> NOT list_contains(d.dfe, x)) AS only_lookup
FROM dfe d JOIN lookup l USING (la_code)
WHERE d.dfe <> l.lookup;

-- Each SIF report's own area figures, with its authority and dates (the profile shows those of
-- the latest report published on or before its as-at date). No predecessor's SIF report is in the
-- corpus, so a successor has none of its predecessors' report figures.
CREATE OR REPLACE VIEW area_report_figures AS
SELECT i.la_code, i.inspection_id, i.published_date, i.end_date, s.measure, s.period, s.as_at, s.value, s.value_text, s.locator, s.quote, i.report_url
FROM inspections i
JOIN area_statistics s ON s.source = i.inspection_id
WHERE i.framework = 'SIF';
