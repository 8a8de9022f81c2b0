import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT * FROM stock_themes ORDER BY theme_order`);
