import { type Line, Quarantine } from "./lines.ts";
import { type Section, mainFindings } from "./main-findings.ts";
import type { Parsed } from "./parsed.ts";
import type { Reference } from "./reference.ts";
import type { RowRule } from "./table.ts";

/** Sub-grades shared by both SLAC elements (seed 000, para 55), as `<prefix>_<suffix>` codes. */
const COMMON: [string, RegExp][] = [
  ["overall", /overall effectiveness$/i],
  ["capacity", /capacity (for|to) improve(ment)?$/i],
  ["quality_of_provision", /quality of provision$/i],
  ["service_responsiveness", /service responsiveness$/i],
  ["assessment_direct_work", /assessment and direct work with children( and families)?$/i],
  ["case_planning", /case planning, review and recording$/i],
  ["leadership", /(how effective are )?leadership and management\??$/i],
  ["ambition_prioritisation", /ambition and prioritisation$/i],
  ["evaluation", /(evaluation|performance management)\b.*$/i],
  ["user_engagement", /user engagement$/i],
  ["partnerships", /partnerships?( working)?$/i],
  ["equality_diversity", /equality and diversity$/i],
  ["value_for_money", /value for money$/i],
];
const SAFEGUARDING: [string, RegExp][] = [
  ["children_safe", /children and young people are safe\b/i],
  ["feel_safe", /children and young people feel safe\b/i],
];
const LOOKED_AFTER: [string, RegExp][] = [
  ["being_healthy", /being healthy$/i],
  ["staying_safe", /staying safe$/i],
  ["enjoying_achieving", /enjoying and achieving$/i],
  ["positive_contribution", /making a positive contribution\b.*$/i],
  ["economic_wellbeing", /economic well-?being$/i],
];

const rules = (prefix: string, list: [string, RegExp][]): RowRule[] => list.map(([suffix, label]) => ({ code: `${prefix}_${suffix}`, label }));

const SLAC_SECTIONS: Section[] = [
  { heading: /^Safeguarding services$/i, rules: rules("slac_sg", [...SAFEGUARDING, ...COMMON]) },
  { heading: /^Services for looked after children$/i, rules: rules("slac_lac", [...LOOKED_AFTER, ...COMMON]) },
];

const LAC_SECTIONS: Section[] = [
  {
    heading: null,
    rules: [
      { code: "lac_overall", label: /overall effectiveness$/i },
      { code: "lac_capacity", label: /capacity (to|for) improve(ment)?$/i },
      { code: "lac_outcomes", label: /outcomes for looked after children and young people$/i },
      { code: "lac_quality_of_provision", label: /quality of provision$/i },
      { code: "lac_leadership", label: /leadership and management$/i },
    ],
  },
];

function missingHeadlines(found: { code: string }[], codes: string[]): string[] {
  return codes.filter((c) => !found.some((f) => f.code === c));
}

/** SLAC (2009-12): two elements, safeguarding and looked after children, each with overall effectiveness, capacity and sub-grades. */
export function parseSlac(lines: Line[], ref: Reference): Parsed {
  const { found, ignored } = mainFindings(lines, ref, SLAC_SECTIONS);
  if (found.length === 0) throw new Quarantine("no judgement table found: no readable \"Record of main findings\"");
  const missing = missingHeadlines(found, ["slac_sg_overall", "slac_sg_capacity", "slac_lac_overall", "slac_lac_capacity"]);
  if (missing.length > 0) throw new Quarantine(`SLAC record of main findings incomplete: missing ${missing.join(", ")}`);
  return { framework: "SLAC", inspectionType: "standard", kind: "SLAC", judgements: found, ...(ignored.length ? { note: `rows not mapped to a judgement code: ${ignored.join("; ")}` } : {}) };
}

/** Ofsted-only inspections of looked after children services (2012-13): five graded judgements. */
export function parseLac(lines: Line[], ref: Reference): Parsed {
  const { found, ignored } = mainFindings(lines, ref, LAC_SECTIONS);
  if (found.length === 0) throw new Quarantine("no judgement table found: no readable \"Record of main findings\" or graded headings");
  const missing = missingHeadlines(found, LAC_SECTIONS[0]!.rules.map((r) => r.code).filter((c) => ref.codes.has(c)));
  if (missing.length > 0) throw new Quarantine(`looked after children inspection: missing ${missing.join(", ")}`);
  return { framework: "LAC", inspectionType: "standard", kind: "LAC (looked after children services)", judgements: found, ...(ignored.length ? { note: `rows not mapped to a judgement code: ${ignored.join("; ")}` } : {}) };
}
