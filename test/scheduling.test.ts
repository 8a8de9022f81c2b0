import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse, type Warehouse } from "../warehouse/build.ts";
import { dataDir } from "../lib/paths.ts";

/*
 * test/fixtures/scheduling is test/fixtures/warehouse extended (reference tables frameworks, themes,
 * judgement-areas, grade-scale and scheduling-rules are the real ones from data/reference):
 * - 928 Northamptonshire (valid_to 2021-03-31, inclusive as docs/authorities.md says) is succeeded by
 *   940 and 941 on 2021-04-01; 941's first own report is inadequate (ILACS: no fixed re-inspection interval).
 * - 303 Bexley has no inspection at all; 800 Bath and North East Somerset is inadequate under the SIF
 *   (published 2014-09-05), has a separately published LSCB review (2014-10-10) and is re-inspected from
 *   2017-01-12: an interval across two Augusts and three Christmases whose window closes in a blackout.
 * - 940's 2026 report (ILACS_2026) has no overall grade. The data's date is 2026-06-15.
 * Every expected value below was worked out by hand from those rows; the arithmetic is in the comments.
 */
const fixtureDir = path.join(import.meta.dirname, "fixtures", "scheduling");

let wh: Warehouse;
beforeAll(async () => {
  wh = await buildWarehouse({ dataDir: fixtureDir });
});
afterAll(() => wh?.close());

const england = (framework: string, asAt: string) =>
  wh
    .query<Record<string, unknown>>(
      `SELECT existing, covered, share_pct, gained_12m, projected_complete_12m_pace, programme_month,
              cycle_years_at_launch_pace, cycle_years_at_first_report_pace
       FROM coverage_monthly WHERE framework = $f AND region = 'England' AND as_at = CAST($d AS DATE)`,
      { f: framework, d: asAt },
    )
    .then((rows) => rows[0]);

describe("coverage by framework and month", () => {
  it("SIF after its first year: 1 of the 5 authorities then existing, and where that pace leads", async () => {
    // Existing on 2014-10-31: 928, 301, 302, 303, 800 (940/941 only from 2021). Covered: 800 (2014-09-05).
    // Projection: 4 remaining at 1 a year = 4 x 365.25 = 1461 days after 2014-10-31 = 2018-10-31.
    // Whole cycle from launch: 5 x 365 days (2013-11-01 to 2014-11-01) / 365.25 / 1 = 5.00 years;
    // from the first report (2014-09-05, 57 days to 2014-11-01): 5 x 57 / 365.25 = 0.78 years.
    expect(await england("SIF", "2014-10-31")).toEqual({
      existing: 5,
      covered: 1,
      share_pct: 20,
      gained_12m: 1,
      projected_complete_12m_pace: "2018-10-31",
      programme_month: 12,
      cycle_years_at_launch_pace: 5,
      cycle_years_at_first_report_pace: 0.78,
    });
  });

  it("SIF at its end: 4 of 5 (Bexley never inspected), the LSCB review not counted as a framework", async () => {
    // Covered by 2017-12-31: 800, 301 (2015-03-02), 928 (2016-05-10), 302 (2017-06-01); in the last
    // 12 months only 302, so 1 remaining at 1 a year: 365 days (rounded from 365.25) to 2018-12-31.
    expect(await england("SIF", "2017-12-31")).toMatchObject({
      existing: 5, covered: 4, share_pct: 80, gained_12m: 1, projected_complete_12m_pace: "2018-12-31", programme_month: 50,
    });
    const frameworks = await wh.query<{ framework: string }>(`SELECT framework FROM coverage_frameworks ORDER BY start_date`);
    expect(frameworks.map((f) => f.framework)).toEqual(["SIF", "ILACS", "ILACS_2026"]);
  });

  it("by region: London's three authorities, two covered by the end of the SIF", async () => {
    const rows = await wh.query(
      `SELECT region, existing, covered, share_pct FROM coverage_monthly
       WHERE framework = 'SIF' AND as_at = DATE '2017-12-31' ORDER BY region`,
    );
    expect(rows).toEqual([
      { region: "East Midlands", existing: 1, covered: 1, share_pct: 100 },
      { region: "England", existing: 5, covered: 4, share_pct: 80 },
      { region: "London", existing: 3, covered: 2, share_pct: 66.7 },
      { region: "South West", existing: 1, covered: 1, share_pct: 100 },
    ]);
  });

  it("a reorganised authority: the successors count as covered through their predecessor's ILACS report", async () => {
    // 2021-03-31 (928's last day): 928, 301, 302, 303, 800 exist; 928 (2019-08-01) and 301 (2019-01-15) covered.
    expect(await england("ILACS", "2021-03-31")).toMatchObject({ existing: 5, covered: 2, share_pct: 40 });
    // 2021-04-30: 940 and 941 replace 928 and both inherit its report: 6 authorities, 3 covered; no
    // first report in the 12 months before, so no projected date.
    expect(await england("ILACS", "2021-04-30")).toMatchObject({ existing: 6, covered: 3, share_pct: 50, gained_12m: 0, projected_complete_12m_pace: null });
  });

  it("not yet inspected as at a date, from each authority's uncovered span", async () => {
    const notYet = (framework: string, d: string) =>
      wh
        .query<{ la_code: string }>(
          `SELECT la_code FROM coverage_gaps WHERE framework = $f AND uncovered_from <= CAST($d AS DATE)
           AND CAST($d AS DATE) <= uncovered_to ORDER BY la_code`,
          { f: framework, d },
        )
        .then((rows) => rows.map((r) => r.la_code));
    // 2016-01-01: 301 (2015) and 800 (2014) have SIF reports; 928 waits until 2016-05-10, 302 until 2017.
    expect(await notYet("SIF", "2016-01-01")).toEqual(["302", "303", "928"]);
    expect(await notYet("SIF", "2016-05-10")).toEqual(["302", "303"]);
    // 2021-06-01: 940 and 941 are covered through 928; 302, 303, 800 never had an ILACS report.
    expect(await notYet("ILACS", "2021-06-01")).toEqual(["302", "303", "800"]);
    const summary = await wh.query(`SELECT framework, completed_on FROM coverage_framework_summary ORDER BY start_date`);
    expect(summary).toEqual([
      { framework: "SIF", completed_on: null },
      { framework: "ILACS", completed_on: null },
      { framework: "ILACS_2026", completed_on: null },
    ]);
  });
});

