import type { Warehouse } from "../../../warehouse/build.ts";
import { encodeColumns, type Columns } from "../../components/columns.ts";
import { reportAsAt, type AuthorityThemeReport } from "../../components/authority-themes.ts";
import type { Dated, HistoryFile, Inspection, Interval, ProfileFile, Reference, Rule } from "../../components/profile/document.ts";

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
  /** profiles/<la_code>.json: what the page needs on its default date. */
  profiles: Map<string, ProfileFile>;
  /** profiles/<la_code>-history.json: the dated tables on every date, fetched when the reader picks another. */
  histories: Map<string, HistoryFile>;
  /** profiles/distribution.json: every scope's grade distributions on every date, with the histories. */
  distribution: Columns;
  directory: DirectoryEntry[];
}

type ThemeRows = { themes: { status: string; snippet: string | null }[] };

function shorten(text: string | null, max = 90): string | null {
  if (text === null || text.length <= max) return text;
  return `${text.slice(0, text.lastIndexOf(" ", max - 1))}…`;
}

const holds = (asAt: string | null) => (r: Interval) => asAt !== null && r.valid_from <= asAt && (r.valid_until === null || asAt < r.valid_until);

/**
 * The profile documents from the warehouse views (warehouse/sql/views/3*.sql): for each profiled
 * authority (or only `laCode`) its file, cut to the default as-at date, and its history; the
 * distributions of every date; the directory for the search page.
 */
export async function profileDocuments(wh: Warehouse, laCode?: string): Promise<ProfileDocuments> {
  const only = laCode ? { where: "WHERE la_code = $la", params: { la: laCode } } : { where: "", params: undefined };
  const rows = await wh.query<Record<"who" | "related" | "neighbours" | "inspections" | "latest" | "neighbour_latest" | "sequence" | "enquiry" | "la_code", string>>(
    `SELECT * FROM authority_profiles ${only.where} ORDER BY la_code`,
    only.params,
  );
  // The forward look's windows (views 42-43), so that the profile and that page agree.
  const schedule = await wh.query<{ la_code: string; rule_id: string | null }>(
    `SELECT w.la_code, w.inspection_id, w.state_from, w.state_to, w.rule_id, w.window_open, w.window_close, w.blackout_applied,
            w.next_inspection_id, i.next_date, i.months AS months_to_next, c.verdict AS next_verdict
     FROM scheduling_windows w
     LEFT JOIN scheduling_intervals i ON i.prev_inspection_id = w.inspection_id AND i.inspection_id = w.next_inspection_id
     LEFT JOIN interval_rule_checks c ON c.prev_inspection_id = w.inspection_id AND c.inspection_id = w.next_inspection_id AND c.rule_id = w.rule_id
     ${only.where.replace("la_code", "w.la_code")}
     ORDER BY w.la_code, w.state_from`,
    only.params,
  );
  // Themes raised in each report's areas for improvement (views 50-55), newest report last.
  const themeReports = await wh.query<{ la_code: string }>(`SELECT * FROM authority_theme_reports ${only.where} ORDER BY la_code, published_date`, only.params);
  const [last] = await wh.query<{ d: string | null }>(`SELECT CAST(data_as_at AS VARCHAR) AS d FROM data_as_at`);
  const themes = await wh.query<Reference["themes"][number]>(`SELECT theme, label, sort_order FROM themes ORDER BY sort_order`);
  const frameworks = await wh.query<Reference["frameworks"][number]>(
    `SELECT f.framework, f.name, ff.framework_family FROM frameworks f JOIN framework_families ff USING (framework) ORDER BY f.start_date, f.framework`,
  );
  const rules = await wh.query<Rule>(
    `SELECT rule_id, framework, applies_to_grade, rule_kind, min_months, max_months, status, description, source FROM scheduling_rules ORDER BY csv_line`,
  );
  const distribution = await wh.query<Interval & { scope: string }>(
    `SELECT scope, theme, [n_outstanding, n_good, n_requires_improvement, n_inadequate] AS n, valid_from, valid_until
     FROM grade_distribution_intervals ORDER BY scope, theme, valid_from`,
  );

  const profiles = new Map<string, ProfileFile>();
  const histories = new Map<string, HistoryFile>();
  for (const row of rows) {
    const who = JSON.parse(row.who) as ProfileFile["who"];
    const inspections = JSON.parse(row.inspections) as Inspection[];
    const own = {
      latest: JSON.parse(row.latest) as (Interval & { theme: string; framework: string })[],
      neighbour_latest: JSON.parse(row.neighbour_latest) as Interval[],
      sequence: JSON.parse(row.sequence) as Interval[],
      enquiry: JSON.parse(row.enquiry) as (Interval & { theme: string })[],
    };
    const scopes = new Set(["England", who.ofsted_region]);
    const all: Dated<Interval[]> = { ...own, distribution: distribution.filter((d) => scopes.has(d.scope)) };
    // The rows holding on the default date: what the page shows before the reader picks another.
    const at = holds(who.default_as_at);
    const dated = Object.fromEntries(Object.entries(all).map(([part, intervals]) => [part, encodeColumns(intervals.filter(at))])) as unknown as Dated<Columns>;
    const windows = schedule.filter((w) => w.la_code === row.la_code).map(({ la_code, ...w }) => w);
    const cited = new Set(windows.map((w) => w.rule_id));
    // Quotes are shortened, and dropped for themes not raised again (the previous report's row has
    // them); the report link gives the whole passage.
    const themeRows = themeReports
      .filter((t) => t.la_code === row.la_code)
      .map(({ la_code, ...t }) => ({ ...t, themes: (t as unknown as ThemeRows).themes.map((x) => ({ ...x, snippet: x.status === "not raised again" ? null : shorten(x.snippet) })) })) as unknown as AuthorityThemeReport[];
    const inForce = who.default_as_at === null ? undefined : reportAsAt(themeRows, who.default_as_at);
    const namedThemes = new Set([...inspections.flatMap((i) => i.judgements.map((j) => j.theme)), ...own.latest.map((l) => l.theme), ...own.enquiry.map((e) => e.theme)]);
    const namedFrameworks = new Set([...inspections.map((i) => i.framework), ...own.latest.map((l) => l.framework)]);
    profiles.set(row.la_code, {
      who,
      related: JSON.parse(row.related),
      neighbours: JSON.parse(row.neighbours),
      inspections,
      scheduling: encodeColumns(windows),
      themes: inForce ? [inForce] : [],
      reference: {
        data_last_published: last?.d ?? null,
        themes: themes.filter((t) => namedThemes.has(t.theme)),
        frameworks: frameworks.filter((f) => namedFrameworks.has(f.framework)),
        rules: rules.filter((r) => cited.has(r.rule_id)),
      },
      dated_as_at: who.default_as_at,
      dated,
    });
    const ownColumns = Object.fromEntries(Object.entries(own).map(([part, intervals]) => [part, encodeColumns(intervals)])) as unknown as Dated<Columns>;
    histories.set(row.la_code, { ...ownColumns, themes: themeRows });
  }
  const directory = laCode ? [] : await wh.query<DirectoryEntry>(`SELECT * FROM authority_directory`);
  return { profiles, histories, distribution: encodeColumns(distribution), directory };
}
