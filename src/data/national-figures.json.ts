import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM national_figures_display`);
