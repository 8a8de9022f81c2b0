import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * EXCLUDE (framework_name) FROM coverage_monthly`);