describe("intervals between successive graded inspections", () => {
  it("pairs each inspection with the authority's previous one, across frameworks and a reorganisation", async () => {
    const rows = await wh.query(
      `SELECT inspection_id, prev_inspection_id, prev_overall_grade, framework_pair, next_date, days, months, overlapping
       FROM scheduling_intervals ORDER BY inspection_id`,
    );
    expect(rows).toEqual([
      // 2015-03-02 to 2018-03-02 is 1096 days (2016 leap), to 2018-11-26 269 more: 1365; /30.4375 = 44.85.
      { inspection_id: "301-ilacs-2019-01-15", prev_inspection_id: "301-sif-2015-03-02", prev_overall_grade: 3, framework_pair: "SIF → ILACS", next_date: "2018-11-26", days: 1365, months: 44.85, overlapping: false },
      // 2019-01-15 to 2022-01-15 is 1096 days, to 2022-01-17 two more.
      { inspection_id: "301-ilacs-2022-03-01", prev_inspection_id: "301-ilacs-2019-01-15", prev_overall_grade: 2, framework_pair: "ILACS → ILACS", next_date: "2022-01-17", days: 1098, months: 36.07, overlapping: false },
      // The re-inspection began (2017-05-02) before the first report came out (2017-06-01).
      { inspection_id: "302-sif-2017-06-01-2", prev_inspection_id: "302-sif-2017-06-01", prev_overall_grade: 4, framework_pair: "SIF → SIF", next_date: "2017-05-02", days: -30, months: -0.99, overlapping: true },
      // Paired with the inadequate SIF report, not the LSCB review published in between: 731 + 122 + 7 = 860 days.
      { inspection_id: "800-sif-2017-03-20", prev_inspection_id: "800-sif-2014-09-05", prev_overall_grade: 4, framework_pair: "SIF → SIF", next_date: "2017-01-12", days: 860, months: 28.25, overlapping: false },
      // 1095 days to 2019-05-10, 24 more to 2019-06-03.
      { inspection_id: "928-ilacs-2019-08-01", prev_inspection_id: "928-sif-2016-05-10", prev_overall_grade: 4, framework_pair: "SIF → ILACS", next_date: "2019-06-03", days: 1119, months: 36.76, overlapping: false },
      // The successor's first report follows its predecessor's: 1096 + 119 days.
      { inspection_id: "940-ilacs-2023-02-01", prev_inspection_id: "928-ilacs-2019-08-01", prev_overall_grade: 3, framework_pair: "ILACS → ILACS", next_date: "2022-11-28", days: 1215, months: 39.92, overlapping: false },
      { inspection_id: "940-ilacs26-2026-06-15", prev_inspection_id: "940-ilacs-2023-02-01", prev_overall_grade: 2, framework_pair: "ILACS → ILACS_2026", next_date: "2026-04-20", days: 1174, months: 38.57, overlapping: false },
      { inspection_id: "941-ilacs-2022-10-20", prev_inspection_id: "928-ilacs-2019-08-01", prev_overall_grade: 3, framework_pair: "ILACS → ILACS", next_date: "2022-09-01", days: 1127, months: 37.03, overlapping: false },
    ]);
  });

  it("an authority's first inspection has no previous grade and no interval; an authority never inspected has none at all", async () => {
    const ids = (await wh.query<{ inspection_id: string; la_code: string }>(`SELECT inspection_id, la_code FROM scheduling_intervals`));
    for (const first of ["301-sif-2015-03-02", "302-sif-2017-06-01", "800-sif-2014-09-05", "928-sif-2016-05-10"]) {
      expect(ids.map((r) => r.inspection_id)).not.toContain(first);
    }
    expect(ids.map((r) => r.la_code)).not.toContain("303");
  });

  it("scheduling_intervals skips the separately published LSCB review", async () => {
    const [row] = await wh.query(`SELECT prev_inspection_id, prev_overall_grade FROM scheduling_intervals WHERE inspection_id = '800-sif-2017-03-20'`);
    expect(row).toEqual({ prev_inspection_id: "800-sif-2014-09-05", prev_overall_grade: 4 });
  });

  it("distributions by previous grade: median after inadequate 32.5 months, after good 37.3", async () => {
    const rows = await wh.query(
      `SELECT prev_grade, intervals, min_months, q1_months, median_months, q3_months, max_months
       FROM interval_distribution WHERE framework_pair = 'all' ORDER BY prev_grade`,
    );
    expect(rows).toEqual([
      // Non-overlapping: 28.25 36.07 36.76 37.03 38.57 39.92 44.85.
      { prev_grade: "2", intervals: 2, min_months: 36.07, q1_months: 36.7, median_months: 37.3, q3_months: 37.9, max_months: 38.57 },
      { prev_grade: "3", intervals: 3, min_months: 37.03, q1_months: 38.5, median_months: 39.9, q3_months: 42.4, max_months: 44.85 },
      // 28.25 and 36.76: quartiles at 28.25 + 8.51/4 = 30.38 and 36.76 - 8.51/4 = 34.63.
      { prev_grade: "4", intervals: 2, min_months: 28.25, q1_months: 30.4, median_months: 32.5, q3_months: 34.6, max_months: 36.76 },
      { prev_grade: "all", intervals: 7, min_months: 28.25, q1_months: 36.4, median_months: 37, q3_months: 39.2, max_months: 44.85 },
    ]);
    const [ilacsPair] = await wh.query(`SELECT intervals, median_months FROM interval_distribution WHERE prev_grade = 'all' AND framework_pair = 'ILACS → ILACS'`);
    expect(ilacsPair).toEqual({ intervals: 3, median_months: 37 });
  });
});

