import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT * FROM coverage_gaps`);
