import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT data_as_at FROM scheduling_as_at`);
