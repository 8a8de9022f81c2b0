import type { Polarity, SectionKind } from "../../schema/report-themes.ts";

/** A sentence or list item of report text, with the page it starts on (1-based). */
export interface Passage {
  text: string;
  page: number;
  /** The list item or paragraph (1-based, within its section) the sentence belongs to. */
  item?: number;
}

/**
 * A run of report text under one heading. `prior` is the polarity the heading itself gives every
 * passage ("What needs to improve?" -> weakness); null when the passages have to speak for themselves.
 */
export interface Section {
  kind: SectionKind;
  heading: string;
  prior: Polarity | null;
  passages: Passage[];
}

interface Line {
  text: string;
  page: number;
}

/** What a heading does: start a section of a kind, skip boilerplate, or enter the LSCB part. */
interface HeadingRule {
  re: RegExp;
  kind: SectionKind | "skip" | "sub";
  prior?: Polarity;
  /** Headings that start the LSCB review: everything after them is the LSCB's, until boilerplate. */
  lscb?: boolean;
  /** A bare label ("Leadership and management") that inside a list of recommendations only groups them. */
  label?: boolean;
}

const GRADE = String.raw`(?:\s*(?:(?:is|are)(?: judged to be)?)?\s*(?::|\t| -| –)?\s*(?:outstanding|good|adequate|inadequate|requires? improvement(?: to be good)?|requires|not judged|grade \d.*))?`;
const full = (body: string) => new RegExp(`^(?:${body})${GRADE}(?: is| are)?[.:]?$`);

/**
 * Heading rules, tried in order against a line on its own and joined with the next one to three
 * (headings wrap). A heading must be the whole line (an optional grade after a colon or tab is
 * allowed), so a sentence that happens to start with the same words is not taken for one.
 */
const RULES: HeadingRule[] = [
  // Boilerplate: contents, area statistics, how the inspection was done, back matter.
  { re: full("contents|the local authority|information about (?:this|the) (?:local authority )?area|information about this (?:inspection|review)|about this inspection|the inspection team|what the inspection judge?ments mean.*|the inspection judgements and what they mean|service information|record of main findings|inspection judge?ments? about the (?:local authority|lscb)|local leadership|children living in this area|progress since the last inspection|the office for standards in education.*|any complaints about the inspection.*|ofsted produces this report.*"), kind: "skip" },
  // The LSCB review (SIF), with its own summary, recommendations and strengths.
  { re: full("(?:section 2: )?(?:review of )?the effectiveness of the (?:local safeguarding children board|lscb)(?: \\(lscb\\))?(?: is| requires improvement)?|the local safeguarding children board(?: \\(lscb\\))?(?: is| requires improvement)?|the lscb|inspection findings – the local safeguarding children board"), kind: "lscb", lscb: true },
  { re: full("what does the lscb need to improve\\??"), kind: "lscb", prior: "weakness" },
  { re: full("the lscb'?s strengths|the lscb has the following strengths:?"), kind: "lscb", prior: "strength" },
  // Areas for improvement and recommendations.
  { re: full("what needs to improve\\??:?|what does the local authority need to improve\\??|areas for improvement:?|recommendations|priority and immediate action"), kind: "improve", prior: "weakness" },
  { re: full("the local authority has the following strengths:?|the local authority'?s strengths|key strengths"), kind: "strengths", prior: "strength" },
  // Summaries.
  { re: full("executive summary|summary of (?:key )?findings|section 1: the local authority - summary of findings|summary for children and young people|overall effectiveness of services for looked after children and young people|key strengths and weaknesses of the lscb"), kind: "summary" },
  { re: full("overall effectiveness"), kind: "summary", label: true },
  // Each judgement's section (SIF, ILACS, LAC, CPI wording).
  { re: full("the graded judge?ment (?:for|about) adoption performance.*"), kind: "adoption" },
  { re: full("adoption performance|adoption"), kind: "adoption", label: true },
  { re: full("the graded judge?ment (?:for|about) (?:the )?experiences? and progress of care leavers.*|(?:the )?experiences? (?:and progress )?of care leavers"), kind: "care_leavers" },
  { re: full("(?:the )?experiences? (?:and progress )?of children who need help and protection|(?:the )?effectiveness of (?:the )?help and protection.*"), kind: "help_protection" },
  { re: full("quality of practice|help and protection"), kind: "help_protection", label: true },
  { re: full("(?:the )?experiences? (?:and progress )?of children (?:looked after and achieving permanence|in care(?: and care leavers)?)|outcomes for looked after children and young people"), kind: "children_in_care" },
  { re: full("quality of provision|children in care|children looked after|care leavers"), kind: "children_in_care", label: true },
  { re: full("leadership, management and governance|(?:the )?impact of leaders on (?:social work )?practice with children and families"), kind: "leadership" },
  { re: full("leadership and (?:management|governance)|capacity (?:to|for) improve(?:ment)?"), kind: "leadership", label: true },
  // Sub-headings: inside a judgement's section they change nothing; after a list they end it.
  { re: full("summary|inspection findings|key judge?ment(?:\tjudge?ment grade)?|judgement\tgrade"), kind: "sub" },
];

