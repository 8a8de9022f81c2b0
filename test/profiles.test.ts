import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse, type Warehouse } from "../warehouse/build.ts";
import { readCsv } from "../lib/csv.ts";
import { dataDir } from "../lib/paths.ts";
import { authority, inspection } from "../schema/canonical.ts";
import { reorganisation } from "../schema/authority-reference.ts";
import config from "../observablehq.config.ts";
import { profileDocuments, type ProfileDocuments } from "../src/data/authorities/documents.ts";
import { areaDocuments } from "../src/data/authorities/area.ts";
import { decodeProfile } from "../src/components/profile/document.ts";
import { renderProfile } from "../src/components/profile/render.ts";
import { snapshot, type Snapshot } from "../src/components/profile/snapshot.ts";

const fixtureDir = path.join(import.meta.dirname, "fixtures", "profiles");

/** A profile on any date: its file with its history, as the page has it once the reader picks a date. */
function snapshotter(docs: ProfileDocuments) {
  return (la: string, asAt: string): Snapshot => {
    const file = docs.profiles.get(la);
    const own = docs.histories.get(la);
    if (!file || !own) throw new Error(`no profile for ${la}`);
    return snapshot(decodeProfile(file, { own, distribution: docs.distribution }), asAt);
  };
}

const theme = (s: Snapshot, t: string) => s.themes.find((r) => r.theme === t);
const enquiry = (s: Snapshot) => s.enquiry.map((e) => `${e.kind}:${e.theme}`).sort();

/**
 * The interval views must give, on every date, exactly what an independent point-in-time
 * implementation (test/support/latest-grade-oracle.sql) gives: checked on the dates where anything
 * can change and the day before each.
 */
async function intervalMismatches(wh: Warehouse) {
  await wh.connection.run(fs.readFileSync(path.join(import.meta.dirname, "support", "latest-grade-oracle.sql"), "utf8"));
  const dates = `
    WITH d AS (
      SELECT published_date AS d FROM inspections UNION SELECT valid_from FROM authorities UNION SELECT CAST(valid_to + 1 AS DATE) FROM authorities
    )
    SELECT d FROM d WHERE d IS NOT NULL UNION SELECT CAST(d - 1 AS DATE) FROM d WHERE d IS NOT NULL`;
  const [grades] = await wh.query<{ n: number }>(`
    WITH dates AS (${dates}),
    macro AS (SELECT d, l.la_code, l.theme, l.inspection_id, l.judgement_code FROM dates, LATERAL (SELECT * FROM latest_grade_oracle(dates.d)) l),
    intervals AS (
      SELECT d, g.la_code, g.theme, g.inspection_id, g.judgement_code
      FROM dates JOIN latest_grade_intervals g ON g.valid_from <= d AND (g.valid_until IS NULL OR d < g.valid_until)
    )
    SELECT count(*) AS n FROM ((SELECT * FROM macro EXCEPT SELECT * FROM intervals) UNION ALL (SELECT * FROM intervals EXCEPT SELECT * FROM macro))`);
  const [distributions] = await wh.query<{ n: number }>(`
    WITH dates AS (${dates}),
    macro_rows AS (SELECT d, l.* FROM dates, LATERAL (SELECT * FROM latest_grade_oracle(dates.d)) l),
    scoped AS (SELECT d, 'England' AS scope, theme, grade FROM macro_rows UNION ALL SELECT d, ofsted_region, theme, grade FROM macro_rows),
    macro AS (
      SELECT d, scope, theme, count(*) FILTER (WHERE grade = 1) AS n1, count(*) FILTER (WHERE grade = 2) AS n2,
             count(*) FILTER (WHERE grade = 3) AS n3, count(*) FILTER (WHERE grade = 4) AS n4
      FROM scoped GROUP BY d, scope, theme
    ),
    intervals AS (
      SELECT d, scope, theme, n_outstanding, n_good, n_requires_improvement, n_inadequate
      FROM dates JOIN grade_distribution_intervals g ON g.valid_from <= d AND (g.valid_until IS NULL OR d < g.valid_until)
    )
    SELECT count(*) AS n FROM ((SELECT * FROM macro EXCEPT SELECT * FROM intervals) UNION ALL (SELECT * FROM intervals EXCEPT SELECT * FROM macro))`);
  const [neighbours] = await wh.query<{ n: number }>(`
    WITH dates AS (${dates}),
    state AS (SELECT d, l.la_code, l.theme, l.grade FROM dates, LATERAL (SELECT * FROM latest_grade_oracle(dates.d)) l),
    pairs AS (SELECT la_code, unnest(stat_neighbours) AS neighbour FROM authorities),
    macro AS (
      SELECT s.d, s.la_code, s.theme, count(n.grade) AS graded, count(*) FILTER (WHERE n.grade < s.grade) AS better
      FROM state s JOIN pairs p ON p.la_code = s.la_code
      LEFT JOIN state n ON n.d = s.d AND n.la_code = p.neighbour AND n.theme = s.theme
      GROUP BY ALL
    ),
    intervals AS (
      SELECT d, c.la_code, c.theme, c.neighbours_graded, c.neighbours_better
      FROM dates JOIN neighbour_comparison_intervals c ON c.valid_from <= d AND (c.valid_until IS NULL OR d < c.valid_until)
    )
    SELECT count(*) AS n FROM ((SELECT * FROM macro EXCEPT SELECT * FROM intervals) UNION ALL (SELECT * FROM intervals EXCEPT SELECT * FROM macro))`);
  return { grades: grades!.n, distributions: distributions!.n, neighbours: neighbours!.n };
}

