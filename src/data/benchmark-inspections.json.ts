import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM benchmark_inspections`);
