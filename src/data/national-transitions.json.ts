import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM framework_transition_matrix`);
