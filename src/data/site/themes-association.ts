import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT * EXCLUDE (theme_label, kent_group) FROM theme_grade_association ORDER BY scope, theme_order`);
