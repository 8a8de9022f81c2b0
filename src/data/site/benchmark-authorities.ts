import { rows } from "../../../warehouse/print.ts";

// Authorities with the days they existed (live_until exclusive), type and statistical neighbours.
export default rows(`
  SELECT la_code, name, ofsted_region AS region, la_type, status,
    CAST(valid_from AS VARCHAR) AS live_from, CAST(valid_to + 1 AS VARCHAR) AS live_until, stat_neighbours
  FROM authorities ORDER BY name, la_code`);
