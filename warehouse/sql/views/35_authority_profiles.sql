-- Authorities with a profile page: every current authority, and every predecessor with a report.
CREATE OR REPLACE VIEW profiled_authorities AS
SELECT a.*
FROM authorities a
WHERE a.status = 'current' OR a.la_code IN (SELECT la_code FROM inspections);

-- The search page's list: names, aliases and codes to match, and the overall grade on the date of
-- the latest report in the data.
CREATE OR REPLACE VIEW authority_directory AS
WITH last_data AS (SELECT data_as_at AS d FROM data_as_at),
latest_overall AS (
  SELECT g.la_code, g.grade, g.grade_label, g.published_date
  FROM latest_grade_intervals g, last_data
  WHERE g.theme = 'overall' AND g.valid_from <= last_data.d AND (g.valid_until IS NULL OR last_data.d < g.valid_until)
),
history AS (
  SELECT la_code, count(*)::INTEGER AS inspections, max(published_date) AS last_published
  FROM profile_reports GROUP BY la_code
)
SELECT
  a.la_code, a.name, a.aliases, a.gss_code, a.gss_codes_previous, a.ofsted_urn, a.ofsted_region, a.la_type,
  a.status, a.valid_to, coalesce(h.inspections, 0) AS inspections, h.last_published,
  o.grade AS overall_grade, o.grade_label AS overall_label, o.published_date AS overall_published
FROM profiled_authorities a
LEFT JOIN history h USING (la_code)
LEFT JOIN latest_overall o USING (la_code)
ORDER BY a.name;

