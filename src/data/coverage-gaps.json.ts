import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM coverage_gaps`);
