import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT theme_id, label, definition, kent_group, sort_order, source FROM report_theme_taxonomy ORDER BY sort_order`);