/** Ofsted's standard wording, the same in every report: not kept even as context. */
const GENERIC = /^(?:contents|information about this (?:inspection|review)|about this inspection|the inspection team|what the inspection judge?ments mean|the inspection judgements and what they mean|the office for standards in education|any complaints about the inspection|ofsted produces this report|inspection judge?ments? about the)/;

const JUDGEMENT_KINDS = new Set<string>(["help_protection", "children_in_care", "adoption", "care_leavers", "leadership"]);

const BULLET = /^[\u2022\u25aa\u25fc\u25a0\u25cf\uf000-\uf0ff\u2212\u2013-]\s*/;
const NUMBERED = /^\(?\d{1,3}(?:\.\d)?(?:[.)]\s*|\t)(?=[^\s\d])/;
/** ILACS cross-references to the national framework ("(enabler 2, national framework)"): labels, not findings. */
const CROSS_REFERENCE = /\s*\((?:[^()]*national framework[^()]*|principle \d+)\)/gi;
const GRADE_LINE = /^(?:(?:is|are):? ?)?(?:grade \d \(\w+\)|outstanding|good|adequate|inadequate|requires improvement(?: to be good)?|requires|improvement|to be good|not judged)\.?$/i;
const GRADE_CELL = /\t(?:outstanding|good|requires improvement(?: to be good)?|inadequate|adequate)$/i;

/** Lower case, straight quotes, a footnote marker after a heading's last word dropped. */
function norm(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/(?<=[a-z?:)])\d$/i, "")
    .trim()
    .toLowerCase();
}

/**
 * Page text without running headers, page numbers and footnotes. A running header is a line that
 * opens at least a third of the pages (digits ignored); a footnote is a "1 Text" line near the foot.
 */
function bodyLines(pages: string[]): Line[] {
  const split = pages.map((p) => p.split("\n").map((l) => l.trim()).filter((l) => l !== ""));
  const key = (l: string) => l.replace(/\d+/g, "#");
  const tops = new Map<string, number>();
  for (const lines of split) for (const l of new Set(lines.slice(0, 3).map(key))) tops.set(l, (tops.get(l) ?? 0) + 1);
  const minPages = Math.max(2, Math.ceil(pages.length / 3));
  const out: Line[] = [];
  split.forEach((lines, i) => {
    let start = 0;
    while (start < Math.min(3, lines.length) && (/^\d+$/.test(lines[start]!) || (tops.get(key(lines[start]!)) ?? 0) >= minPages)) start++;
    let end = lines.length;
    while (end > start && /^\d+$/.test(lines[end - 1]!)) end--;
    for (let j = Math.max(start, end - 8); j < end; j++) {
      if (/^\d{1,2} [A-Z][a-z]/.test(lines[j]!) && !/^\d{1,2} [A-Z][a-z]+ \d{4}/.test(lines[j]!)) {
        end = j;
        break;
      }
    }
    for (const text of lines.slice(start, end)) out.push({ text, page: i + 1 });
  });
  return out;
}

/** The heading starting at line i, if any: its rule, its text and how many lines it spans. */
function headingAt(lines: Line[], i: number): { rule: HeadingRule; text: string; span: number; graded: boolean } | undefined {
  const first = lines[i]!.text;
  if (!/^[A-Z]/.test(first) || first.length > 120) return undefined;
  let joined = "";
  for (let span = 1; span <= 4 && i + span - 1 < lines.length; span++) {
    const line = lines[i + span - 1]!.text;
    if (span > 1 && (line.length > 90 || BULLET.test(line) || NUMBERED.test(line) || GRADE_LINE.test(line))) break;
    joined = span === 1 ? first : `${joined} ${line}`;
    const next = lines[i + span]?.text ?? "";
    // A heading is not followed by the rest of its sentence.
    if (/^[a-z]/.test(next) && !GRADE_LINE.test(next)) continue;
    const text = norm(joined).replace(/ +/g, " ");
    const rule = RULES.find((r) => r.re.test(text));
    if (!rule) continue;
    // The grade can sit on its own line(s) under the heading (LAC: "Grade 4 (inadequate)").
    let gradeLines = 0;
    while (GRADE_LINE.test(lines[i + span + gradeLines]?.text ?? "")) gradeLines++;
    const graded = gradeLines > 0 || /(?:outstanding|good|adequate|inadequate|improvement(?: to be good)?)\.?$/.test(text);
    return { rule, text: joined.replace(/\s+/g, " "), span: span + gradeLines, graded };
  }
  return undefined;
}

