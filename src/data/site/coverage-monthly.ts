import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT * EXCLUDE (framework_name) FROM coverage_monthly`);
