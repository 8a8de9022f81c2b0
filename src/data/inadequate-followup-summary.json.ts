import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM inadequate_followup_summary`);
