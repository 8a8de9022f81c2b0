import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * EXCLUDE (theme_label, kent_group) FROM theme_grade_association ORDER BY scope, theme_order`);
