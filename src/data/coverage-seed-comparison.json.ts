import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM coverage_seed_comparison`);
