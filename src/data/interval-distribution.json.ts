import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM interval_distribution`);