describe("intervals held against the scheduling rules, with the August and Christmas blackouts", () => {
  const checks = (inspectionId: string) =>
    wh.query(
      `SELECT rule_id, window_open, window_close_unadjusted, window_close, blackout_applied, verdict
       FROM interval_rule_checks WHERE inspection_id = $i ORDER BY rule_id`,
      { i: inspectionId },
    );

  it("an interval crossing Augusts and Christmases whose window closes in the Christmas blackout", async () => {
    // sif_inadequate_reinspection: 12-24 months counted from the action plan (up to 98 days after the
    // report): opens 2014-09-05 + 12 months; closes 2014-09-05 + 98 days = 2014-12-12, + 24 months =
    // 2016-12-12, inside 12 Dec-11 Jan, so it moves to 2017-01-12, the day the re-inspection began.
    expect(await checks("800-sif-2017-03-20")).toEqual([
      { rule_id: "sif_cycle_3y", window_open: null, window_close_unadjusted: "2017-09-05", window_close: "2017-09-05", blackout_applied: null, verdict: "within" },
      { rule_id: "sif_inadequate_reinspection", window_open: "2015-09-05", window_close_unadjusted: "2016-12-12", window_close: "2017-01-12", blackout_applied: "sif_blackout_christmas", verdict: "within" },
    ]);
  });

  it("windows closing in August move to 1 September; late is late all the same", async () => {
    // 928: 2016-05-10 + 98 days = 2016-08-16, + 24 months = 2018-08-16 (August) -> 2018-09-01; began 2019-06-03.
    expect(await checks("928-ilacs-2019-08-01")).toEqual([
      { rule_id: "sif_cycle_3y", window_open: null, window_close_unadjusted: "2019-05-10", window_close: "2019-05-10", blackout_applied: null, verdict: "late" },
      { rule_id: "sif_inadequate_reinspection", window_open: "2017-05-10", window_close_unadjusted: "2018-08-16", window_close: "2018-09-01", blackout_applied: "sif_blackout_august", verdict: "late" },
    ]);
    // 941: 928's report of 2019-08-01 + 36 months = 2022-08-01 (August) -> 2022-09-01, the day 941's began.
    expect(await checks("941-ilacs-2022-10-20")).toEqual([
      { rule_id: "ilacs_cycle", window_open: null, window_close_unadjusted: "2022-08-01", window_close: "2022-09-01", blackout_applied: "ilacs_blackout_august", verdict: "within" },
      { rule_id: "ilacs_standard_ri", window_open: null, window_close_unadjusted: "2022-08-01", window_close: "2022-09-01", blackout_applied: "ilacs_blackout_august", verdict: "within" },
    ]);
    // 12 January is after the Christmas blackout: 2019-01-15 + 36 months = 2022-01-15, began 2022-01-17.
    expect((await checks("301-ilacs-2022-03-01")).map((r) => r.verdict)).toEqual(["late", "late"]);
  });

  it("the SIF-to-ILACS interval is held against the SIF's rules; an overlapping pair is not judged", async () => {
    expect(await checks("301-ilacs-2019-01-15")).toEqual([
      { rule_id: "sif_cycle_3y", window_open: null, window_close_unadjusted: "2018-03-02", window_close: "2018-03-02", blackout_applied: null, verdict: "late" },
    ]);
    expect((await checks("302-sif-2017-06-01-2")).map((r) => r.verdict)).toEqual(["overlapping", "overlapping"]);
  });

  it("share within each rule's window, counting judged intervals only", async () => {
    const rows = await wh.query(
      `SELECT rule_id, status, intervals, within, early, late, overlapping, within_by_blackout, share_within_pct
       FROM interval_rule_summary WHERE intervals > 0 ORDER BY rule_id`,
    );
    expect(rows).toEqual([
      // 301-2022 late, 940-2023 late (closed 2022-09-01, began 2022-11-28), 940-2026 late, 941 within.
      { rule_id: "ilacs_cycle", status: "practice", intervals: 4, within: 1, early: 0, late: 3, overlapping: 0, within_by_blackout: 1, share_within_pct: 25 },
      { rule_id: "ilacs_short_good", status: "practice", intervals: 2, within: 0, early: 0, late: 2, overlapping: 0, within_by_blackout: 0, share_within_pct: 0 },
      { rule_id: "ilacs_standard_ri", status: "practice", intervals: 2, within: 1, early: 0, late: 1, overlapping: 0, within_by_blackout: 1, share_within_pct: 50 },
      // 301 late, 302 overlapping, 800 within, 928 late: 1 of 3 judged.
      { rule_id: "sif_cycle_3y", status: "in force", intervals: 4, within: 1, early: 0, late: 2, overlapping: 1, within_by_blackout: 0, share_within_pct: 33.3 },
      { rule_id: "sif_inadequate_reinspection", status: "in force", intervals: 3, within: 1, early: 0, late: 1, overlapping: 1, within_by_blackout: 1, share_within_pct: 50 },
    ]);
  });

  it("time from an inadequate report to the next graded inspection, and who is still waiting", async () => {
    const rows = await wh.query(
      `SELECT inspection_id, next_inspection_id, next_overall_grade, status, months FROM inadequate_followup ORDER BY published_date`,
    );
    expect(rows).toEqual([
      { inspection_id: "800-sif-2014-09-05", next_inspection_id: "800-sif-2017-03-20", next_overall_grade: 2, status: "followed", months: 28.25 },
      { inspection_id: "928-sif-2016-05-10", next_inspection_id: "928-ilacs-2019-08-01", next_overall_grade: 3, status: "followed", months: 36.76 },
      { inspection_id: "302-sif-2017-06-01", next_inspection_id: "302-sif-2017-06-01-2", next_overall_grade: 3, status: "overlapping", months: -0.99 },
      // 2022-10-20 to 2025-10-20 is 1096 days, to 2026-06-15 238 more: 1334 / 30.4375 = 43.83.
      { inspection_id: "941-ilacs-2022-10-20", next_inspection_id: null, next_overall_grade: null, status: "awaiting", months: 43.83 },
    ]);
    const [all] = await wh.query(
      `SELECT reports, followed, median_months, next_good_or_better, next_requires_improvement, awaiting, longest_wait_months
       FROM inadequate_followup_summary WHERE framework = 'all'`,
    );
    expect(all).toEqual({ reports: 4, followed: 2, median_months: 32.5, next_good_or_better: 1, next_requires_improvement: 1, awaiting: 1, longest_wait_months: 43.83 });
  });
});

