import { rows } from "../../../warehouse/print.ts";

export default rows(`
  SELECT la_code, authority_name, ofsted_region, last_framework, last_published_date, last_overall_grade,
         rule_id, rule_status, window_close, blackout_applied, overdue_from, overdue_to, next_inspection_id
  FROM overdue_periods
`);
