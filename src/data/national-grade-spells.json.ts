import { printQuery } from "../../warehouse/print.ts";

// Each authority's grade per theme with the dates it stood (until is exclusive), as one row of
// parallel columns to keep the home page's payload small; pages pick the rows standing on a date.
await printQuery(`
  SELECT
    list(la_code ORDER BY la_code, theme, spell_from) AS la_code,
    list(theme ORDER BY la_code, theme, spell_from) AS theme,
    list(grade ORDER BY la_code, theme, spell_from) AS grade,
    list(framework ORDER BY la_code, theme, spell_from) AS framework,
    list(inherited_from ORDER BY la_code, theme, spell_from) AS inherited_from,
    list(CAST(published_date AS VARCHAR) ORDER BY la_code, theme, spell_from) AS published,
    list(CAST(spell_from AS VARCHAR) ORDER BY la_code, theme, spell_from) AS "from",
    list(CAST(spell_until AS VARCHAR) ORDER BY la_code, theme, spell_from) AS "until"
  FROM grade_spells`);