-- Everything a profile page and a briefing show, one row per profiled authority, each part a JSON
-- list. Parts that change with the as-at date are intervals (valid_from <= as_at < valid_until); the
-- page and the briefing only pick the rows that hold on the chosen date. Read beside it: what every
-- profile shares (grade_distribution_intervals, scheduling_rules) and each authority's scheduling
-- windows (scheduling_windows and interval_rule_checks, views 42-43, so that the profile and the
-- forward-look page agree).
CREATE OR REPLACE VIEW authority_profiles AS
WITH last_data AS (SELECT data_as_at AS last_published FROM data_as_at),
pairs AS (
  SELECT a.la_code, a.stat_neighbours[i] AS neighbour, i AS rank
  FROM authorities a, range(1, len(a.stat_neighbours) + 1) AS r(i)
),
links AS (
  SELECT r.successor_la_code AS la_code, 'predecessor' AS link, r.predecessor_la_code AS other, r.date FROM reorganisations r
  UNION ALL
  SELECT r.predecessor_la_code, 'successor', r.successor_la_code, r.date FROM reorganisations r
),
who AS (
  SELECT
    a.la_code,
    to_json({
      la_code: a.la_code, name: a.name, aliases: a.aliases, gss_code: a.gss_code, ofsted_urn: a.ofsted_urn,
      ofsted_region: a.ofsted_region, ons_region: a.ons_region, la_type: a.la_type,
      population_0_25: a.population_0_25, status: a.status, valid_from: a.valid_from, valid_to: a.valid_to,
      source: a.source,
      data_last_published: last_data.last_published,
      -- a predecessor's page opens on its last day, a current authority's on the latest report
      default_as_at: coalesce(a.valid_to, last_data.last_published),
      earliest_as_at: coalesce(a.valid_from, first_report.d)
    }) AS who
  FROM profiled_authorities a
  CROSS JOIN last_data
  LEFT JOIN (SELECT la_code, min(published_date) AS d FROM profile_reports GROUP BY la_code) first_report USING (la_code)
),
related AS (
  SELECT l.la_code,
    to_json(list({link: l.link, la_code: l.other, name: o.name, date: l.date,
                  profiled: l.other IN (SELECT la_code FROM profiled_authorities)} ORDER BY l.link, o.name)) AS related
  FROM links l JOIN authorities o ON o.la_code = l.other
  GROUP BY l.la_code
),
neighbours AS (
  SELECT p.la_code,
    to_json(list({la_code: n.la_code, name: n.name, valid_from: n.valid_from, valid_to: n.valid_to,
                  profiled: n.la_code IN (SELECT la_code FROM profiled_authorities)} ORDER BY p.rank)) AS neighbours
  FROM pairs p JOIN authorities n ON n.la_code = p.neighbour
  GROUP BY p.la_code
),
judgements AS (
  SELECT f.inspection_id,
    list({code: f.judgement_code, label: f.judgement_label, framework: ja.framework, theme: f.theme,
          grade: f.grade, grade_label: f.grade_label} ORDER BY ja.framework <> i.framework, f.judgement_order) AS judgements
  FROM judgement_facts f
  JOIN judgement_areas ja ON ja.judgement_code = f.judgement_code
  JOIN inspections i ON i.inspection_id = f.inspection_id
  GROUP BY f.inspection_id
),
history AS (
  SELECT s.la_code,
    to_json(list({
      inspection_id: s.inspection_id, la_code: s.inspected_la_code, authority_name: ia.name,
      framework: s.framework, framework_family: s.framework_family,
      inspection_type: s.inspection_type, start_date: s.start_date, end_date: s.end_date,
      published_date: s.published_date, report_url: s.report_url, source_file: s.source_file,
      overall_grade: s.overall_grade, overall_label: s.overall_label, judgements: j.judgements,
      -- an earlier inspection known from a later report: the month as stated and which report states it
      stated: CASE WHEN ss.inspection_id IS NOT NULL THEN
        {"when": ss.stated_when, year: ss.stated_in_year, framework: ss.stated_in_framework, page: ss.stated_page} END
    } ORDER BY s.seq)) AS inspections
  FROM profile_reports s
  JOIN authorities ia ON ia.la_code = s.inspected_la_code
  LEFT JOIN judgements j ON j.inspection_id = s.inspection_id
  LEFT JOIN stated_inspection_sources ss ON ss.inspection_id = s.inspection_id
  GROUP BY s.la_code
),
latest AS (
  SELECT la_code,
    to_json(list({theme: theme, grade: grade, grade_label: grade_label, framework: framework,
                  inspection_id: inspection_id, published_date: published_date, inherited_from: inherited_from,
                  valid_from: valid_from, valid_until: valid_until} ORDER BY theme, valid_from)) AS latest
  FROM latest_grade_intervals
  GROUP BY la_code
),
neighbour_latest AS (
  SELECT p.la_code,
    to_json(list({la_code: g.la_code, theme: g.theme, grade: g.grade, published_date: g.published_date,
                  valid_from: g.valid_from, valid_until: g.valid_until} ORDER BY p.rank, g.theme, g.valid_from)) AS neighbour_latest
  FROM pairs p
  JOIN latest_grade_intervals g ON g.la_code = p.neighbour
  -- only themes the authority itself has a grade in are compared
  WHERE g.theme IN (SELECT theme FROM latest_grade_intervals o WHERE o.la_code = p.la_code)
  GROUP BY p.la_code
),
trajectory AS (
  SELECT la_code, inspection_id,
    list({theme: theme, grade: grade, grade_label: grade_label,
          previous_grade: previous_grade, previous_grade_label: previous_grade_label,
          first_grade: first_grade, first_grade_label: first_grade_label,
          since_previous: since_previous, since_first: since_first} ORDER BY theme_order) AS trajectory
  FROM profile_trajectory
  GROUP BY la_code, inspection_id
),
sequence AS (
  SELECT s.la_code,
    to_json(list({
      inspection_id: s.inspection_id, framework_family: s.framework_family,
      previous_inspection_id: s.previous_inspection_id, first_of_framework_id: s.first_of_framework_id,
      valid_from: s.valid_from, valid_until: s.valid_until,
      trajectory: t.trajectory
    } ORDER BY s.seq)) AS sequence
  FROM profile_inspection_sequence s
  LEFT JOIN trajectory t USING (la_code, inspection_id)
  GROUP BY s.la_code
),
enquiry AS (
  SELECT la_code,
    to_json(list({kind: kind, theme: theme, grade: grade, grade_label: grade_label,
                  inspection_id: inspection_id, published_date: published_date,
                  previous_grade_label: previous_grade_label, valid_from: valid_from, valid_until: valid_until}
                 ORDER BY kind, theme_order, valid_from)) AS enquiry
  FROM profile_enquiry_intervals
  GROUP BY la_code
)
SELECT
  who.la_code, who.who,
  coalesce(related.related, '[]') AS related,
  coalesce(neighbours.neighbours, '[]') AS neighbours,
  coalesce(history.inspections, '[]') AS inspections,
  coalesce(latest.latest, '[]') AS latest,
  coalesce(neighbour_latest.neighbour_latest, '[]') AS neighbour_latest,
  coalesce(sequence.sequence, '[]') AS sequence,
  coalesce(enquiry.enquiry, '[]') AS enquiry
FROM who
LEFT JOIN related USING (la_code)
LEFT JOIN neighbours USING (la_code)
LEFT JOIN history USING (la_code)
LEFT JOIN latest USING (la_code)
LEFT JOIN neighbour_latest USING (la_code)
LEFT JOIN sequence USING (la_code)
LEFT JOIN enquiry USING (la_code);
