import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM counts_by_framework`);
