/**
 * Reads, from the text of a later report, what it states about the authority's earlier
 * inspections: which element (safeguarding, looked after children, the single inspection,
 * the unannounced contact, referral and assessment inspection), when (month or year) and with
 * which grade. Pure: pages in, statements out, so tests can run it on the real corpus.
 */

export type Element = "safeguarding" | "looked_after" | "sif" | "contact_referral_assessment";
/** How the statement names a safeguarding inspection: SLAC's element, or the CPI's title. */
export type Wording = "safeguarding" | "protection_of_children" | "looked_after" | "sif" | "unannounced";
/** A grade word as written, lower-cased ("good", "require improvement"). */
export type GradeWord = string;

export interface StatedDate {
  /** "2012-03" for a month, "2012" for a year only. */
  value: string;
  precision: "month" | "year";
}

export interface Claim {
  element: Element;
  wording: Wording;
  date?: StatedDate;
  /** Grade words assigned to this element by the statement (more than one means it is ambiguous). */
  grades: GradeWord[];
}

export interface Statement {
  /** 1-based page of the report where the statement starts. */
  page: number;
  /** The sentence(s) exactly as extracted, whitespace collapsed. */
  quote: string;
  /** Which wording pattern the statement follows (for the accounting of what was found). */
  pattern: string;
  claims: Claim[];
}

const MONTHS = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];

const GRADE_RE = /\b(outstanding|good|adequate|satisfactory|inadequate|requires? improvement)\b/gi;
const DATE_RE = new RegExp(
  `\\b(?:(${MONTHS.join("|")})\\s+)?((?:19|20)\\d\\d)\\b(?![-–/]\\d)`,
  "gi",
);

