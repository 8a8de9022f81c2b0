import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM scheduling_intervals ORDER BY prev_published_date, authority_name`);
