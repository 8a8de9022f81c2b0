import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM stated_published_check`);
