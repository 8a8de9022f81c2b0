// The Kent paper's section 5 figures for the rows a reader has filtered on the benchmarking page.
// Same definitions as the warehouse macro benchmark_summary (test/national.test.ts checks they agree);
// the page needs them in the browser because the reader's filters are free.
import {stands, type LiveAuthority} from "./as-at.js";

export interface BenchmarkRow {
  inspection_id: string;
  la_code: string;
  authority_name: string;
  region: string;
  la_type: string;
  framework: string;
  inspection_type: string;
  published_date: string;
  next_published_date: string | null;
  overall_grade: number | null;
  overall_label: string | null;
  help_protection_grade: number | null;
  children_in_care_grade: number | null;
  adoption_grade: number | null;
  care_leavers_grade: number | null;
  leadership_grade: number | null;
  lscb_grade: number | null;
  lscb_label: string | null;
  exceptions: string | null;
  report_url: string | null;
}

export interface BenchmarkSummary {
  authorities: number;
  overall: Record<1 | 2 | 3 | 4, number>;
  overall_graded: number;
  overall_not_good_pct: number | null;
  lscb: Record<1 | 2 | 3 | 4, number>;
  lscb_graded: number;
  lscb_not_good_pct: number | null;
  authorities_existing: number;
  inspected_since_launch: number;
  inspected_since_launch_pct: number | null;
  window_years: number;
  pace_per_year: number;
  years_to_complete: number | null;
  full_cycle_years: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** Rows of a framework published in the window, each authority at its latest report in it. */
export function inWindow(rows: BenchmarkRow[], framework: string, from: string, to: string): BenchmarkRow[] {
  return rows.filter(
    (r) => r.framework === framework && from <= r.published_date && r.published_date <= to && (r.next_published_date == null || r.next_published_date > to)
  );
}

/**
 * Section 5 of seed 004 for a window: counts by overall and LSCB grade, shares not good, the share
 * of authorities existing at the window's end inspected since the framework began, the pace over the
 * window (authorities a year) and the years the rest would take at that pace.
 */
export function summariseBenchmark(
  allRows: BenchmarkRow[],
  authorities: LiveAuthority[],
  opts: {framework: string; frameworkStart: string; from: string; to: string; include?: (la_code: string) => boolean}
): BenchmarkSummary {
  const include = opts.include ?? (() => true);
  const rows = inWindow(allRows, opts.framework, opts.from, opts.to).filter((r) => include(r.la_code));
  const existing = new Set(authorities.filter((a) => stands(a.live_from, a.live_until, opts.to) && include(a.la_code)).map((a) => a.la_code));
  const sinceLaunch = new Set(
    allRows
      .filter((r) => r.framework === opts.framework && opts.frameworkStart <= r.published_date && r.published_date <= opts.to && existing.has(r.la_code))
      .map((r) => r.la_code)
  );
  const tally = (key: "overall_grade" | "lscb_grade") => {
    const t = {1: 0, 2: 0, 3: 0, 4: 0} as Record<1 | 2 | 3 | 4, number>;
    for (const r of rows) if (r[key] != null) t[r[key] as 1 | 2 | 3 | 4] += 1;
    return t;
  };
  const overall = tally("overall_grade");
  const lscb = tally("lscb_grade");
  const sum = (t: Record<1 | 2 | 3 | 4, number>) => t[1] + t[2] + t[3] + t[4];
  const notGood = (t: Record<1 | 2 | 3 | 4, number>) => (sum(t) ? round1((100 * (t[3] + t[4])) / sum(t)) : null);
  const windowYears = (days(opts.from, opts.to) + 1) / 365.25;
  const pace = rows.length / windowYears;
  return {
    authorities: rows.length,
    overall,
    overall_graded: sum(overall),
    overall_not_good_pct: notGood(overall),
    lscb,
    lscb_graded: sum(lscb),
    lscb_not_good_pct: notGood(lscb),
    authorities_existing: existing.size,
    inspected_since_launch: sinceLaunch.size,
    inspected_since_launch_pct: existing.size ? round1((100 * sinceLaunch.size) / existing.size) : null,
    window_years: Math.round(windowYears * 1000) / 1000,
    pace_per_year: round1(pace),
    years_to_complete: pace ? round1((existing.size - sinceLaunch.size) / pace) : null,
    full_cycle_years: pace ? round1(existing.size / pace) : null,
  };
}
