import type { AreaReportAccount } from "../../schema/area.ts";
import type { AreaMeasure } from "../../schema/area.ts";
import type { AreaRow } from "./common.ts";

/** One SIF report to read: its inspection, and its text by page (loaders/reports cache). */
export interface SifReport {
  inspection_id: string;
  la_code: string;
  end_date: string;
  published_date: string;
  pages: string[];
}

const WORDS: Record<string, number> = {
  no: 0, none: 0, zero: 0, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
const NUM = String.raw`(\d[\d,]*(?:\.\d+)?|no|none|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)`;
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DATE = String.raw`(\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+,? \d{4})`;
// "6 March 2017", "29th April 2014", "31 May 14", "May 2015", "24 April" (the inspection's year), "the time of inspection"
const WHEN = String.raw`(?:(?:At|On|As at|By)\s+)?(?:the end of\s+)?((?:\d{1,2}(?:st|nd|rd|th)? )?[A-Z][a-z]+,?(?: \d{4}| \d{2}\b)?|the time of (?:the |this )?inspection)(?:\s*\([^)]*\))?,?`;
const SINCE = String.raw`since (?:(\d{1,2})(?:st|nd|rd|th)? )?([A-Z][a-z]+),? (\d{4})`;

export function number(word: string): number {
  const w = word.toLowerCase();
  if (w in WORDS) return WORDS[w]!;
  return Number(w.replaceAll(",", ""));
}

/** "6 March 2017" as 2017-03-06; null when it is not a real date. */
export function isoDay(text: string): string | null {
  const m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})$/.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  const iso = `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

function sinceValue(m: RegExpExecArray, offset: number): string | null {
  const month = MONTHS.indexOf(m[offset + 1]!.toLowerCase());
  if (month < 0) return null;
  const ym = `${m[offset + 2]}-${String(month + 1).padStart(2, "0")}`;
  return m[offset] ? `${ym}-${m[offset]!.padStart(2, "0")}` : ym;
}

/**
 * The date a sentence states its figure at: a day is that day; a month alone is the month's last day;
 * a day without a year is in the year of the inspection's end (not after it); "the time of inspection"
 * is the inspection's last day. `stated` says how the report put it.
 */
export function whenOf(text: string, inspectionEnd: string): { as_at: string; stated: string } | null {
  const t = text.trim().replace(/,/g, "");
  if (/^the time of/i.test(t)) return { as_at: inspectionEnd, stated: "at the time of inspection" };
  const m = /^(?:(\d{1,2})(?:st|nd|rd|th)? )?([A-Za-z]+)(?: (\d{2}|\d{4}))?$/.exec(t);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  let year = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : Number(inspectionEnd.slice(0, 4));
  const mm = String(month + 1).padStart(2, "0");
  if (!m[3] && `${year}-${mm}` > inspectionEnd.slice(0, 7)) year -= 1;
  if (!m[1]) {
    const last = new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);
    return { as_at: last, stated: `${m[2]} ${year}` };
  }
  const iso = isoDay(`${m[1]} ${m[2]} ${year}`);
  return iso ? { as_at: iso, stated: t } : null;
}

/** An item of the section: one bullet's text on one line, and the page it starts on. */
export interface Item {
  text: string;
  page: number;
}

const BULLET = /^[\uE000-\uF8FF\u2022\u25AA\u25CF\u2013\u2015\u2500\u25E6\u25A0-]\s*/;
const HEADINGS = /^(Previous Ofsted inspections|Local leadership|Children living in this area|Child protection in this area|Children looked after in this area|Other Ofsted inspections)\s*$/;
const END = /^(Recommendations|Summary for children and young people|Executive summary|Inspection judgements? about the local authority|Summary)\s*$/;

/**
 * The items of "Information about this local authority area": from the heading's appearance in the
 * body (not the contents, where it is followed by a page number) to the next part of the report.
 * Page numbers, footnotes and sub-headings are dropped; a line that does not start a bullet continues
 * the previous item.
 */
export function areaSection(pages: string[]): Item[] | null {
  let started = false;
  const items: Item[] = [];
  for (let p = 0; p < pages.length; p++) {
    const lines = pages[p]!.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.replace(/\s+/g, " ").trim();
      if (!started) {
        if (/^Information about this local authority( area)?\d?$/i.test(line) || (/^Local leadership$/.test(line) && p > 0)) started = true;
        continue;
      }
      if (END.test(line) && items.length > 0) return items;
      if (line === "" || /^\d{1,3}$/.test(line) || HEADINGS.test(line)) continue;
      // footnotes at the foot of a page: "2 The local authority was given the opportunity ..." and their continuations
      if (/^\d \S/.test(line) && /(opportunity to review|residential special school|unvalidated|days or less per year)/i.test(line + (lines[i + 1] ?? ""))) {
        while (i + 1 < lines.length && !BULLET.test(lines[i + 1]!.trim()) && !/^\d{1,3}$/.test(lines[i + 1]!.trim())) i++;
        continue;
      }
      if (BULLET.test(line)) items.push({ text: line.replace(BULLET, ""), page: p + 1 });
      else if (items.length > 0) items[items.length - 1]!.text += ` ${line}`;
    }
  }
  return items.length ? items : null;
}

function norm(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, " ").replace(/([a-z])\d( |\)|,)/g, "$1$2").trim();
}

export interface Found {
  measure: string;
  as_at: string | null;
  value: number | null;
  value_text: string | null;
  item: Item;
}

/** The figures one item states (a sentence may give a count, a rate and the previous year's). */
function readItem(item: Item, inspectionEnd: string): Found[] {
  const t = norm(item.text);
  const out: Found[] = [];
  const add = (measure: string, as_at: string | null, value: number | null, value_text: string | null = null) => out.push({ measure, as_at, value, value_text, item });
  const sentences = t.split(/(?<=[.;])\s+(?=[A-Z])/);
  // "This is an increase from 1,049 children (32 per 10,000 children) at 31 March 2016." / "from 209 at 31 March 2016"
  const previous = (text: string, countMeasure: string, rateMeasure: string | null) => {
    const p = new RegExp(String.raw`from ${NUM}(?: children(?: and young people)?| young people)?(?: \((?:a rate of )?([\d.]+) per 10,000(?: children)?\))? (?:at|on|as at) (?:the end of )?${DATE}`, "i").exec(text);
    const when = p ? isoDay(p[3]!) : null;
    if (!p || !when) return;
    add(countMeasure, when, number(p[1]!));
    if (rateMeasure && p[2]) add(rateMeasure, when, Number(p[2]));
  };
  const WHO = String.raw`(?:(?:children(?: and young people)?|young people|children and families)(?: \((?!a rate|which|representing|equivalent|\d)[^)]*\))?)?`;
  const RATE = String.raw`(?: \((?:a rate of |which is a rate of |representing a rate of |equivalent to )?([\d.]+) per 10,000(?: children)?\))?`;
  const patterns: [string, string | null, RegExp][] = [
    ["cin_count", null, new RegExp(String.raw`${WHEN} ${NUM} ${WHO} (?:had been|have been|were|are) identified(?: through assessment)? as (?:being )?(?:formally )?in need`, "i")],
    ["cpp_count", "cpp_rate", new RegExp(String.raw`${WHEN} ${NUM} ${WHO}(?: who)? (?:were|are|was|is) (?:the )?subjects? (?:of|to) (?:a )?child(?:ren)? protection plans?${RATE}`, "i")],
    ["cla_count", "cla_rate", new RegExp(String.raw`${WHEN} ${NUM} ${WHO} ?(?:were|are|was|is) (?:being )?looked after by the (?:local authority|council|LA)${RATE}`, "i")],
    ["cla_count", "cla_rate", new RegExp(String.raw`${WHEN} the (?:local authority|council|LA) (?:is|was) looking after ${NUM} ${WHO}${RATE}`, "i")],
    ["private_fostering", null, new RegExp(String.raw`${WHEN} ${NUM} ${WHO} (?:lived|were living|are living|live) in (?:a )?privately arranged fostering`, "i")],
  ];
  sentences.forEach((sentence, k) => {
    for (const [count, rate, re] of patterns) {
      const m = re.exec(sentence);
      const when = m ? whenOf(m[1]!, inspectionEnd) : null;
      if (!m || !when) continue;
      add(count, when.as_at, number(m[2]!));
      if (rate && m[3]) add(rate, when.as_at, Number(m[3]));
      previous(`${sentence} ${sentences[k + 1] ?? ""}`, count, rate);
    }
  });
  let m: RegExpExecArray | null;
  if ((m = new RegExp(String.raw`${NUM} serious incident notifications? (?:had been|have been|has been|were|was) (?:submitted|made|notified)`, "i").exec(t))) add("serious_incidents", null, number(m[1]!));
  if ((m = new RegExp(String.raw`${NUM} serious case reviews? (?:had been|have been|has been|were|was) (?:completed|published|undertaken)`, "i").exec(t))) add("scr_completed", null, number(m[1]!));
  if ((m = new RegExp(String.raw`(?:There (?:are|is|were|was) )?${NUM} (?:serious case reviews?|SCRs?) (?:ongoing|in progress|currently (?:being undertaken|in progress|ongoing)|being undertaken)`, "i").exec(t))) add("scr_ongoing", null, number(m[1]!));
  if ((m = new RegExp(String.raw`${NUM} children and young people under the age of 18(?: years)? live`, "i").exec(t))) add("child_population", null, number(m[1]!));
  if ((m = /This is (\d+(?:\.\d+)?)% of the total population/i.exec(t))) add("child_population_share", null, Number(m[1]));
  if ((m = /(\d+(?:\.\d+)?)% of the local authority's children(?: aged under 16(?: years)?)? (?:are|were) living in (?:low-income families|poverty)/i.exec(t))) add("low_income_children_report", null, Number(m[1]));
  if ((m = /minority ethnic groups account for (\d+(?:\.\d+)?)% of all children/i.exec(t))) add("minority_ethnic_share", null, Number(m[1]));
  if ((m = new RegExp(String.raw`there (?:have been|were|has been) ${NUM} adoptions?`, "i").exec(t))) add("adoptions", null, number(m[1]!));
  if ((m = new RegExp(String.raw`${NUM} (?:children|child|young people) (?:became|have become|has become) (?:the )?subjects? of (?:a )?special guardianship orders?`, "i").exec(t))) add("sgo", null, number(m[1]!));
  if ((m = new RegExp(String.raw`The (?:local authority|council) (?:operates|runs|has|manages) ${NUM} (?:of its own )?children's homes?`, "i").exec(t))) add("la_childrens_homes", null, number(m[1]!));
  if (/\b(DCS|director of children's services)\b/i.test(t) && !/^The DCS is also|chief executive has been/i.test(t) && (m = new RegExp(SINCE).exec(t))) {
    const v = sinceValue(m, 1);
    if (v) add("dcs_since", null, null, v);
  }
  if (/(chair of the (?:Local Safeguarding Children Board|LSCB|local safeguarding)|LSCB chair|independent chair)/i.test(t) && (m = new RegExp(SINCE).exec(t))) {
    const v = sinceValue(m, 1);
    if (v) add("lscb_chair_since", null, null, v);
  }
  if (/\b(model|approach|framework) (?:of|to|for) (?:social work|practice|intervention|working)|practice model|social work model|Signs of Safety|systemic (?:practice|model|approach)|restorative (?:practice|approach)|Reclaim(?:ing)? Social Work/i.test(t)
    && /\b(uses?|using|adopted|implement|introduc|based on|operates|has)\b/i.test(t)) {
    add("practice_model", null, null, modelName(t));
  }
  return out;
}

