import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT * FROM trend_national_figures`);
