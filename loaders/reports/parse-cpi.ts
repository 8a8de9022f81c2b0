import { type Line, Quarantine } from "./lines.ts";
import { mainFindings } from "./main-findings.ts";
import type { Parsed } from "./parsed.ts";
import type { Reference } from "./reference.ts";

const RULES = [
  { code: "cpi_overall", label: /overall effectiveness( of the arrangements to protect children)?$/i },
  { code: "cpi_help_protection", label: /effectiveness of (the )?help and protection\b/i },
  { code: "cpi_quality_of_practice", label: /quality of practice$/i },
  { code: "cpi_leadership", label: /leadership and (governance|management)$/i },
];

/** CPI (2012-13): overall effectiveness, help and protection, quality of practice, leadership and governance. */
export function parseCpi(lines: Line[], ref: Reference): Parsed {
  const { found, ignored } = mainFindings(lines, ref, [{ heading: null, rules: RULES }]);
  if (found.length === 0) throw new Quarantine("no judgement table found: no readable \"Record of main findings\" or graded headings");
  const missing = RULES.map((r) => r.code).filter((c) => !found.some((f) => f.code === c));
  if (missing.length > 0) throw new Quarantine(`CPI report: missing ${missing.join(", ")}`);
  return { framework: "CPI", inspectionType: "standard", kind: "CPI", judgements: found, ...(ignored.length ? { note: `rows not mapped to a judgement code: ${ignored.join("; ")}` } : {}) };
}
