import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM interval_rule_summary`);
