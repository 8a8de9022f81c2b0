import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM trajectory_summary`);