describe("forward look", () => {
  it("each current authority's window under the rule for its last grade, as at the data's date", async () => {
    const rows = await wh.query(
      `SELECT la_code, last_inspection_id, rule_id, window_open, window_close, status_at_data_date, data_as_at
       FROM forward_windows ORDER BY la_code`,
    );
    expect(rows).toEqual([
      { la_code: "301", last_inspection_id: "301-ilacs-2022-03-01", rule_id: "ilacs_short_good", window_open: null, window_close: "2025-03-01", status_at_data_date: "overdue", data_as_at: "2026-06-15" },
      // Requires improvement under the SIF: no rule for that grade, so the three-year cycle.
      { la_code: "302", last_inspection_id: "302-sif-2017-06-01-2", rule_id: "sif_cycle_3y", window_open: null, window_close: "2020-06-01", status_at_data_date: "overdue", data_as_at: "2026-06-15" },
      { la_code: "303", last_inspection_id: null, rule_id: null, window_open: null, window_close: null, status_at_data_date: "no graded inspection", data_as_at: "2026-06-15" },
      { la_code: "800", last_inspection_id: "800-sif-2017-03-20", rule_id: "sif_cycle_3y", window_open: null, window_close: "2020-03-20", status_at_data_date: "overdue", data_as_at: "2026-06-15" },
      // No overall grade (ILACS from April 2026): the ILACS cycle, 36 months from 2026-06-15.
      { la_code: "940", last_inspection_id: "940-ilacs26-2026-06-15", rule_id: "ilacs_cycle", window_open: null, window_close: "2029-06-15", status_at_data_date: "in window", data_as_at: "2026-06-15" },
      // Inadequate under ILACS: re-inspected when Ofsted judges it right, no fixed interval.
      { la_code: "941", last_inspection_id: "941-ilacs-2022-10-20", rule_id: "ilacs_inadequate_reinspection", window_open: null, window_close: null, status_at_data_date: "no fixed window", data_as_at: "2026-06-15" },
    ]);
  });

  it("a successor carries its predecessor's last report, and window, until its own inspection", async () => {
    const rows = await wh.query(
      `SELECT la_code, inspection_id, state_from, state_to, window_close FROM scheduling_windows
       WHERE la_code IN ('940', '941') AND inspection_id = '928-ilacs-2019-08-01' ORDER BY la_code`,
    );
    expect(rows).toEqual([
      { la_code: "940", inspection_id: "928-ilacs-2019-08-01", state_from: "2021-04-01", state_to: "2023-01-31", window_close: "2022-09-01" },
      { la_code: "941", inspection_id: "928-ilacs-2019-08-01", state_from: "2021-04-01", state_to: "2022-10-19", window_close: "2022-09-01" },
    ]);
  });

  it("overdue as at a date: after the window closed and before the next inspection began", async () => {
    // The page's filter: overdue_from <= d and (overdue_to is null or d <= overdue_to).
    const overdueOn = (d: string) =>
      wh
        .query<{ la_code: string }>(
          `SELECT la_code FROM overdue_periods WHERE overdue_from <= CAST($d AS DATE)
           AND (overdue_to IS NULL OR CAST($d AS DATE) <= overdue_to) ORDER BY la_code`,
          { d },
        )
        .then((rows) => rows.map((r) => r.la_code));
    // 301: SIF window closed 2018-03-02, ILACS began 2018-11-26. 928: closed 2018-09-01 (August moved), began 2019-06-03.
    expect(await overdueOn("2018-10-01")).toEqual(["301", "928"]);
    // 928's ILACS window, inherited by 940 and 941, ran to 2022-08-01, in August: it closes 2022-09-01,
    // so in August neither successor is overdue.
    expect(await overdueOn("2022-08-15")).toEqual(["302", "800"]);
    // 940 is overdue from 2022-09-02 until its own inspection began 2022-11-28; 941's began on 2022-09-01.
    expect(await overdueOn("2022-10-01")).toEqual(["302", "800", "940"]);
    // 301 was overdue for one day: window closed 2022-01-15, inspection began 2022-01-17.
    expect(await overdueOn("2022-01-16")).toEqual(["301", "302", "800"]);
    expect(await overdueOn("2022-01-17")).toEqual(["302", "800"]);
    expect(await overdueOn("2026-06-15")).toEqual(["301", "302", "800"]);
  });

  it("calendar of expected inspections by month and region", async () => {
    const rows = await wh.query(`SELECT due_month, ofsted_region, authorities, authority_names FROM forward_calendar`);
    expect(rows).toEqual([
      { due_month: "overdue", ofsted_region: "London", authorities: 2, authority_names: "Barking and Dagenham; Barnet" },
      { due_month: "overdue", ofsted_region: "South West", authorities: 1, authority_names: "Bath and North East Somerset" },
      { due_month: "2029-06", ofsted_region: "East Midlands", authorities: 1, authority_names: "North Northamptonshire" },
    ]);
  });
});

