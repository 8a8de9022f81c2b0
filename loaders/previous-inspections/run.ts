/**
 * From every later report's statements to earlier inspections: decide each claim's framework by
 * the reference rule, check claims of inspections we already hold against our rows, cluster
 * the rest into one earlier inspection per authority, framework and month, and account for
 * every claim and every report.
 */
import fs from "node:fs";
import path from "node:path";
import { readCsv } from "../../lib/csv.ts";
import { inspection as inspectionSchema, judgement as judgementSchema, type Inspection, type Judgement } from "../../schema/canonical.ts";
import { gradeKey, gradeLabel } from "../../schema/reference.ts";
import {
  statedFrameworkRule,
  type StatedAccountingRow,
  type StatedFrameworkRule,
  type StatedInspection,
  type StatedJudgement,
  type StatedStatement,
} from "../../schema/stated.ts";
import { defaultCacheDir, readCached, sha256, writeCached } from "../reports/cache.ts";
import { EXTRACTOR_VERSION, extractText } from "../reports/extract-text.ts";
import { findStatements, type Claim, type Statement } from "./statements.ts";

/** Reports that may state earlier outcomes: every report after SLAC and CPI. */
const STATING_FRAMEWORKS = new Set(["LAC", "SIF", "ILACS", "ILACS_2026"]);

export interface Outputs {
  inspections: StatedInspection[];
  judgements: StatedJudgement[];
  statements: StatedStatement[];
  accounting: StatedAccountingRow[];
}

interface ClaimRow extends StatedStatement {
  report: Inspection;
  grades: string[];
  rule?: StatedFrameworkRule;
}

const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + (d.length > 4 ? Number(d.slice(5, 7)) - 1 : 6);
const monthOf = (iso: string) => iso.slice(0, 7);

/** The rule for an element, wording and stated date; a year only must fall within one rule. */
export function ruleFor(rules: StatedFrameworkRule[], claim: Claim): StatedFrameworkRule[] {
  if (!claim.date) return [];
  const date = claim.date;
  const hits = rules.filter((r) => r.element === claim.element && r.wording === claim.wording);
  if (date.precision === "month") return hits.filter((r) => r.from_month <= date.value && date.value <= r.to_month);
  return hits.filter((r) => r.from_month.slice(0, 4) <= date.value && date.value <= r.to_month.slice(0, 4));
}

function isList(s: Statement): boolean {
  return s.pattern.startsWith("the last inspection of X") || s.pattern.startsWith("X was previously inspected") || s.pattern.includes("+");
}

async function pagesOf(report: Inspection, sourcesDir: string | undefined, cacheDir: string): Promise<string[] | string> {
  const cached = readCached(cacheDir, report.source_sha256);
  if (cached) return cached.ok ? cached.pages : `unreadable: ${cached.reason}`;
  if (!sourcesDir) return "no cached text and no sources folder to extract it from";
  const file = path.join(sourcesDir, report.source_file);
  let data: Uint8Array;
  try {
    data = new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    return `cannot read ${file}: ${(e as Error).message}`;
  }
  const text = await extractText(data);
  writeCached(cacheDir, { version: EXTRACTOR_VERSION, sha256: sha256(data), ok: true, numPages: text.numPages, pages: text.pages });
  return text.pages;
}

/** Our own inspections of an authority near a stated month (a report states the inspection or the publication month). */
function oursNear(ours: Inspection[], la: string, framework: string, stated: string): Inspection[] {
  const m = monthIndex(stated);
  const tolerance = stated.length === 4 ? 6 : 2;
  return ours.filter((i) => {
    if (i.la_code !== la || i.framework !== framework) return false;
    const months = [i.start_date, i.end_date, i.published_date].filter((d): d is string => !!d).map((d) => monthIndex(monthOf(d)));
    return months.some((x) => Math.abs(x - m) <= tolerance);
  });
}

