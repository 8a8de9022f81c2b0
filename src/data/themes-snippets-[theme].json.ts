// One file per theme (the page names each one), so the page loads only the chosen theme's evidence.
import { parseArgs } from "node:util";
import { printColumns } from "../../warehouse/print.ts";

const { values } = parseArgs({ options: { theme: { type: "string" } } });
await printColumns(
  `SELECT la_code, authority_name, framework, CAST(published_date AS VARCHAR) AS published_date, overall_grade,
          report_url, polarity, section, page, snippet
   FROM theme_snippets_display
   WHERE theme_id = $theme
   ORDER BY theme_snippets_display.published_date DESC, authority_name, polarity`,
  { theme: values.theme ?? "" },
);
