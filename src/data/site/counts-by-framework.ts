import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT * FROM counts_by_framework`);
