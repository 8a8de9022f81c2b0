import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT * FROM forward_windows`);
