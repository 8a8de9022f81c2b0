import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM trend_national_figures`);
