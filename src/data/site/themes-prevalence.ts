import { columns } from "../../../warehouse/print.ts";

export default columns(`
  SELECT dimension, level, theme_id, reports, reports_improve, reports_praised, reports_criticised
  FROM theme_prevalence
  ORDER BY dimension, level, theme_order`);
