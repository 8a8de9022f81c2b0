import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT * FROM framework_transition_matrix`);
