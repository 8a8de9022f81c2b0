import { type Line, collapse } from "./lines.ts";

/** Report families this loader parses (SIF_LSCB: an LSCB review published as its own report). */
export type Family = "SLAC" | "LAC" | "CPI" | "SIF" | "SIF_LSCB" | "ILACS";

export type Classification =
  | { scope: "in"; family: Family; reinspection: boolean; titleName: string | null }
  | { scope: "out"; kind: string; reason: string }
  | { scope: "unknown"; reason: string };

const TITLES: { family: Family; title: RegExp }[] = [
  { family: "SLAC", title: /Inspection of safeguarding and looked after children(['’]s)? services/i },
  { family: "LAC", title: /Inspection of (services for )?looked after children(['’]s)? services/i },
  { family: "CPI", title: /Inspection of local authority arrangements for the protection of children/i },
  { family: "SIF", title: /(Re-?inspection|Inspection) of services for children in need of help and protection/i },
  { family: "SIF_LSCB", title: /(Review|Inspection) of the effectiveness of the local safeguarding children board/i },
  { family: "ILACS", title: /Inspection of .{0,120}?children['’]s (social care )?services|Inspection of .{2,80}? Children(['’]s| and Families) Trust/i },
];

const UNGRADED: { kind: string; title: RegExp; reason: string }[] = [
  { kind: "monitoring visit", title: /\bmonitoring visit\b/i, reason: "monitoring visit letter: no graded judgements" },
  { kind: "focused visit", title: /\bfocused (assurance )?visit\b/i, reason: "focused visit letter: no graded judgements" },
  { kind: "JTAI", title: /\bjoint targeted area inspection\b/i, reason: "joint targeted area inspection: no graded judgements" },
];

/** The lines of a report's title block: page 1 up to its dates (page numbers dropped). */
export function titleBlock(lines: Line[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l.page > 2 || /^(Inspection dates?|Report published|Published)\s*:/i.test(l.text) || out.length >= 12) break;
    const t = collapse(l.text);
    if (t !== "" && !/^\d+$/.test(t)) out.push(t);
  }
  return out;
}

/** The authority's name as the title block writes it ("Metropolitan Borough of Barnsley Council"). */
function titleName(family: Family, block: string[]): string | null {
  const text = block.join(" ");
  let name: string | undefined;
  if (family === "ILACS") {
    const before = /^(.*?)\s*Inspection of (local authority )?children['’]s (social care )?services/i.exec(text);
    name = before?.[1] || /Inspection of (?:the )?(.+?)(?: local authority)? children['’]s (?:social care )?services/i.exec(text)?.[1];
    name ??= /Inspection of (.+?(Children(['’]s| and Families) Trust))/i.exec(text)?.[1];
  } else {
    const title = TITLES.find((t) => t.family === family)!.title;
    const m = title.exec(text);
    if (m) name = m.index > 0 ? text.slice(0, m.index) : text.slice(m.index + m[0].length).split(/ (Inspection|Review) /)[0];
  }
  const cleaned = name?.replace(/\b(and )?Review of the effectiveness.*$/i, "").trim();
  return cleaned ? cleaned : null;
}

/** What kind of document this is, from the title block of page 1. */
export function classify(lines: Line[]): Classification {
  const block = titleBlock(lines);
  const text = block.join(" ");
  for (const u of UNGRADED) if (u.title.test(block.slice(0, 4).join(" "))) return { scope: "out", kind: u.kind, reason: u.reason };
  const match = TITLES.find((t) => t.title.test(text));
  if (!match) {
    const first = block[0] ?? "(no text)";
    return { scope: "unknown", reason: `no known inspection report title on page 1 (it begins "${first.slice(0, 80)}")` };
  }
  const reinspection = match.family === "SIF" && /Re-?inspection of services/i.test(text);
  return { scope: "in", family: match.family, reinspection, titleName: titleName(match.family, block) };
}