describe("authority profiles on the hand-worked fixture (test/fixtures/profiles)", () => {
  let wh: Warehouse;
  let docs: ProfileDocuments;
  let at: (la: string, asAt: string) => Snapshot;
  beforeAll(async () => {
    wh = await buildWarehouse({ dataDir: fixtureDir });
    docs = await profileDocuments(wh);
    at = snapshotter(docs);
  });
  afterAll(() => wh.close());

  it("the interval views agree with the point-in-time oracle on every date where either could change", async () => {
    expect(await intervalMismatches(wh)).toEqual({ grades: 0, distributions: 0, neighbours: 0 });
  });

  it("profiles every current authority and the predecessor with reports", () => {
    expect([...docs.profiles.keys()].sort()).toEqual(["301", "302", "303", "855", "891", "928", "940", "941"]);
    expect(docs.directory.map((d) => d.la_code).sort()).toEqual(["301", "302", "303", "855", "891", "928", "940", "941"]);
  });

  it("a reorganised authority: West Northamptonshire carries Northamptonshire's reports until its own", () => {
    const before = at("941", "2023-06-01");
    expect(before.profile.related).toEqual([{ link: "predecessor", la_code: "928", name: "Northamptonshire", date: "2021-04-01", profiled: true }]);
    expect(before.profile.inspections.map((i) => i.inspection_id)).toEqual(["928-sif-2016-05-10", "928-ilacs-2019-08-01", "941-ilacs-2024-03-15"]);
    expect(theme(before, "overall")?.latest).toMatchObject({ grade: 3, inspection_id: "928-ilacs-2019-08-01", inherited_from: "928" });
    expect(before.latestInspection?.inspection_id).toBe("928-ilacs-2019-08-01");
    // The LSCB grade comes from the SIF (2016): history, not part of the current (ILACS) picture.
    expect(theme(before, "lscb")).toMatchObject({ current: false, latest: { grade: 3, framework: "SIF" } });

    const after = at("941", "2024-06-01");
    expect(theme(after, "overall")?.latest).toMatchObject({ grade: 3, inspection_id: "941-ilacs-2024-03-15", inherited_from: null });
    const trajectory = Object.fromEntries(after.sequence!.trajectory!.map((t) => [t.theme, [t.since_previous, t.since_first]]));
    expect(trajectory).toEqual({
      overall: ["unchanged", "unchanged"],
      leadership: ["unchanged", "unchanged"],
      help_protection: ["unchanged", "unchanged"],
      children_in_care: ["declined", "declined"],
      care_leavers: [null, null],
    });
    expect(enquiry(after)).toEqual([
      "below_good:children_in_care", "below_good:help_protection", "below_good:leadership", "below_good:overall",
      "below_neighbours:children_in_care", "below_neighbours:help_protection", "below_neighbours:leadership", "below_neighbours:overall",
      "fell:children_in_care",
    ]);
    // Neighbours 940 (good), 855 (outstanding), 891 (good); East Midlands adds 941 itself (RI).
    expect(theme(after, "overall")?.neighbours).toEqual([1, 2, 0, 0]);
    expect(theme(after, "overall")?.region).toEqual([1, 2, 1, 0]);
    expect(theme(after, "overall")?.england).toEqual([1, 4, 1, 1]);
  });

  it("the predecessor's profile ends the day before its successors begin", () => {
    const p = at("928", "2021-03-31");
    expect(p.profile.who).toMatchObject({ status: "predecessor", default_as_at: "2021-03-31" });
    expect(p.profile.related.map((r) => [r.link, r.la_code])).toEqual([["successor", "940"], ["successor", "941"]]);
    expect(theme(p, "overall")?.latest.grade).toBe(3);
    expect(at("928", "2021-04-01")).toMatchObject({ exists: false, themes: [] });
    expect(at("940", "2021-03-31")).toMatchObject({ exists: false, themes: [] });
    expect(theme(at("940", "2021-04-01"), "overall")?.latest).toMatchObject({ grade: 3, inherited_from: "928" });
  });

  it("an authority judged inadequate and re-inspected: the SIF re-inspection rule and what improved", () => {
    const waiting = at("302", "2019-01-01");
    expect(theme(waiting, "overall")?.latest.grade).toBe(4);
    // Seed 001 para 200: 12-24 months, counted from the action plan, which the forward look allows
    // 98 days for (docs/scheduling.md): 7 Jul 2017 + 98 days + 24 months = 13 Oct 2019.
    expect(waiting.scheduling).toMatchObject({
      rule: { rule_id: "sif_inadequate_reinspection" },
      row: { window_open: "2018-07-07", window_close: "2019-10-13", next_inspection_id: "302-ilacs-2019-06-20", next_date: "2019-04-29", next_verdict: "within" },
      monthsSince: 17,
      status: "within window",
    });
    expect(enquiry(at("302", "2018-01-01"))).toEqual([
      "below_good:care_leavers", "below_good:children_in_care", "below_good:help_protection", "below_good:leadership", "below_good:lscb", "below_good:overall",
      "below_neighbours:overall",
    ]);
    const after = at("302", "2019-07-01");
    expect(after.sequence!.trajectory!.map((t) => [t.theme, t.since_previous, t.previous_grade])).toEqual([
      ["overall", "improved", 4],
      ["help_protection", "improved", 4],
      ["children_in_care", "improved", 3],
      ["leadership", "improved", 4],
    ]);
    // Care leavers was last graded under the SIF, so it is not a line of enquiry under ILACS.
    expect(after.enquiry).toEqual([]);
  });

  it("SLAC-era data: two overall judgements (safeguarding first), sub-grades kept, cycle rule", () => {
    const slac = at("891", "2012-01-01");
    expect(slac.history.map((i) => [i.framework, i.judgements.length])).toEqual([["SLAC", 7]]);
    expect(theme(slac, "overall")?.latest).toMatchObject({ grade: 3, grade_label: "Adequate" });
    expect(theme(slac, "capacity_to_improve")?.latest.grade).toBe(2);
    expect(slac.scheduling).toMatchObject({ rule: { rule_id: "slac_cycle_3y" }, row: { window_close: "2013-11-12" } });
    expect(enquiry(slac)).toEqual(["below_good:children_safe", "below_good:leadership", "below_good:overall"]);

    const sif = at("891", "2015-03-01");
    expect(sif.sequence!.trajectory!.find((t) => t.theme === "overall")).toMatchObject({ since_previous: "unchanged", previous_grade_label: "Adequate" });
    expect(sif.themes.filter((t) => !t.current).map((t) => t.theme)).toEqual(["capacity_to_improve", "children_safe", "staying_safe"]);
  });

  it("an outstanding authority, against neighbours, its region and England", () => {
    const s = at("855", "2022-02-01");
    expect(theme(s, "overall")).toMatchObject({ latest: { grade: 1, grade_label: "Outstanding" }, trajectory: { since_previous: "improved", since_first: null } });
    // Live on 2022-02-01: 940 and 941 (inheriting 928's RI), 855, 891 (good), 301 and 302 (good); 303 not yet graded.
    expect(theme(s, "overall")?.england).toEqual([1, 3, 2, 0]);
    expect(theme(s, "overall")?.region).toEqual([1, 1, 2, 0]);
    expect(s.scheduling).toMatchObject({ rule: { rule_id: "ilacs_short_outstanding" }, row: { window_close: "2025-01-20" } });
    expect(s.enquiry).toEqual([]);
  });

  it("an ILACS report from 2026 with no overall grade keeps the ILACS overall grade and the ILACS cycle", () => {
    const s = at("301", "2026-06-01");
    expect(s.latestInspection?.inspection_id).toBe("301-ilacs26-2026-05-20");
    expect(theme(s, "overall")).toMatchObject({ current: true, latest: { inspection_id: "301-ilacs-2019-01-15", grade: 2 } });
    expect(s.scheduling).toMatchObject({ rule: { rule_id: "ilacs_cycle" }, row: { window_close: "2029-05-20" } });
  });
});

