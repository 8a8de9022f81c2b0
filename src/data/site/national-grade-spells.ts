import { columns } from "../../../warehouse/print.ts";

// Each authority's grade per theme with the dates it stood (until is exclusive); pages pick the
// rows standing on a date.
export default columns(`
  SELECT
    la_code, theme, grade, framework, inherited_from,
    CAST(published_date AS VARCHAR) AS published,
    CAST(spell_from AS VARCHAR) AS "from",
    CAST(spell_until AS VARCHAR) AS "until"
  FROM grade_spells
  ORDER BY la_code, theme, spell_from`);
