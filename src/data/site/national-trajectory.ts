import { columns } from "../../../warehouse/print.ts";

export default columns(`
  SELECT
    la_code, authority_name, region, latest_framework, latest_published, latest_grade,
    previous_framework, previous_published, previous_grade, first_current_published, first_current_grade,
    change_vs_previous, change_vs_first_current
  FROM authority_trajectory
  ORDER BY authority_name`);
