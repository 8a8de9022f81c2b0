import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT data_as_at FROM data_as_at`);
