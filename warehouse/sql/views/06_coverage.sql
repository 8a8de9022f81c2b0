-- First published graded inspection of each authority under each framework.
CREATE OR REPLACE VIEW framework_coverage AS
SELECT
  g.framework,
  g.la_code,
  a.name AS authority_name,
  a.ofsted_region,
  min(g.published_date) AS first_published_date,
  arg_min(g.inspection_id, g.published_date) AS first_inspection_id,
  count(*) AS inspections
FROM graded_inspections g JOIN authorities a USING (la_code)
GROUP BY ALL;
