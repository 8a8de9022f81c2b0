import { rows } from "../../../warehouse/print.ts";

// The rules whose window runs from a date later than the report (the SIF action plan), and by how
// many days at most: the pages' captions quote it from here, not from their own text.
export default rows(`SELECT rule_id, framework, window_anchor, slack_days FROM scheduling_rules WHERE slack_days > 0 ORDER BY rule_id`);
