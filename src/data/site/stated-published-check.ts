import { rows } from "../../../warehouse/print.ts";

export default rows(`SELECT * FROM stated_published_check`);
