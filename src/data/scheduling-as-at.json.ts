import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT data_as_at FROM scheduling_as_at`);