const MODELS: [RegExp, string][] = [
  [/signs of safety/i, "Signs of Safety"],
  [/reclaim(?:ing)? social work/i, "Reclaiming Social Work"],
  [/family safeguarding/i, "Family Safeguarding"],
  [/restorative/i, "Restorative practice"],
  [/systemic/i, "Systemic practice"],
  [/strengthening families/i, "Strengthening Families"],
  [/safe and together/i, "Safe and Together"],
  [/outcome[- ]focused|outcomes[- ]based/i, "Outcome-focused practice"],
  [/relationship[- ]based/i, "Relationship-based practice"],
  [/solution[- ]focused/i, "Solution-focused practice"],
  [/strengths?[- ]based/i, "Strengths-based practice"],
];

/** The model's name where the sentence names a common one; otherwise the sentence itself says it. */
function modelName(t: string): string {
  const names = MODELS.filter(([re]) => re.test(t)).map(([, n]) => n);
  return names.length ? names.join("; ") : "other (see quote)";
}

/** Each report's "The DCS" line can name an interim; the FSM sub-bullets follow their lead-in item. */
function readFsm(items: Item[]): Found[] {
  const out: Found[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!/free school meals/i.test(items[i]!.text)) continue;
    const window = items.slice(i, i + 3);
    const primary = window.map((x) => /in primary schools? is (\d+(?:\.\d+)?)%/i.exec(norm(x.text))).find(Boolean);
    const secondary = window.map((x) => /in secondary schools? is (\d+(?:\.\d+)?)%/i.exec(norm(x.text))).find(Boolean);
    if (primary) out.push({ measure: "fsm_primary", as_at: null, value: Number(primary[1]), value_text: null, item: window.find((x) => /primary/i.test(x.text))! });
    if (secondary) out.push({ measure: "fsm_secondary", as_at: null, value: Number(secondary[1]), value_text: null, item: window.find((x) => /secondary/i.test(x.text))! });
    break;
  }
  return out;
}

