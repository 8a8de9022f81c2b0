import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM data_totals`);