/** Joins wrapped lines into list items or paragraphs, then splits those into sentences. */
function toPassages(lines: Line[]): Passage[] {
  const blocks: Line[] = [];
  for (const { text, page } of lines) {
    const starts = BULLET.test(text) || NUMBERED.test(text) || blocks.length === 0;
    const item = text.replace(BULLET, "").replace(NUMBERED, "").replace(/\t/g, " ");
    if (starts) {
      blocks.push({ text: item, page });
    } else {
      const last = blocks[blocks.length - 1]!;
      last.text = /-$/.test(last.text) && /^[a-z]/.test(item) ? last.text + item : `${last.text} ${item}`;
    }
  }
  const passages: Passage[] = [];
  blocks.forEach((b, i) => {
    for (const s of b.text.replace(CROSS_REFERENCE, "").split(/(?<=[a-z0-9)'’”][.!?])\s+(?=[A-Z‘'“])/)) {
      const text = s.replace(/\s+/g, " ").trim();
      if (/[a-z]/i.test(text)) passages.push({ text, page: b.page, item: i + 1 });
    }
  });
  return passages;
}

/**
 * Split a report into sections. Text before the first heading is the summary when page 1 carries an
 * ILACS-style judgement table ("Judgement / Grade") and title-page matter otherwise. Headings inside
 * the LSCB review all belong to the LSCB section; a report that is only an LSCB review (lscbOnly) is
 * the LSCB's throughout. With `about`, the parts the tagger does not read (title page, information
 * about the area and the inspection, progress since the last inspection) come back as "about"
 * sections for the search; Ofsted's standard wording stays out.
 */
export function splitSections(pages: string[], options: { lscbOnly?: boolean; about?: boolean } = {}): Section[] {
  const lines = bodyLines(pages);
  const sections: Section[] = [];
  type Current = { kind: SectionKind | "skip"; heading: string; prior: Polarity | null; lines: Line[] };
  let current: Current = { kind: "skip", heading: "(title page)", prior: null, lines: [] };
  let inLscb = options.lscbOnly === true;
  const flush = () => {
    if (current.lines.length === 0) return;
    if (current.kind !== "skip") sections.push({ kind: current.kind, heading: current.heading, prior: current.prior, passages: toPassages(current.lines) });
    else if (options.about && !GENERIC.test(norm(current.heading))) sections.push({ kind: "about", heading: current.heading, prior: null, passages: toPassages(current.lines) });
  };
  const start = (next: Current) => {
    flush();
    current = next;
  };
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (line.page === 1 && /^judge?ment\tgrade$/i.test(line.text) && current.kind === "skip") {
      // The judgement table: skip its rows; the summary follows it.
      let last = i;
      for (let j = i + 1; j < lines.length && j <= last + 3; j++) if (GRADE_CELL.test(lines[j]!.text)) last = j;
      while (last + 1 < lines.length && /^to be good$/i.test(lines[last + 1]!.text)) last++;
      start({ kind: "summary", heading: "(summary)", prior: null, lines: [] });
      i = last + 1;
      continue;
    }
    if (/\t\d+$/.test(line.text)) {
      // A contents entry or a running header with a page number: never text.
      i++;
      continue;
    }
    // The title page's lines are not headings (its title names the LSCB review), but an ILACS
    // summary can run into "What needs to improve?" on page 1.
    const h = line.page > 1 || current.kind !== "skip" ? headingAt(lines, i) : undefined;
    if (!h) {
      current.lines.push(line);
      i++;
      continue;
    }
    i += h.span;
    const rule = h.rule;
    const inList = current.prior !== null;
    // Ungraded judgement names inside a summary or a list group its points (SIF "Summary of findings").
    const label = rule.label || (!h.graded && (inList || current.kind === "summary") && JUDGEMENT_KINDS.has(rule.kind));
    if (rule.kind === "skip") {
      inLscb = options.lscbOnly === true;
      start({ kind: "skip", heading: h.text, prior: null, lines: [] });
    } else if (rule.kind === "sub" || (label && (inList || current.kind === "summary"))) {
      // "Summary" or "Inspection findings" after a list of recommendations or strengths ends the list.
      if (rule.kind === "sub" && inList) {
        const kind: SectionKind = inLscb ? "lscb" : /^summary/i.test(h.text) ? "summary" : "other";
        start({ kind, heading: h.text, prior: null, lines: [] });
      }
    } else {
      if (rule.lscb) inLscb = true;
      const kind: SectionKind = inLscb ? "lscb" : rule.kind;
      start({ kind, heading: h.text, prior: rule.prior ?? null, lines: [] });
    }
  }
  flush();
  return sections;
}