export async function readStatedInspections(opts: {
  dataDir: string;
  referenceDir: string;
  sourcesDir?: string;
  cacheDir?: string;
}): Promise<Outputs> {
  const cacheDir = opts.cacheDir ?? defaultCacheDir;
  const ours = readCsv(path.join(opts.dataDir, "inspections.csv"), inspectionSchema);
  const ourJudgements = readCsv(path.join(opts.dataDir, "judgements.csv"), judgementSchema);
  const rules = readCsv(path.join(opts.referenceDir, "stated-framework-rules.csv"), statedFrameworkRule);
  const scale = new Map(readCsv(path.join(opts.referenceDir, "grade-scale.csv"), gradeLabel).map((g) => [gradeKey(g.grade_label), g.grade]));
  const gradesOf = new Map<string, Judgement[]>();
  for (const j of ourJudgements) gradesOf.set(j.inspection_id, [...(gradesOf.get(j.inspection_id) ?? []), j]);

  const accounting: StatedAccountingRow[] = [];
  const claims: ClaimRow[] = [];
  const reports = ours
    .filter((i) => STATING_FRAMEWORKS.has(i.framework))
    .sort((a, b) => a.published_date.localeCompare(b.published_date) || a.inspection_id.localeCompare(b.inspection_id));
  for (const report of reports) {
    const pages = await pagesOf(report, opts.sourcesDir, cacheDir);
    if (typeof pages === "string") {
      accounting.push({ inspection_id: report.inspection_id, framework: report.framework, source_file: report.source_file, outcome: "ambiguous", statements: 0, used: 0, reason: pages });
      continue;
    }
    const statements = findStatements(pages);
    for (const s of statements) {
      for (const c of s.claims) {
        const row: ClaimRow = {
          report,
          stating_inspection_id: report.inspection_id,
          la_code: report.la_code,
          page: s.page,
          pattern: s.pattern,
          kind: isList(s) ? "list" : "narrative",
          element: c.element,
          wording: c.wording,
          stated_date: c.date?.value ?? null,
          date_precision: c.date?.precision ?? null,
          grade_label: c.grades.length === 1 ? c.grades[0]! : null,
          grades: c.grades,
          framework: null,
          judgement_code: null,
          outcome: "ambiguous",
          reason: null,
          inspection_id: null,
          quote: s.quote,
        };
        const rule = ruleFor(rules, c);
        if (!c.date) row.reason = "no date stated for this element";
        else if (rule.length > 1) row.reason = `year only: ${c.date.value} spans ${rule.map((r) => r.framework).join(" and ")}`;
        else if (rule.length === 0) row.reason = `no framework rule for ${c.element} (${c.wording}) in ${c.date.value}`;
        else {
          row.rule = rule[0]!;
          row.framework = rule[0]!.framework;
          row.judgement_code = rule[0]!.judgement_code;
          if (rule[0]!.graded === "yes" && c.grades.length === 0) row.reason = "no grade stated";
          else if (c.grades.length > 1) row.reason = `several grades for one element: ${c.grades.join(", ")}`;
        }
        // A statement that outcomes were stated but no reason found yet is resolved below.
        claims.push(row);
      }
    }
    accounting.push({
      inspection_id: report.inspection_id,
      framework: report.framework,
      source_file: report.source_file,
      outcome: "none",
      statements: statements.length,
      used: 0,
      reason: statements.length === 0 ? "no statement of an earlier inspection with an element and a 2009-2013 date" : null,
    });
  }

  // Year-only claims are placed by a month claim of the same authority, element and year.
  for (const c of claims) {
    if (c.reason?.startsWith("year only") || (c.date_precision === "year" && !c.reason)) {
      const month = claims.find(
        (m) => m.la_code === c.la_code && m.element === c.element && m.date_precision === "month" && m.rule && m.stated_date!.startsWith(c.stated_date!),
      );
      if (month) {
        c.rule = month.rule;
        c.framework = month.framework;
        c.judgement_code = month.judgement_code;
        if (c.reason?.startsWith("year only")) c.reason = c.grades.length === 1 ? null : c.grades.length === 0 ? "no grade stated" : `several grades for one element: ${c.grades.join(", ")}`;
      }
    }
  }

  // Claims about inspections we hold (the 2013 LAC inspections, the SIF): compare, never add.
  const heldFrameworks = new Set(["LAC", "SIF"]);
  for (const c of claims) {
    if (c.reason || !c.rule || !heldFrameworks.has(c.rule.framework)) continue;
    const near = oursNear(ours, c.la_code, c.rule.framework, c.stated_date!);
    if (near.length === 0) {
      if (c.rule.framework === "SIF") c.reason = "states a SIF inspection we do not hold";
      continue;
    }
    const held = near[0]!;
    const heldGrades = (gradesOf.get(held.inspection_id) ?? []).map((j) => scale.get(gradeKey(j.grade_label)));
    const grade = scale.get(c.grade_label!);
    c.inspection_id = held.inspection_id;
    c.outcome = heldGrades.includes(grade ?? null) ? "agrees_with_ours" : "disagrees_with_ours";
    c.reason = c.outcome === "agrees_with_ours" ? `a grade of ${held.inspection_id} is ${c.grade_label}` : `no grade of ${held.inspection_id} is ${c.grade_label}`;
  }
  for (const c of claims) {
    if (c.outcome === "ambiguous" && !c.reason && c.rule?.framework === "SIF") c.reason = "states a SIF inspection we do not hold";
  }

  // Cluster the remaining claims: one element of an earlier inspection per authority, framework,
  // element and month (two months either side: a report may state the publication month).
  const usable = claims.filter((c) => !c.reason && c.rule && c.outcome === "ambiguous");
  const clusters: ClaimRow[][] = [];
  const key = (c: ClaimRow) => `${c.la_code}|${c.framework}|${c.element}`;
  const sorted = [...usable].sort((a, b) => (a.date_precision === b.date_precision ? 0 : a.date_precision === "month" ? -1 : 1));
  for (const c of sorted) {
    const same = clusters.filter((cl) => key(cl[0]!) === key(c));
    const hit = same.find((cl) =>
      cl.some((m) =>
        c.date_precision === "year" || m.date_precision === "year"
          ? m.stated_date!.slice(0, 4) === c.stated_date!.slice(0, 4)
          : Math.abs(monthIndex(m.stated_date!) - monthIndex(c.stated_date!)) <= 2,
      ),
    );
    if (hit) hit.push(c);
    else clusters.push([c]);
  }

  interface Element {
    claims: ClaimRow[];
    chosen: ClaimRow;
    grade: string;
    date: string;
    precision: "month" | "year";
  }
  const elements: Element[] = [];
  for (const cl of clusters) {
    // List statements ("The last inspection of ... was in ...") outrank narrative ones; among
    // equals, the earliest report (closest to the event) is quoted.
    const ranked = [...cl].sort(
      (a, b) =>
        (a.kind === "list" ? 0 : 1) - (b.kind === "list" ? 0 : 1) ||
        (a.date_precision === "month" ? 0 : 1) - (b.date_precision === "month" ? 0 : 1) ||
        a.report.published_date.localeCompare(b.report.published_date),
    );
    const chosen = ranked[0]!;
    const top = ranked.filter((c) => c.kind === chosen.kind);
    const votes = new Map<number | null | undefined, number>();
    for (const c of top) votes.set(scale.get(c.grade_label!), (votes.get(scale.get(c.grade_label!)) ?? 0) + 1);
    const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const winner = top.find((c) => scale.get(c.grade_label!) === best)!;
    const months = cl.filter((c) => c.date_precision === "month").map((c) => c.stated_date!);
    const monthVotes = new Map<string, number>();
    for (const m of months) monthVotes.set(m, (monthVotes.get(m) ?? 0) + 1);
    const date = months.length
      ? [...monthVotes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]
      : winner.stated_date!;
    elements.push({ claims: cl, chosen: winner, grade: winner.grade_label!, date, precision: months.length ? "month" : "year" });
    for (const c of cl) {
      if (c === winner) c.outcome = "used";
      else if (scale.get(c.grade_label!) === best) c.outcome = "corroborates";
      else {
        c.outcome = "conflict_overruled";
        c.reason = `states ${c.grade_label}; ${winner.stating_inspection_id} p${winner.page} (${winner.kind} statement${top.length > 1 ? `, ${votes.get(best)} of ${top.length} ${winner.kind} statements` : ""}) states ${winner.grade_label}`;
      }
    }
  }

  // Elements of one inspection: SLAC's two elements were one inspection when stated in the same month.
  const inspections: StatedInspection[] = [];
  const judgements: StatedJudgement[] = [];
  const byInspection = new Map<string, Element[]>();
  // Month-precise elements first, so a year-only element joins the month inspection of its year.
  const order = (e: Element) => (e.precision === "month" ? 0 : 1);
  for (const e of elements.sort((a, b) => order(a) - order(b) || a.chosen.element.localeCompare(b.chosen.element) || a.date.localeCompare(b.date))) {
    const c = e.chosen;
    let id = `${c.la_code}-${c.framework!.toLowerCase().replace(/_/g, "-")}-stated-${e.date}`;
    const sibling = [...byInspection.entries()].find(([, es]) => {
      const f = es[0]!;
      const near = f.precision === "month" && e.precision === "month"
        ? Math.abs(monthIndex(f.date) - monthIndex(e.date)) <= 1
        : f.date.slice(0, 4) === e.date.slice(0, 4);
      return f.chosen.la_code === c.la_code && f.chosen.framework === c.framework && near && !es.some((x) => x.chosen.element === c.element);
    });
    if (sibling) id = sibling[0];
    byInspection.set(id, [...(byInspection.get(id) ?? []), e]);
  }
  for (const [id, es] of byInspection) {
    const first = es[0]!;
    const c = first.chosen;
    inspections.push({
      inspection_id: id,
      la_code: c.la_code,
      framework: c.framework!,
      inspection_type: "as stated in a later report",
      stated_date: first.date,
      date_precision: first.precision,
      rule_id: c.rule!.rule_id,
      stated_in: c.stating_inspection_id,
      stated_page: c.page,
      quote: c.quote,
      statements: es.reduce((n, e) => n + e.claims.length, 0),
      source_file: c.report.source_file,
      source_sha256: c.report.source_sha256,
      report_url: c.report.report_url ?? null,
    });
    for (const e of es) {
      for (const x of e.claims) x.inspection_id = id;
      if (!e.chosen.judgement_code) continue;
      judgements.push({
        inspection_id: id,
        judgement_code: e.chosen.judgement_code,
        grade_label: e.grade,
        source: `${e.chosen.report.source_file} p${e.chosen.page} (as stated in the ${e.chosen.report.published_date.slice(0, 4)} ${e.chosen.report.framework} report)`,
        stated_in: e.chosen.stating_inspection_id,
        stated_page: e.chosen.page,
        quote: e.chosen.quote,
      });
    }
  }

  for (const a of accounting) {
    if (a.outcome === "ambiguous") continue;
    const mine = claims.filter((c) => c.stating_inspection_id === a.inspection_id);
    a.used = mine.filter((c) => c.outcome === "used" || c.outcome === "corroborates" || c.outcome === "agrees_with_ours").length;
    if (mine.length === 0) continue;
    if (a.used > 0) {
      a.outcome = "extracted";
      a.reason = null;
    } else {
      a.outcome = "ambiguous";
      a.reason = [...new Set(mine.map((c) => c.reason ?? c.outcome))].join("; ");
    }
  }

  const statements: StatedStatement[] = claims.map(({ report: _r, grades: _g, rule: _rule, ...row }) => row);
  inspections.sort((a, b) => a.inspection_id.localeCompare(b.inspection_id));
  judgements.sort((a, b) => a.inspection_id.localeCompare(b.inspection_id) || a.judgement_code.localeCompare(b.judgement_code));
  return { inspections, judgements, statements, accounting };
}
