// One file per theme (the page names each one), so the page loads only the chosen theme's evidence;
// parallel columns in one row.
import { parseArgs } from "node:util";
import { printQuery } from "../../warehouse/print.ts";

const { values } = parseArgs({ options: { theme: { type: "string" } } });
await printQuery(
  `SELECT
     list(la_code ORDER BY published_date DESC, authority_name, polarity) AS la_code,
     list(authority_name ORDER BY published_date DESC, authority_name, polarity) AS authority_name,
     list(framework ORDER BY published_date DESC, authority_name, polarity) AS framework,
     list(CAST(published_date AS VARCHAR) ORDER BY published_date DESC, authority_name, polarity) AS published_date,
     list(overall_grade ORDER BY published_date DESC, authority_name, polarity) AS overall_grade,
     list(report_url ORDER BY published_date DESC, authority_name, polarity) AS report_url,
     list(polarity ORDER BY published_date DESC, authority_name, polarity) AS polarity,
     list(section ORDER BY published_date DESC, authority_name, polarity) AS section,
     list(page ORDER BY published_date DESC, authority_name, polarity) AS page,
     list(snippet ORDER BY published_date DESC, authority_name, polarity) AS snippet
   FROM theme_snippets_display WHERE theme_id = $theme`,
  { theme: values.theme ?? "" },
);
