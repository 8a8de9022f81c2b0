/**
 * An authority's state on an as-at date. Everything computed is computed in SQL
 * (warehouse/sql/views/3*.sql); here rows are only picked for the date (valid_from <= asAt < valid_until)
 * and tallied.
 */
import type {EnquiryRow, Inspection, Interval, LatestGrade, Neighbour, NeighbourGrade, Profile, Rule, ScheduleRow, SequenceEntry, TrajectoryRow} from "./document.js";

export interface ThemeRow {
  theme: string;
  label: string;
  latest: LatestGrade;
  /** Graded under the framework family of the latest inspection (else: history from an earlier framework). */
  current: boolean;
  trajectory: TrajectoryRow | null;
  /** Neighbours' latest grades in the theme, tallied outstanding .. inadequate. */
  neighbours: [number, number, number, number];
  region: [number, number, number, number] | null;
  england: [number, number, number, number] | null;
}

export interface NeighbourRow {
  neighbour: Neighbour;
  exists: boolean;
  grades: Map<string, NeighbourGrade>;
}

export interface SchedulingState {
  inspection: Inspection;
  row: ScheduleRow;
  rule: Rule | null;
  monthsSince: number;
  /** Where the as-at date falls against the window for the next inspection. */
  status: "before window" | "within window" | "after window" | "no fixed interval" | "no rule";
}

export interface Snapshot {
  asAt: string;
  profile: Profile;
  /** The authority existed on the date (it may still have no inspection). */
  exists: boolean;
  history: Inspection[];
  latestInspection: Inspection | null;
  sequence: SequenceEntry | null;
  family: string | null;
  themes: ThemeRow[];
  neighbours: NeighbourRow[];
  scheduling: SchedulingState | null;
  enquiry: EnquiryRow[];
}

const holds = (asAt: string) => (r: Interval) => r.valid_from <= asAt && (r.valid_until === null || asAt < r.valid_until);

/** Whole months from one ISO date to another (a month counts once the day of the month is reached). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split("-").map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

function tally(grades: number[]): [number, number, number, number] {
  const t: [number, number, number, number] = [0, 0, 0, 0];
  for (const g of grades) t[g - 1] = (t[g - 1] ?? 0) + 1;
  return t;
}

export function snapshot(profile: Profile, asAt: string): Snapshot {
  if (profile.only_as_at !== null && profile.only_as_at !== asAt) {
    throw new Error(`the profile of ${profile.who.la_code} holds its dated tables for ${profile.only_as_at} only, not ${asAt}: decode it with its history`);
  }
  const at = holds(asAt);
  const who = profile.who;
  const reference = profile.reference;
  const exists = (!who.valid_from || who.valid_from <= asAt) && (!who.valid_to || asAt <= who.valid_to);
  const sequence = profile.sequence.find(at) ?? null;
  const byId = new Map(profile.inspections.map((i) => [i.inspection_id, i]));
  const latestInspection = sequence ? byId.get(sequence.inspection_id) ?? null : null;
  const family = sequence?.framework_family ?? null;
  const familyOf = new Map(reference.frameworks.map((f) => [f.framework, f.framework_family]));
  const themeOrder = new Map(reference.themes.map((t) => [t.theme, t]));
  const neighbourGrades = profile.neighbour_latest.filter(at);
  const distribution = profile.distribution.filter(at);
  const region = distribution.filter((d) => d.scope === who.ofsted_region);
  const england = distribution.filter((d) => d.scope === "England");
  const themes = profile.latest
    .filter(at)
    .map((latest): ThemeRow => ({
      theme: latest.theme,
      label: themeOrder.get(latest.theme)?.label ?? latest.theme,
      latest,
      current: familyOf.get(latest.framework) === family,
      trajectory: sequence?.trajectory?.find((t) => t.theme === latest.theme) ?? null,
      neighbours: tally(neighbourGrades.filter((g) => g.theme === latest.theme).map((g) => g.grade)),
      region: region.find((d) => d.theme === latest.theme)?.n ?? null,
      england: england.find((d) => d.theme === latest.theme)?.n ?? null,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || (themeOrder.get(a.theme)?.sort_order ?? 99) - (themeOrder.get(b.theme)?.sort_order ?? 99));
  const neighbours = profile.neighbours.map((neighbour): NeighbourRow => ({
    neighbour,
    exists: (!neighbour.valid_from || neighbour.valid_from <= asAt) && (!neighbour.valid_to || asAt <= neighbour.valid_to),
    grades: new Map(neighbourGrades.filter((g) => g.la_code === neighbour.la_code).map((g) => [g.theme, g])),
  }));
  let scheduling: SchedulingState | null = null;
  const row = profile.scheduling.find((r) => r.state_from <= asAt && (r.state_to === null || asAt <= r.state_to));
  const last = row ? byId.get(row.inspection_id) : undefined;
  if (row && last) {
    const rule = reference.rules.find((r) => r.rule_id === row.rule_id) ?? null;
    const status: SchedulingState["status"] = !rule
      ? "no rule"
      : !row.window_close
        ? "no fixed interval"
        : asAt < (row.window_open ?? last.published_date)
          ? "before window"
          : asAt <= row.window_close
            ? "within window"
            : "after window";
    scheduling = {inspection: last, row, rule, monthsSince: monthsBetween(last.published_date, asAt), status};
  }
  return {
    asAt,
    profile,
    exists,
    history: profile.inspections.filter((i) => i.published_date <= asAt),
    latestInspection,
    sequence,
    family,
    themes,
    neighbours,
    scheduling,
    enquiry: profile.enquiry.filter(at),
  };
}
