import type { Warehouse } from "../../../warehouse/build.ts";
import { pack, type ProfileFile, type SharedFile } from "../../components/profile.ts";

/** One row of the search page's list (view authority_directory). */
export interface DirectoryEntry {
  la_code: string;
  name: string;
  aliases: string | null;
  gss_code: string;
  gss_codes_previous: string | null;
  ofsted_urn: string | null;
  ofsted_region: string;
  la_type: string;
  status: string;
  valid_to: string | null;
  inspections: number;
  last_published: string | null;
  overall_grade: number | null;
  overall_label: string | null;
  overall_published: string | null;
}

export interface ProfileDocuments {
  profiles: Map<string, ProfileFile>;
  shared: SharedFile;
  directory: DirectoryEntry[];
}

type ThemeRows = { themes: { status: string; snippet: string | null }[] };

function shorten(text: string | null, max = 90): string | null {
  if (text === null || text.length <= max) return text;
  return `${text.slice(0, text.lastIndexOf(" ", max - 1))}…`;
}

const PARTS = ["who", "related", "neighbours", "inspections", "latest", "neighbour_latest", "sequence", "enquiry"] as const;
const PACKED = new Set(["latest", "neighbour_latest", "enquiry"]);

/**
 * The profile documents from the warehouse views (warehouse/sql/views/3*.sql): one per profiled
 * authority (or only `laCode`), what they share, and the directory for the search page.
 */
export async function profileDocuments(wh: Warehouse, laCode?: string): Promise<ProfileDocuments> {
  const rows = await wh.query<Record<(typeof PARTS)[number] | "la_code", string>>(
    `SELECT * FROM authority_profiles ${laCode ? "WHERE la_code = $la" : ""} ORDER BY la_code`,
    laCode ? { la: laCode } : undefined,
  );
  // The forward look's windows (views 42-43), so that the profile and that page agree.
  const schedule = await wh.query<{ la_code: string }>(
    `SELECT w.la_code, w.inspection_id, w.state_from, w.state_to, w.rule_id, w.window_open, w.window_close, w.blackout_applied,
            w.next_inspection_id, i.next_date, i.months AS months_to_next, c.verdict AS next_verdict
     FROM scheduling_windows w
     LEFT JOIN scheduling_intervals i ON i.prev_inspection_id = w.inspection_id AND i.inspection_id = w.next_inspection_id
     LEFT JOIN interval_rule_checks c ON c.prev_inspection_id = w.inspection_id AND c.inspection_id = w.next_inspection_id AND c.rule_id = w.rule_id
     ${laCode ? "WHERE w.la_code = $la" : ""}
     ORDER BY w.la_code, w.state_from`,
    laCode ? { la: laCode } : undefined,
  );
  // Themes raised in each report's areas for improvement (views 50-55), newest report last.
  const themeReports = await wh.query<{ la_code: string }>(
    `SELECT * FROM authority_theme_reports ${laCode ? "WHERE la_code = $la" : ""} ORDER BY la_code, published_date`,
    laCode ? { la: laCode } : undefined,
  );
  const profiles = new Map<string, ProfileFile>();
  for (const row of rows) {
    const doc = Object.fromEntries(PARTS.map((p) => [p, PACKED.has(p) ? pack(JSON.parse(row[p])) : JSON.parse(row[p])]));
    const windows = schedule.filter((w) => w.la_code === row.la_code).map(({ la_code, ...w }) => w);
    // Quotes are shortened, and dropped for themes not raised again (the previous report's row has
    // them), so that a profile stays under 50 KB; the report link gives the whole passage.
    const themes = themeReports
      .filter((t) => t.la_code === row.la_code)
      .map(({ la_code, ...t }) => ({ ...t, themes: (t as unknown as ThemeRows).themes.map((x) => ({ ...x, snippet: x.status === "not raised again" ? null : shorten(x.snippet) })) }));
    profiles.set(row.la_code, { ...doc, scheduling: pack(windows), themes } as unknown as ProfileFile);
  }
  const [last] = await wh.query<{ d: string | null }>(`SELECT CAST(max(published_date) AS VARCHAR) AS d FROM inspections`);
  const shared: SharedFile = {
    data_last_published: last?.d ?? null,
    themes: await wh.query(`SELECT theme, label, sort_order FROM themes ORDER BY sort_order`),
    frameworks: await wh.query(
      `SELECT f.framework, f.name, ff.framework_family FROM frameworks f JOIN framework_families ff USING (framework) ORDER BY f.start_date, f.framework`,
    ),
    rules: await wh.query(
      `SELECT rule_id, framework, applies_to_grade, rule_kind, min_months, max_months, status, description, source FROM scheduling_rules ORDER BY csv_line`,
    ),
    distribution: pack(
      await wh.query(
        `SELECT scope, theme, [n_outstanding, n_good, n_requires_improvement, n_inadequate] AS n, valid_from, valid_to
         FROM grade_distribution_intervals ORDER BY scope, theme, valid_from`,
      ),
    ),
  };
  const directory = laCode ? [] : await wh.query<DirectoryEntry>(`SELECT * FROM authority_directory`);
  return { profiles, shared, directory };
}
