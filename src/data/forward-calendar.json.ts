import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM forward_calendar`);
