import { leadingGrade } from "./grades.ts";
import { type Line, Quarantine, collapse } from "./lines.ts";
import type { Parsed } from "./parsed.ts";
import type { Reference } from "./reference.ts";
import { type RowRule, assignCodes, readRows } from "./table.ts";

/** Sub-judgement rows, found by label (numbering is optional: one report numbers leadership "1."). */
const RULES: (RowRule & { start: RegExp })[] = [
  { code: "sif_help_protection", start: /^(\d\.?\s*)?Children who need help and protection(\t|$)/i, label: /Children who need help and protection$/i },
  { code: "sif_children_looked_after", start: /^(\d\.?\s*)?Children\s+looked\s+after\s+and\s+achieving(\s+permanence)?(\t|$)/i, label: /Children looked after and achieving permanence$/i },
  { code: "sif_adoption", start: /^(\d\.\d\.?\s*)?Adoption performance(\t|$)/i, label: /Adoption performance$/i },
  { code: "sif_care_leavers", start: /^(\d\.\d\.?\s*)?Experiences and progress of care leavers(\t|$)/i, label: /Experiences and progress of care leavers$/i },
  { code: "sif_leadership", start: /^(\d\.?\s*)?Leadership, management and governance(\t|$)/i, label: /Leadership, management and governance$/i },
];

type Found = { code: string; label: string; page: number };

/** The grade that follows a headline phrase, read across line breaks; null if the phrase is absent. */
function gradeAfter(lines: Line[], phrase: RegExp, ref: Reference, what: string, maxPage = Infinity): (Found & { line: number }) | null {
  for (let i = 0; i < lines.length && lines[i]!.page <= maxPage; i++) {
    const text = collapse(lines.slice(i, i + 3).map((l) => l.text).join(" "));
    const m = phrase.exec(text);
    if (!m || m.index > lines[i]!.text.length) continue;
    const rest = text.slice(m.index + m[0].length).trim();
    const grade = leadingGrade(rest, ref);
    if (!grade) throw new Quarantine(`${what}: unknown grade label in "${collapse(m[0] + " " + rest).slice(0, 120)}"`);
    return { code: "", label: grade, page: lines[i]!.page, line: i };
  }
  return null;
}

const OVERALL =
  /The overall judgement is (that )?(children['’]s services? (are |is )?)?|Children['’]s services? (in (the )?[A-Z][\w ,'’&-]{1,60}? )?(are |is )?(?=(requires?|good|outstanding|inadequate|adequate)\b)/i;
const LSCB =
  /^(The (judgement for the )?effectiveness of the ([\w ,'’&-]{0,40}?Safeguarding Children Board( \([A-Z]+\))?|LSCB)( is)?|The Local Safeguarding Children( Board)?( is)?)\s+(?=[A-Za-z])/i;

/** The LSCB review's headline grade, wherever the review sits in the file (page 1, section 2, or appended). */
function lscb(lines: Line[], ref: Reference): Found | null {
  for (let i = 0; i < lines.length; i++) {
    if (!/^The (judgement for the effectiveness|effectiveness of the|Local Safeguarding)/i.test(lines[i]!.text)) continue;
    const text = collapse(lines.slice(i, i + 3).map((l) => l.text).join(" "));
    if (!LSCB.test(text)) continue;
    const rest = text.replace(LSCB, "").trim();
    const grade = leadingGrade(rest, ref);
    const after = rest.slice(grade?.length ?? 0).trim();
    if (grade && (after === "" || /^([^a-z]|because\b)/.test(after))) {
      return { code: "sif_lscb", label: grade, page: lines[i]!.page };
    }
  }
  return null;
}

/** SIF: overall judgement sentence, the numbered sub-judgement table, and the LSCB review if there is one. */
export function parseSif(lines: Line[], ref: Reference, opts: { reinspection: boolean; lscbAnnounced: boolean }): Parsed {
  const overall = gradeAfter(lines, OVERALL, ref, "overall judgement", 3);
  if (!overall) throw new Quarantine("no judgement table found: no overall judgement sentence in the first pages");
  const subs = RULES.flatMap((rule) => {
    const at = lines.findIndex((l, i) => i > overall.line && l.page <= 3 && rule.start.test(l.text.trim()));
    return at < 0 ? [] : assignCodes(readRows(lines, at, ref, { maxRows: 1, maxLabelLines: 2 }), [rule], ref, "SIF judgement table");
  });
  const missing = RULES.map((r) => r.code).filter((c) => !subs.some((s) => s.code === c));
  if (missing.length === RULES.length) throw new Quarantine("no judgement table found: none of the SIF sub-judgement rows in the first pages");
  if (missing.length > 0) throw new Quarantine(`SIF judgement table incomplete: missing ${missing.join(", ")}`);
  const board = lscb(lines, ref);
  if (opts.lscbAnnounced && !board) throw new Quarantine("the title announces an LSCB review but no LSCB judgement was found");
  const type = opts.reinspection ? "re-inspection" : "standard";
  return {
    framework: "SIF",
    inspectionType: type,
    kind: `SIF ${type}${board ? " + LSCB review" : ""}`,
    judgements: [{ code: "sif_overall", label: overall.label, page: overall.page }, ...subs, ...(board ? [board] : [])],
  };
}

/** An LSCB review published as a report of its own. */
export function parseLscbReview(lines: Line[], ref: Reference): Parsed {
  const board = lscb(lines, ref);
  if (!board) throw new Quarantine("no judgement found: LSCB review without a readable LSCB judgement");
  return { framework: "SIF_LSCB", inspectionType: "LSCB review", kind: "SIF LSCB review (separate report)", judgements: [board] };
}
