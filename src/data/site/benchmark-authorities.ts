import { rows } from "../../../warehouse/print.ts";

// Authorities with the days they existed (live_until exclusive), type, statistical neighbours and
// whether they have a profile page (view profiled_authorities).
export default rows(`
  SELECT la_code, name, ofsted_region AS region, la_type, status,
    CAST(valid_from AS VARCHAR) AS live_from, CAST(valid_to + 1 AS VARCHAR) AS live_until, stat_neighbours,
    la_code IN (SELECT la_code FROM profiled_authorities) AS profiled
  FROM authorities ORDER BY name, la_code`);
