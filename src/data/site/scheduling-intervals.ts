import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT * FROM scheduling_intervals ORDER BY prev_published_date, authority_name`);
