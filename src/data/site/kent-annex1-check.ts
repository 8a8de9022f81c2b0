import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT * FROM kent_annex1_check`);
