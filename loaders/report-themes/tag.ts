import type { Polarity, ReportTheme, SectionKind } from "../../schema/report-themes.ts";
import type { Passage, Section } from "./sections.ts";

export interface CompiledTheme {
  id: string;
  re: RegExp;
}

/** One regular expression per theme: any of its terms, at word boundaries. */
export function compileThemes(themes: ReportTheme[]): CompiledTheme[] {
  return themes.map((t) => ({ id: t.theme_id, re: new RegExp(`\\b(?:${t.terms.join("|")})\\b`, "i") }));
}

/** Text as the terms expect it: lower case, straight apostrophes, plain hyphens. */
function forMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010\u2011\u00ad]/g, "-");
}

/** The themes a passage mentions, each with the first term that matched. */
export function themesIn(text: string, themes: CompiledTheme[]): { theme: string; term: string; index: number }[] {
  const t = forMatching(text);
  const out: { theme: string; term: string; index: number }[] = [];
  for (const th of themes) {
    const m = th.re.exec(t);
    if (m) out.push({ theme: th.id, term: m[0], index: m.index });
  }
  return out;
}

/**
 * Cue words for passages whose section gives no polarity (summaries, judgement sections, most of
 * the LSCB review). A passage with any weakness cue reads as a weakness, even if it also praises
 * ("not consistently effective").
 */
const WEAKNESS_CUES =
  /\b(?:not|no longer|too|insufficient(?:ly)?|lacks?|lacking|poor(?:ly)?|weak(?:ness|nesses|er)?|inconsistent(?:ly)?|variable|variability|delays?|delayed|drift|inadequate(?:ly)?|fail(?:s|ed|ing|ure|ures)?|limited|gaps?|yet to|needs? to|should|unclear|unsafe|deteriorat\w*|absence|cannot|concerns? about|shortfalls?|backlogs?|requires? improvement|less than|do not|does not|did not|have not|has not|is not|are not|unlawful(?:ly)?|(?:very )?early stage|only (?:a|half|some|one|two|three|a minority|a small|\d+)|more (?:work )?(?:for them )?to do|struggl\w*|relatively (?:small|few|low)|minority of|small number of|missed opportunit(?:y|ies)|areas? for (?:development|improvement)|under-?developed|still (?:required|needed|to be|has to|have to)|required improvements|improvements? (?:are |is )?(?:required|needed)|inappropriate(?:ly)?|out of date|concerns (?:were|are) (?:substantiated|confirmed|upheld)|(?:al)?though|but(?! also)|not all)\b|\(recommendation\)/;
/**
 * Shortfall words that do not mark a shortfall: knowing one's "strengths and weaknesses", a pressure
 * that "did not prevent" the work, children who "do not experience multiple changes of worker".
 * They are blanked before the weakness cues are read.
 */
const NEGATED_SHORTFALL =
  /\b(?:strengths and weaknesses|(?:did|does|do|will|has|have) not (?:prevent(?:ed)?|stop(?:ped)?|hinder(?:ed)?|deter(?:red)?)|not (?:have to )?experience (?:multiple|many|frequent|further|repeated))\b/g;
const STRENGTH_CUES =
  /\b(?:good|well|effective(?:ly)?|strong(?:ly)?|robust(?:ly)?|timely|appropriate(?:ly)?|improved|improving|outstanding|impressive|high[- ]quality|consistent(?:ly)?|comprehensive|thorough(?:ly)?|clear(?:ly)?|positive(?:ly)?|benefit(?:s|ed|ing)?|excellent|strengths?|successful(?:ly)?|swift(?:ly)?|prompt(?:ly)?|exceptional(?:ly)?|creative(?:ly)?|valued|supportive|skilled|committed|ambitious)\b/;

/**
 * Passages that only describe: how the inspection was done, a service created or a tool's purpose
 * with no judgement on it (the independent readers' polarity rules, test/fixtures/report-themes/
 * independent-adjudication.md).
 */
const NEUTRAL_CUES =
  /\b(?:inspectors?|this inspection|(?:was|were) carried out|(?:they|we) (?:viewed|spoke|read|observed|met|looked)|(?:has|have) been (?:created|established|introduced|set up)|key tool|in accordance with|at the time of (?:the |this )?inspection|first inspection|(?:is|are|was|were) (?:planned|scheduled|due) (?:for|to|in)|endorsed|crown copyright|(?:is|are|was|were) described (?:by [\w ]+ )?as|(?:coordinated|delivered) (?:via|through))\b/;

