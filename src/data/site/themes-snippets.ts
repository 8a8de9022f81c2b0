import { columns, type SiteFile } from "../../../warehouse/print.ts";

// One file per theme (themes-snippets-<theme_id>.json), so the page loads only the chosen theme's evidence.
const themeSnippets: SiteFile = async (wh) => {
  const themes = await wh.query<{ theme_id: string }>(`SELECT theme_id FROM report_theme_taxonomy ORDER BY sort_order`);
  const files: Record<string, string> = {};
  for (const { theme_id } of themes) {
    const file = columns(
      `SELECT la_code, authority_name, framework, CAST(published_date AS VARCHAR) AS published_date, overall_grade,
              report_url, polarity, section, page, snippet
       FROM theme_snippets_display
       WHERE theme_id = $theme
       ORDER BY theme_snippets_display.published_date DESC, authority_name, polarity`,
      { theme: theme_id },
    );
    Object.assign(files, await file(wh, `themes-snippets-${theme_id}`));
  }
  return files;
};
export default themeSnippets;
