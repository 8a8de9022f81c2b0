import { rows } from "../../../warehouse/print.ts";

// How many days after the report a window counted from the action plan may start (the SIF
// re-inspection rule, window_anchor action_plan): the pages' captions quote it from here.
export default rows(`SELECT max(slack_days) AS slack_days FROM scheduling_rules WHERE window_anchor = 'action_plan'`);
