import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT * FROM national_figures_display`);
