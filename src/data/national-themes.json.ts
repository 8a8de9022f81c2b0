import { printQuery } from "../../warehouse/print.ts";

await printQuery(`SELECT * FROM stock_themes ORDER BY theme_order`);