/** The figures of the core of the issue; a report missing any of them is "partial". */
export const CORE = ["cpp_count", "cla_count", "cin_count", "dcs_since", "lscb_chair_since"] as const;

export interface SifResult {
  rows: AreaRow[];
  account: AreaReportAccount;
}

/** One SIF report's area figures as canonical rows, each with the sentence it came from. */
export function readSifReport(report: SifReport, measures: AreaMeasure[]): SifResult {
  const unit = new Map(measures.map((m) => [m.measure, m.unit]));
  const items = areaSection(report.pages);
  if (!items) {
    return { rows: [], account: { inspection_id: report.inspection_id, la_code: report.la_code, status: "no section", found: "", missing: CORE.join("|"), page: null } };
  }
  const found = [...items.flatMap((i) => readItem(i, report.end_date)), ...readFsm(items)];
  const rows: AreaRow[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const asAt = f.as_at ?? report.end_date;
    const key = `${f.measure}|${asAt}`;
    if (seen.has(key)) continue; // a figure the section repeats is one figure
    seen.add(key);
    if (!unit.has(f.measure)) throw new Error(`measure ${f.measure} is not in data/reference/area-measures.csv`);
    rows.push({
      area: report.la_code,
      area_kind: "authority",
      measure: f.measure,
      period: f.as_at ? asAt : `inspection ending ${report.end_date}`,
      as_at: asAt,
      value: f.value,
      value_text: f.value_text,
      unit: unit.get(f.measure)!,
      suppression: null,
      source: report.inspection_id,
      release: `report published ${report.published_date}`,
      locator: `page ${f.item.page}`,
      quote: norm(f.item.text),
    });
  }
  const have = new Set(rows.map((r) => r.measure));
  const missing: string[] = CORE.filter((c) => !have.has(c));
  // the rate is asked for "where stated": a count whose sentence gives no rate is noted, not a failure
  for (const [count, rate] of [["cpp_count", "cpp_rate"], ["cla_count", "cla_rate"]] as const) {
    if (have.has(count) && !have.has(rate)) missing.push(`${rate} (not stated)`);
  }
  const status = have.has("cpp_count") && have.has("cla_count") ? (missing.some((x) => !x.endsWith("(not stated)")) ? "partial" : "extracted") : "partial";
  return {
    rows,
    account: { inspection_id: report.inspection_id, la_code: report.la_code, status, found: [...have].sort().join("|"), missing: missing.join("|"), page: items[0]!.page },
  };
}
