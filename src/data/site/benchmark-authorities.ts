import { rows } from "../../../warehouse/print.ts";

// Authorities with the days they existed (live_until exclusive), type, statistical neighbours and
// whether they have a profile page (view profiled_authorities).
export default rows(`
  SELECT a.la_code, a.name, a.ofsted_region AS region, a.la_type, a.status,
    CAST(a.valid_from AS VARCHAR) AS live_from, CAST(e.exists_until AS VARCHAR) AS live_until, a.stat_neighbours,
    a.la_code IN (SELECT la_code FROM profiled_authorities) AS profiled
  FROM authorities a JOIN authority_existence e USING (la_code) ORDER BY a.name, a.la_code`);