describe("authority profiles from the committed data/", () => {
  let wh: Warehouse;
  let docs: ProfileDocuments;
  let at: (la: string, asAt: string) => Snapshot;
  const authorities = readCsv(path.join(dataDir, "authorities.csv"), authority);
  const inspections = readCsv(path.join(dataDir, "inspections.csv"), inspection);
  beforeAll(async () => {
    wh = await buildWarehouse();
    docs = await profileDocuments(wh);
    at = snapshotter(docs);
  });
  afterAll(() => wh.close());

  it("one page per current authority and per predecessor with a report, and the data loader has a profile for each", async () => {
    const inspected = new Set(inspections.map((i) => i.la_code));
    const expected = authorities.filter((a) => a.status === "current" || inspected.has(a.la_code)).map((a) => `/authorities/${a.la_code}`);
    const paths: string[] = [];
    for await (const p of config.dynamicPaths()) paths.push(p);
    expect(paths.sort()).toEqual(expected.sort());
    expect(paths.length).toBe(authorities.filter((a) => a.status === "current").length + [...inspected].filter((la) => authorities.find((a) => a.la_code === la)?.status === "predecessor").length);
    for (const la of inspected) expect(paths).toContain(`/authorities/${la}`);
    expect([...docs.profiles.keys()].map((la) => `/authorities/${la}`).sort()).toEqual(expected.sort());
  });

  // What the page fetches on load: its file and its area file (docs/bench.md measures the same in
  // the browser). The history fetched on another date is not counted here.
  it("every profile's data on load is under 50 KB", async () => {
    const areas = await areaDocuments(wh);
    const bytes = (doc: unknown) => Buffer.byteLength(JSON.stringify(doc ?? null));
    const sizes = [...docs.profiles].map(([la, doc]) => [la, bytes(doc) + bytes(areas.get(la))] as const);
    expect(sizes.filter(([, size]) => size >= 50 * 1024)).toEqual([]);
  });

  it("on its default date every profile shows the same from its file alone as with its history", () => {
    for (const [la, file] of docs.profiles) {
      const asAt = file.dated_as_at;
      if (asAt === null) continue;
      const alone = snapshot(decodeProfile(file), asAt);
      const full = at(la, asAt);
      expect(renderProfile(alone, { links: true }), la).toBe(renderProfile(full, { links: true }));
    }
  });

  it("a profile decoded without its history refuses any other date", () => {
    const file = docs.profiles.get("926")!;
    expect(() => snapshot(decodeProfile(file), "2016-06-01")).toThrow(/holds its dated tables for \d{4}-\d{2}-\d{2} only/);
  });

  it("the interval views agree with the point-in-time oracle on the real data", async () => {
    expect(await intervalMismatches(wh)).toEqual({ grades: 0, distributions: 0, neighbours: 0 });
  });

  it("North and West Northamptonshire: created from Northamptonshire, each with its own two reports", () => {
    const reorganisations = readCsv(path.join(dataDir, "reference", "reorganisations.csv"), reorganisation);
    for (const la of ["940", "941"]) {
      const s = at(la, "2026-08-01");
      const link = reorganisations.find((r) => r.successor_la_code === la)!;
      expect(s.profile.related).toEqual([{ link: "predecessor", la_code: "928", name: "Northamptonshire", date: link.date, profiled: false }]);
      expect(s.profile.inspections.map((i) => i.inspection_id)).toEqual(inspections.filter((i) => i.la_code === la).map((i) => i.inspection_id).sort());
      // The 2022 reports grade overall effectiveness "Requires improvement to be good"; the July 2026
      // reports (ILACS from April 2026) grade leaders outstanding and the other three good, with no
      // overall judgement, so the overall grade held is still 2022's.
      expect(theme(s, "overall")?.latest).toMatchObject({ grade: 3, grade_label: "Requires improvement to be good", published_date: "2022-11-25" });
      expect(theme(s, "leadership")?.latest).toMatchObject({ grade: 1, published_date: "2026-07-07" });
      expect(s.sequence?.trajectory?.find((t) => t.theme === "leadership")).toMatchObject({ since_previous: "improved", previous_grade: 3 });
      expect(at(la, "2021-06-01")).toMatchObject({ exists: true, themes: [], scheduling: null });
    }
  });

  it("Birmingham, inadequate in 2014 and again at the 2016 re-inspection: the re-inspection window and the recovery", () => {
    const s2015 = at("330", "2015-01-01");
    // Report of 23 May 2014: "The overall judgement is Inadequate".
    expect(theme(s2015, "overall")?.latest).toMatchObject({ grade: 4, inspection_id: "330-sif-2014-05-23" });
    // 23 May 2014 + 98 days (action plan) + 24 months = 29 Aug 2016, in the August blackout, so the
    // window closes on 1 Sep 2016; the re-inspection's fieldwork began on 12 Sep 2016.
    expect(s2015.scheduling).toMatchObject({
      rule: { rule_id: "sif_inadequate_reinspection" },
      row: { window_open: "2015-05-23", window_close: "2016-09-01", blackout_applied: "sif_blackout_august", next_inspection_id: "330-sif-2016-11-25", next_date: "2016-09-12", next_verdict: "late" },
      status: "before window",
    });
    const s2019 = at("330", "2019-02-01");
    // Before them, as the 2014 SIF report states (p11): SLAC in 2010, safeguarding inadequate; the
    // inspection of arrangements for the protection of children (CPI) in September 2012, inadequate.
    expect(s2019.history.map((i) => [i.framework, i.inspection_type, i.overall_grade])).toEqual([
      ["SLAC", "as stated in a later report", 4], ["CPI", "as stated in a later report", 4],
      ["SIF", "standard", 4], ["SIF", "re-inspection", 4], ["ILACS", "standard", 3],
    ]);
    expect(s2019.history[1]!.stated).toMatchObject({ when: "September 2012", year: 2014, framework: "SIF", page: 11 });
    expect(s2019.sequence?.trajectory?.find((t) => t.theme === "overall")).toMatchObject({ since_previous: "improved", previous_grade: 4 });
  });

  it("Norfolk, from an inadequate 2013 looked-after-children inspection to outstanding in 2026", () => {
    const lac = at("926", "2014-01-01");
    // Before it, as later reports state: SLAC in 2011, looked after children adequate (the 2013 LAC
    // report, p7); the CPI in January 2013, inadequate (the 2015 SIF report, p3).
    expect(lac.history.map((i) => [i.framework, i.overall_label])).toEqual([["SLAC", "adequate"], ["CPI", "inadequate"], ["LAC", "Inadequate"]]);
    // 18 months from 16 Aug 2013; the SIF fieldwork began on 6 Jul 2015.
    expect(lac.scheduling).toMatchObject({
      rule: { rule_id: "consult2011_cic_inadequate_reinspection" },
      row: { window_close: "2015-02-16", next_inspection_id: "926-sif-2015-10-19", next_date: "2015-07-06", next_verdict: "late" },
    });
    // Report of 18 May 2026: all five judgements outstanding; the previous inspection (Jan 2023) was good.
    const now = at("926", "2026-06-01");
    expect(now.themes.filter((t) => t.current).map((t) => [t.theme, t.latest.grade])).toEqual([
      ["overall", 1], ["help_protection", 1], ["children_in_care", 1], ["care_leavers", 1], ["leadership", 1],
    ]);
    expect(theme(now, "overall")?.trajectory).toMatchObject({ since_previous: "improved", previous_grade_label: "Good" });
    expect(now.enquiry).toEqual([]);
  });

  it("every SLAC inspection in data/ appears in its authority's profile", () => {
    for (const i of inspections.filter((r) => r.framework === "SLAC")) {
      expect(docs.profiles.get(i.la_code)?.inspections.map((x) => x.inspection_id)).toContain(i.inspection_id);
    }
  });
});