/**
 * A passage with a weakness cue is a weakness; otherwise one with a strength cue a strength; one
 * that only describes, neutral. Anything else is a strength: outside the lists, inspectors state
 * what works plainly ("personal advisers stay in touch with young people") and flag what does not.
 */
export function cuePolarity(text: string): Polarity {
  const t = forMatching(text);
  if (WEAKNESS_CUES.test(t.replace(NEGATED_SHORTFALL, " "))) return "weakness";
  if (STRENGTH_CUES.test(t)) return "strength";
  if (NEUTRAL_CUES.test(t)) return "neutral";
  return "strength";
}

/** The section's own polarity first (areas for improvement, strengths), then the passage's cue words. */
export function passagePolarity(section: Pick<Section, "prior">, text: string): Polarity {
  return section.prior ?? cuePolarity(text);
}

/**
 * Bare sub-headings inside a list ("Management and leadership", "Workforce development", "Commissioning
 * and Sufficiency"): short, capitalised, unpunctuated, in a list whose points are sentences. They
 * group the points and ask for nothing (extension-adjudication.md, rule T7), so they are not passages.
 * A list written as bare phrases (ILACS from 2026: "Quality and impact of safety planning") keeps them.
 */
export function listHeadings(section: Pick<Section, "prior" | "passages">): Set<Passage> {
  if (section.prior === null) return new Set();
  const sentences = section.passages.filter((p) => /[.!?:;)]$/.test(p.text)).length;
  if (sentences * 2 <= section.passages.length) return new Set();
  return new Set(section.passages.filter((p) => /^[A-Z][^.!?:;]*$/.test(p.text) && p.text.split(/\s+/).length <= 6));
}

export interface ThemeCount {
  theme_id: string;
  section: SectionKind;
  polarity: Polarity;
  passages: number;
}

export interface Snippet {
  theme_id: string;
  section: SectionKind;
  polarity: "strength" | "weakness";
  page: number;
  term: string;
  snippet: string;
}

export const SNIPPET_MAX = 200;

/** A passage cut to at most SNIPPET_MAX characters around the matched term, at word boundaries. */
export function clip(text: string, index: number, max = SNIPPET_MAX): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const room = max - 2;
  let start = Math.max(0, Math.min(index - Math.floor(room / 3), clean.length - room));
  let end = start + room;
  if (start > 0) start = clean.indexOf(" ", start) + 1 || start;
  if (end < clean.length) end = clean.lastIndexOf(" ", end) > start ? clean.lastIndexOf(" ", end) : end;
  return `${start > 0 ? "…" : ""}${clean.slice(start, end)}${end < clean.length ? "…" : ""}`;
}

/** Evidence is taken from the areas for improvement before anywhere else, and from lists before prose. */
const SNIPPET_PREFERENCE: Record<SectionKind, number> = {
  improve: 0,
  strengths: 0,
  summary: 1,
  help_protection: 2,
  children_in_care: 2,
  adoption: 2,
  care_leavers: 2,
  leadership: 2,
  lscb: 3,
  other: 4,
  about: 5,
};

/**
 * Tag every passage of a report. Counts are passages per theme, section and polarity (theme "all":
 * every passage); snippets are the first weakness and the first strength per theme, taken from the
 * most preferred section that has one.
 */
export function tagSections(sections: Section[], themes: CompiledTheme[]): { counts: ThemeCount[]; snippets: Snippet[] } {
  const counts = new Map<string, ThemeCount>();
  const best = new Map<string, { rank: number; snippet: Snippet }>();
  const add = (theme_id: string, section: SectionKind, polarity: Polarity) => {
    const key = `${theme_id}|${section}|${polarity}`;
    const c = counts.get(key) ?? { theme_id, section, polarity, passages: 0 };
    c.passages++;
    counts.set(key, c);
  };
  for (const s of sections) {
    const headings = listHeadings(s);
    for (const p of s.passages) {
      if (headings.has(p)) continue;
      const polarity = passagePolarity(s, p.text);
      add("all", s.kind, polarity);
      for (const hit of themesIn(p.text, themes)) {
        add(hit.theme, s.kind, polarity);
        if (polarity === "neutral") continue;
        const key = `${hit.theme}|${polarity}`;
        const rank = SNIPPET_PREFERENCE[s.kind];
        if ((best.get(key)?.rank ?? Infinity) <= rank) continue;
        best.set(key, { rank, snippet: { theme_id: hit.theme, section: s.kind, polarity, page: p.page, term: hit.term, snippet: clip(p.text, hit.index) } });
      }
    }
  }
  return { counts: [...counts.values()], snippets: [...best.values()].map((b) => b.snippet) };
}