// Seed 004 (Kent mapping paper, para 5.1): 22% of authorities inspected under the SIF between its
// launch (November 2013) and October 2014. Its Annex 1 lists 33 authorities; 33/152 = 21.7%.
// The corpus holds 32 SIF reports published in that period: Annex 1's authorities less Bournemouth
// (837), whose 2014 report is not among the reports Ofsted publishes for today's BCP Council.
// So the committed data should give 32 of 152 = 21.1%. Runs once data/inspections.csv holds SIF rows.
const committedInspections = fs.readFileSync(path.join(dataDir, "inspections.csv"), "utf8");
const hasSifRows = /^[^,\n]+,\d{3},SIF,/m.test(committedInspections);
if (!hasSifRows) console.warn("data/inspections.csv has no SIF rows yet: the SIF first-year comparison with seed 004 is skipped");

describe.skipIf(!hasSifRows)("SIF first-year coverage from the committed data, against seed 004's 22%", () => {
  let real: Warehouse;
  beforeAll(async () => {
    real = await buildWarehouse();
  });
  afterAll(() => real?.close());

  it("32 of the 152 authorities existing on 31 October 2014 (21.1%), the paper's 33 less Bournemouth", async () => {
    const [row] = await real.query(
      `SELECT seed_share_pct, seed_authorities, existing, covered, share_pct, seed_authorities_share_pct, first_report_date,
              cycle_years_at_launch_pace, cycle_years_at_first_report_pace
       FROM coverage_seed_comparison`,
    );
    expect(row).toEqual({
      seed_share_pct: 22,
      seed_authorities: 33,
      existing: 152,
      covered: 32,
      share_pct: 21.1,
      seed_authorities_share_pct: 21.7,
      // Derbyshire, Hartlepool and Hillingdon, published 11 February 2014.
      first_report_date: "2014-02-11",
      // 152 x 365 / 365.25 / 32 = 4.75 years from launch; 152 x 263 / 365.25 / 32 = 3.42 from the first report.
      cycle_years_at_launch_pace: 4.75,
      cycle_years_at_first_report_pace: 3.42,
    });
    const differing = await real.query(
      `SELECT la_code, in_seed, in_ours, first_published_date FROM coverage_seed_differences WHERE NOT (in_seed AND in_ours)`,
    );
    expect(differing).toEqual([{ la_code: "837", in_seed: true, in_ours: false, first_published_date: null }]);
  });
});
