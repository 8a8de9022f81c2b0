import { type Line, Quarantine } from "./lines.ts";
import type { Reference } from "./reference.ts";
import { type RowRule, assignCodes, readRows } from "./table.ts";
import type { Parsed } from "./parsed.ts";

const RULES: RowRule[] = [
  { code: "leaders", label: /impact of leaders/i },
  { code: "help_protection", label: /help and protection/i },
  { code: "children_in_care", label: /children in care and (children )?care leavers/i },
  { code: "children_in_care", label: /children in care$/i },
  { code: "care_leavers", label: /care leavers$/i },
  { code: "overall", label: /^overall effectiveness/i },
];

/** ILACS inspections starting from this date are under the April 2026 framework (no overall effectiveness). */
export const ILACS_2026_FROM = "2026-04-01";

/**
 * ILACS: the "Judgement | Grade" table on page 1. From January 2023 care leavers are judged apart
 * from children in care; from April 2026 there is no overall effectiveness judgement. Reports do not
 * say whether an inspection was short or standard: one week of fieldwork or less is taken as short.
 */
export function parseIlacs(lines: Line[], ref: Reference, dates: { start: string; fieldworkDays: number }): Parsed {
  const head = lines.findIndex((l) => l.page <= 3 && /^Judgement\s+Grade$/i.test(l.text.trim()));
  if (head < 0) throw new Quarantine("no judgement table found (no \"Judgement | Grade\" header in the first pages)");
  const rows = readRows(lines, head + 1, ref, { maxRows: 6, maxLabelLines: 3 });
  const found = assignCodes(rows, RULES, ref, "ILACS judgement table");
  const codes = found.map((j) => j.code);
  if (new Set(codes).size !== codes.length) throw new Quarantine(`ILACS judgement table: a judgement appears twice (${codes.join(", ")})`);
  const is2026 = dates.start >= ILACS_2026_FROM;
  const separateLeavers = codes.includes("care_leavers");
  const expected = ["leaders", "help_protection", "children_in_care", ...(separateLeavers ? ["care_leavers"] : []), ...(is2026 ? [] : ["overall"])];
  const missing = expected.filter((c) => !codes.includes(c));
  if (missing.length > 0) throw new Quarantine(`ILACS judgement table incomplete: missing ${missing.join(", ")} (rows read: ${rows.map((r) => `"${r.label}"`).join(", ") || "none"})`);
  if (is2026 && codes.includes("overall")) throw new Quarantine(`inspection started ${dates.start} (April 2026 framework) but the report grades overall effectiveness`);
  const framework = is2026 ? "ILACS_2026" : "ILACS";
  const prefix = is2026 ? "ilacs26_" : "ilacs_";
  const type = dates.fieldworkDays <= 7 ? "short" : "standard";
  return {
    framework,
    inspectionType: type,
    kind: `${framework} ${type} (${separateLeavers ? "care leavers judged separately" : "children in care with care leavers"})`,
    judgements: found.map((j) => ({ ...j, code: prefix + j.code })),
  };
}
