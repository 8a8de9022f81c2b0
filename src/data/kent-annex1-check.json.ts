import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM kent_annex1_check`);
