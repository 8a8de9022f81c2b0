import { rows } from "../../../warehouse/print.ts";

export default rows(`
  SELECT la_code, authority_name, ofsted_region, prev_inspection_id, prev_framework, prev_published_date, prev_overall_grade,
         inspection_id, framework, next_date, months, rule_id, rule_status, window_open, window_close, blackout_applied, verdict
  FROM interval_rule_checks
  WHERE verdict IN ('early', 'late', 'overlapping')
  ORDER BY rule_id, prev_published_date, authority_name
`);