/** Element mentions, most specific first; the LSCB's name is masked before matching. */
const ELEMENT_PATTERNS: { re: RegExp; elements: Element[]; wording: Wording[] }[] = [
  {
    re: /(?:services for )?children (?:in need of|who need) help and protection,? (?:and )?(?:including )?children (?:looked after|in care)(?: and care leavers)?|single inspection framework/gi,
    elements: ["sif"],
    wording: ["sif"],
  },
  { re: /\bSLAC\b/g, elements: ["safeguarding", "looked_after"], wording: ["safeguarding", "looked_after"] },
  {
    re: /safeguarding (?:arrangements |services )?and (?:services for )?(?:looked[- ]after(?: children)?|children looked[- ]after)(?:['’]s)?(?: services)?/gi,
    elements: ["safeguarding", "looked_after"],
    wording: ["safeguarding", "looked_after"],
  },
  { re: /contact,? referral and assessment|\bunannounced inspection(?! of (?:the )?(?:local authority.s )?arrangements for the protection)/gi, elements: ["contact_referral_assessment"], wording: ["unannounced"] },
  {
    re: /(?:arrangements )?(?:for|to) (?:the )?protect(?:ion of)? (?:children|children and young people)|children in need of protection|(?:services for )?(?:children (?:in need of|who need) )?help and protection(?! services for children)|child protection (?:services|inspection|arrangements)|child protection(?= \(| inspections?\b| in\b)|children.s protection services/gi,
    elements: ["safeguarding"],
    wording: ["protection_of_children"],
  },
  { re: /safeguarding/gi, elements: ["safeguarding"], wording: ["safeguarding"] },
  {
    re: /looked[- ]after children|children looked[- ]after|looked[- ]after|children in care/gi,
    elements: ["looked_after"],
    wording: ["looked_after"],
  },
];

/** Sentences about other settings (homes, fostering, adoption agencies, schools) are not about the authority's inspections. */
const OTHER_SETTING = /children.s homes?\b|\bhomes?\b|fostering|adoption (?:service|agency)|residential|secure (?:unit|children)|short[- ]break|\bschool\b|youth offending|YOT|\bCQC\b|Care Quality Commission|health services|joint targeted|\bJTAI\b/i;

/** Sentences that talk about an earlier inspection. */
const INSPECTION_WORD = /inspect|judged|rated|graded|found/i;
/** Wording that ties a grade to an element: "good for safeguarding", "adequate for both". */
const FOR_ELEMENT = /^\s+for\s+(?:(?:the\s+|its\s+)?(?:services\s+(?:for|to)\s+)?(safeguarding|looked[- ]after|children looked|children in care)|(both))/i;

/**
 * A grade word counts only where the sentence says an inspection gave it ("was judged to be good",
 * "rated inadequate", "found services to be adequate", "the 2012 adequate judgement"), not where
 * it describes services now ("services continue to be good").
 */
const JUDGED_BEFORE = /(?:judged|rated|graded|found|judgement of|judgment of|awarded|(?:local )?authority (?:was|were)|(?:was|were) (?:both )?(?:judged )?)\b[^,;]{0,45}$/i;
const JUDGEMENT_AFTER = /^\s*(?:(?:safeguarding|looked after children|child protection)\s+)?(?:judgements?|judgments?|ratings?|grades?)\b|^\s+for (?:both|safeguarding|looked|services for)/i;

interface Mention {
  at: number;
  kind: "element" | "date" | "grade";
  elements?: Element[];
  wording?: Wording[];
  date?: StatedDate;
  grade?: GradeWord;
  forElement?: Element[];
  end: number;
}

function gradeWord(raw: string): GradeWord {
  return raw.toLowerCase().replace(/\s+/g, " ");
}

/** Split text into sentences, keeping each sentence's start offset (for the page). */
export function sentences(input: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  let text = input;
  // Breaks: full stops, bullets, a line ending in a page number (contents pages), the
  // "Previous Ofsted inspections" heading, and a new "The previous/last inspection" clause.
  text = text
    .replace(/(\d)[ \t]*\n(?=[A-Z])/g, "$1\u2022")
    .replace(/(?:Previous|Other) Ofsted inspections?/g, "\u2022")
    .replace(/\s(?=The (?:previous|last) (?:Ofsted )?inspection of)/g, "\u2022");
  const re = /[^.\uF0B7\u2022]+(?:\.(?!\d)|$)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const s = raw.replace(/\s+/g, " ").replace(/^[^A-Za-z0-9(‘'"]+/, "").trim();
    if (s.length > 0) out.push({ at: m.index + lead, text: s });
  }
  return out;
}

function mentions(s: string): Mention[] {
  // Mask names that contain element words but are not inspections of the element.
  const masked = s
    .replace(/Local Safeguarding Children(?:['’]s)? Boards?|Safeguarding Children Boards?|safeguarding board|safeguarding partnership/gi, (x) => "#".repeat(x.length))
    .replace(/good or outstanding|good and outstanding/gi, (x) => "#".repeat(x.length))
    // "with outcomes for safeguarding judged to be adequate": a sub-grade, not the element's overall grade.
    .replace(/\bwith outcomes for [^.;]*/gi, (x) => "#".repeat(x.length))
    // "made adequate progress", "some outstanding features": not the inspection's grade.
    .replace(/\b(?:outstanding|good|adequate|satisfactory|inadequate) (?:progress|features?|practice|aspects?|elements?)\b/gi, (x) => "#".repeat(x.length));
  const out: Mention[] = [];
  const taken: [number, number][] = [];
  for (const p of ELEMENT_PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(masked))) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      out.push({ at: start, end, kind: "element", elements: p.elements, wording: p.wording });
    }
  }
  DATE_RE.lastIndex = 0;
  let d: RegExpExecArray | null;
  while ((d = DATE_RE.exec(masked))) {
    const year = d[2] ?? "";
    const monthName = d[1];
    const month = monthName ? String(MONTHS.indexOf(monthName.toLowerCase()) + 1).padStart(2, "0") : undefined;
    // "31 March 2013" is a statistics date, not when an inspection happened.
    if (/\b\d{1,2}(?:st|nd|rd|th)?\s+$/.test(masked.slice(0, d.index))) continue;
    out.push({
      at: d.index,
      end: d.index + d[0].length,
      kind: "date",
      date: month ? { value: `${year}-${month}`, precision: "month" } : { value: year, precision: "year" },
    });
  }
  GRADE_RE.lastIndex = 0;
  let g: RegExpExecArray | null;
  while ((g = GRADE_RE.exec(masked))) {
    const end = g.index + g[0].length;
    const before = masked.slice(Math.max(0, g.index - 60), g.index);
    const judging = JUDGED_BEFORE.test(before) || JUDGEMENT_AFTER.test(masked.slice(end, end + 30)) ||
      (/\b(?:judged|found|rated)\b/i.test(masked) && /\b(?:as|to be)\s+$/i.test(before));
    if (!judging) continue;
    const both = /\bboth\b[^,;]{0,30}$/i.test(before);
    const f = FOR_ELEMENT.exec(masked.slice(end, end + 60));
    let forElement: Element[] | undefined;
    if (f?.[2] || both) forElement = ["safeguarding", "looked_after"];
    else if (f?.[1]) forElement = /safeguarding/i.test(f[1]) ? ["safeguarding"] : ["looked_after"];
    out.push({ at: g.index, end, kind: "grade", grade: gradeWord(g[1]!), forElement });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** A statement's claims: each date and grade goes to the element mentioned most recently before it. */
function claimsOf(ms: Mention[], continuation: Mention[]): Claim[] {
  const claims: Claim[] = [];
  const byElement = new Map<Element, Claim>();
  let current: Element[] = [];
  const claimFor = (e: Element, w: Wording): Claim => {
    let c = byElement.get(e);
    if (!c) {
      c = { element: e, wording: w, grades: [] };
      byElement.set(e, c);
      claims.push(c);
    }
    return c;
  };
  const pendingDates: StatedDate[] = [];
  const pendingGrades: GradeWord[] = [];
  for (const m of ms) {
    if (m.kind === "element") {
      current = m.elements!;
      m.elements!.forEach((e, i) => {
        const c = claimFor(e, m.wording![i] ?? m.wording![0]!);
        // A date or grade stated before any element ("adequate at a child protection inspection in 2012").
        if (!c.date && pendingDates.length) c.date = pendingDates[0];
        if (pendingGrades.length) c.grades.push(...pendingGrades);
      });
      pendingDates.length = 0;
      pendingGrades.length = 0;
    } else if (m.kind === "date") {
      if (current.length === 0) pendingDates.push(m.date!);
      for (const e of current) {
        const c = byElement.get(e)!;
        if (!c.date) c.date = m.date;
      }
    } else if (m.kind === "grade") {
      const targets = m.forElement ?? current;
      if (targets.length === 0) pendingGrades.push(m.grade!);
      for (const e of targets) {
        const c = byElement.get(e) ?? claimFor(e, e === "safeguarding" ? "safeguarding" : "looked_after");
        if (!c.grades.includes(m.grade!)) c.grades.push(m.grade!);
      }
    }
  }
  // "The local authority was judged to be good." after the subject sentence: applies to every
  // element the subject named, unless it says which ("good for safeguarding ...").
  for (const m of continuation) {
    if (m.kind !== "grade") continue;
    const targets = m.forElement ?? claims.map((c) => c.element);
    for (const e of targets) {
      const c = byElement.get(e);
      if (c && !c.grades.includes(m.grade!)) c.grades.push(m.grade!);
    }
  }
  // One date in the statement dates every element it names ("outstanding for both safeguarding and
  // services to looked after children in 2012").
  const distinct = [...new Set(ms.filter((m) => m.kind === "date").map((m) => m.date!.value))];
  if (distinct.length === 1) {
    const only = ms.find((m) => m.kind === "date")!.date!;
    for (const c of claims) if (!c.date) c.date = only;
  }
  return claims;
}

function patternOf(s: string, continued: boolean): string {
  const t = s.toLowerCase();
  let shape: string;
  if (/^(?:the )?(?:last|previous|most recent)(?: ofsted)? inspection of .* was (?:in|published in|carried out in|undertaken in|conducted in)\b/.test(t)) shape = "the last inspection of X was in <date>";
  else if (/(?:were|was) (?:previously|last) inspected in|(?:were|was) inspected in/.test(t)) shape = "X was previously inspected in <date>";
  else if (/(?:since|from|following|after) (?:the|its|their)? ?(?:last|previous)/.test(t) || /since (?:they|it) (?:were|was) judged/.test(t)) shape = "improved since it was judged <grade> (narrative)";
  else if (/\b(?:judged|found|rated|graded)\b/.test(t)) shape = "inspection in <date> judged/found X (narrative)";
  else shape = "other";
  return continued ? `${shape} + "The local authority was judged to be <grade>"` : shape;
}

/** A following sentence that only carries the grade of the subject sentence before it. */
const CONTINUATION = /^(?:The (?:local )?authority|The overall effectiveness|The arrangements|The services?|It|Services|They|This|Both|Ofsted judged)\b[^.]{0,40}\b(?:was|were)\b[^.]*\b(?:outstanding|good|adequate|satisfactory|inadequate|requires? improvement)\b/i;

/** A sentence that grades the other element of the inspection the sentence before it describes. */
const FOLLOW_ON = /^(?:For (?:services for )?(?:looked[- ]after children|children looked[- ]after|safeguarding)|That inspection|It)\b[^.]*\b(?:judged|found|rated)\b/i;

/** Statements about earlier inspections in the pages of one report. */
export function findStatements(pages: string[]): Statement[] {
  const starts: number[] = [];
  let text = "";
  for (const p of pages) {
    starts.push(text.length);
    text += p + "\n";
  }
  const pageAt = (at: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= at) i++;
    return i + 1;
  };
  const ss = sentences(text);
  const out: Statement[] = [];
  for (let i = 0; i < ss.length; i++) {
    const here = ss[i]!;
    const s = here.text;
    if (/Inspection date|Report published|Inspection dates/i.test(s)) continue;
    if (!INSPECTION_WORD.test(s) || OTHER_SETTING.test(s)) continue;
    const ms = mentions(s);
    const elements = ms.filter((m) => m.kind === "element");
    const dates = ms.filter((m) => m.kind === "date");
    if (elements.length === 0 || dates.length === 0) continue;
    // Only earlier inspections: a year of SLAC, CPI or the 2013 LAC inspection, or a SIF year for a SIF subject.
    const early = dates.some((m) => {
      const y = Number(m.date!.value.slice(0, 4));
      return y >= 2009 && y <= 2013;
    });
    const sif = elements.some((m) => m.elements!.includes("sif")) && /\b(?:last|previous|most recent)\b/i.test(s);
    if (!early && !sif) continue;
    if (!/inspect|SLAC/i.test(s) && !/\bjudged\b/i.test(s)) continue;
    const next = ss[i + 1]?.text ?? "";
    const hasGrade = ms.some((m) => m.kind === "grade");
    const continued = CONTINUATION.test(next) && mentions(next).filter((m) => m.kind === "element").length === 0;
    const cont = continued || (!hasGrade && CONTINUATION.test(next)) ? mentions(next) : [];
    const claims = claimsOf(ms, cont);
    if (claims.length === 0) continue;
    // "For looked after children, it judged overall effectiveness ... to be adequate." completes the
    // statement before it: same inspection, same date, the other element's grade.
    let followOn = false;
    if (!cont.length && FOLLOW_ON.test(next)) {
      const more = mentions(next);
      if (!more.some((m) => m.kind === "date")) {
        for (const extra of claimsOf(more, [])) {
          const same = claims.find((c) => c.element === extra.element);
          if (extra.grades.length === 0 || (same && same.grades.length > 0)) continue;
          const date = same?.date ?? claims.find((c) => c.date)?.date;
          if (same) same.grades.push(...extra.grades);
          else claims.push({ ...extra, date });
          followOn = true;
        }
      }
    }
    out.push({
      page: pageAt(here.at),
      quote: cont.length || followOn ? `${s} ${next}` : s,
      pattern: patternOf(s, cont.length > 0),
      claims,
    });
    if (cont.length || followOn) i++;
  }
  return out;
}
