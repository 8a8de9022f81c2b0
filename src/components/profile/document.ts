/**
 * The authority profile's documents as the data loader writes them (src/data/authorities/documents.ts)
 * and as the page and the briefing decode them. Tables travel in the site's wire format (columns.ts).
 *
 * A profile loads in two steps, so that the page fetches only what its default date needs: the
 * profile file (profiles/<la_code>.json) holds the dated tables cut to the rows holding on the default
 * as-at date; the first other date fetches the authority's history (profiles/<la_code>-history.json)
 * and the region and England distributions of every date (profiles/distribution.json).
 */
import type {AuthorityThemeReport} from "../authority-themes.js";
import {decodeColumns, type Columns} from "../columns.js";

export interface Interval {
  valid_from: string;
  /** Exclusive (the first day it no longer holds); an authority's valid_to is inclusive. */
  valid_until: string | null;
}

export interface Who {
  la_code: string;
  name: string;
  aliases: string | null;
  gss_code: string;
  ofsted_urn: string | null;
  ofsted_region: string;
  ons_region: string;
  la_type: string;
  population_0_25: number | null;
  status: "current" | "predecessor";
  valid_from: string | null;
  valid_to: string | null;
  source: string;
  data_last_published: string | null;
  default_as_at: string | null;
  earliest_as_at: string | null;
}

export interface Related {
  link: "predecessor" | "successor";
  la_code: string;
  name: string;
  date: string;
  profiled: boolean;
}

export interface Neighbour {
  la_code: string;
  name: string;
  valid_from: string | null;
  valid_to: string | null;
  profiled: boolean;
}

export interface Judgement {
  code: string;
  label: string;
  framework: string;
  theme: string;
  grade: number | null;
  grade_label: string;
}

export interface Inspection {
  inspection_id: string;
  la_code: string;
  authority_name: string;
  framework: string;
  framework_family: string;
  inspection_type: string;
  start_date: string | null;
  end_date: string | null;
  published_date: string;
  report_url: string | null;
  source_file: string;
  overall_grade: number | null;
  overall_label: string | null;
  judgements: Judgement[];
  /** An earlier inspection known only from a later report: the month as stated ("March 2012") and that report. */
  stated: {when: string; year: number; framework: string; page: number} | null;
}

export interface LatestGrade extends Interval {
  theme: string;
  grade: number;
  grade_label: string;
  framework: string;
  inspection_id: string;
  published_date: string;
  inherited_from: string | null;
}

export interface NeighbourGrade extends Interval {
  la_code: string;
  theme: string;
  grade: number;
  published_date: string;
}

export interface DistributionRow extends Interval {
  /** "England" or an Ofsted region. */
  scope: string;
  theme: string;
  /** Authorities graded outstanding, good, requires improvement / adequate, inadequate. */
  n: [number, number, number, number];
}

export type Direction = "improved" | "declined" | "unchanged";

export interface TrajectoryRow {
  theme: string;
  grade: number;
  grade_label: string;
  previous_grade: number | null;
  previous_grade_label: string | null;
  first_grade: number | null;
  first_grade_label: string | null;
  since_previous: Direction | null;
  since_first: Direction | null;
}

/**
 * An authority's state between graded reports, as the forward look computes it (scheduling_windows,
 * docs/scheduling.md): from state_from to state_to inclusive (null: still the state), the rule for the
 * last grade, its window, and when the next inspection began against that window.
 */
export interface ScheduleRow {
  inspection_id: string;
  state_from: string;
  state_to: string | null;
  rule_id: string | null;
  window_open: string | null;
  window_close: string | null;
  blackout_applied: string | null;
  next_inspection_id: string | null;
  next_date: string | null;
  months_to_next: number | null;
  next_verdict: string | null;
}

export interface SequenceEntry extends Interval {
  inspection_id: string;
  framework_family: string;
  previous_inspection_id: string | null;
  first_of_framework_id: string;
  trajectory: TrajectoryRow[] | null;
}

export interface EnquiryRow extends Interval {
  kind: "below_good" | "fell" | "below_neighbours";
  theme: string;
  grade: number;
  grade_label: string | null;
  inspection_id: string | null;
  published_date: string | null;
  previous_grade_label: string | null;
}

export interface Rule {
  rule_id: string;
  framework: string;
  applies_to_grade: number | null;
  rule_kind: string;
  min_months: number | null;
  max_months: number | null;
  status: string;
  description: string;
  source: string;
}

/** Reference rows the profile shows, those its own rows name: themes in order, frameworks by family, the rules its windows cite. */
export interface Reference {
  data_last_published: string | null;
  themes: {theme: string; label: string; sort_order: number}[];
  frameworks: {framework: string; name: string; framework_family: string}[];
  rules: Rule[];
}

/** The tables that change with the as-at date, each a list of intervals (valid_from <= date < valid_until). */
export interface Dated<Table> {
  latest: Table;
  neighbour_latest: Table;
  sequence: Table;
  enquiry: Table;
  /** England's and the authority's region's grade distributions. */
  distribution: Table;
}

/** profiles/<la_code>.json */
export interface ProfileFile {
  who: Who;
  related: Related[];
  neighbours: Neighbour[];
  inspections: Inspection[];
  scheduling: Columns;
  /** The row of the view authority_theme_reports (see authority-themes.ts) in force on the default date. */
  themes: AuthorityThemeReport[];
  reference: Reference;
  /** The date the dated tables are cut to (the default as-at date; null: no graded report, nothing dated). */
  dated_as_at: string | null;
  dated: Dated<Columns>;
}

/** profiles/<la_code>-history.json: the authority's own dated tables on every date, and every report's themes. */
export interface HistoryFile extends Omit<Dated<Columns>, "distribution"> {
  themes: AuthorityThemeReport[];
}

/** What a date other than the file's needs: the authority's history and profiles/distribution.json (every scope). */
export interface History {
  own: HistoryFile;
  distribution: Columns;
}

export interface Profile extends Omit<ProfileFile, "scheduling" | "dated"> {
  scheduling: ScheduleRow[];
  latest: LatestGrade[];
  neighbour_latest: NeighbourGrade[];
  sequence: SequenceEntry[];
  enquiry: EnquiryRow[];
  distribution: DistributionRow[];
  /** The one date the dated tables hold for, or null when they hold every date (the history is in). */
  only_as_at: string | null;
}

export function decodeProfile(file: ProfileFile, history?: History): Profile {
  const {scheduling, dated, ...rest} = file;
  const tables = history ? {...history.own, distribution: history.distribution} : dated;
  return {
    ...rest,
    themes: history ? history.own.themes : file.themes,
    scheduling: decodeColumns<ScheduleRow>(scheduling),
    latest: decodeColumns<LatestGrade>(tables.latest),
    neighbour_latest: decodeColumns<NeighbourGrade>(tables.neighbour_latest),
    sequence: decodeColumns<SequenceEntry>(tables.sequence),
    enquiry: decodeColumns<EnquiryRow>(tables.enquiry),
    distribution: decodeColumns<DistributionRow>(tables.distribution),
    only_as_at: history ? null : file.dated_as_at,
  };
}
