import type { CachedText } from "./cache.ts";
import { type Family, classify } from "./classify.ts";
import { inspectionDates, publishedDate } from "./dates.ts";
import { type Authorities, identifyAuthority } from "./identify.ts";
import { type Line, Quarantine, docLines } from "./lines.ts";
import { parseCpi } from "./parse-cpi.ts";
import { parseIlacs } from "./parse-ilacs.ts";
import { parseLscbReview, parseSif } from "./parse-sif.ts";
import { parseLac, parseSlac } from "./parse-slac.ts";
import type { Parsed } from "./parsed.ts";
import type { Reference } from "./reference.ts";

export interface ReportOutcome {
  outcome: "ingested" | "out_of_scope" | "quarantined";
  kind: string;
  reason: string | null;
  report?: Parsed & { laCode: string; start: string; end: string; published: string };
}

/** Text that suggests a graded report this loader does not recognise (so it is quarantined, not set aside). */
const LOOKS_GRADED = /^Judgement\s+Grade$|^Overall effectiveness\b.*\b(outstanding|good|adequate|inadequate|requires improvement)\b|^Record of main findings/im;

/** Classify one file's extracted text and read its inspection and judgements; never throws for bad input. */
export function parseReport(entry: CachedText, file: { sourceFile: string; folder: string }, ref: Reference, auth: Authorities): ReportOutcome {
  if (!entry.ok) {
    return { outcome: "quarantined", kind: entry.reason.startsWith("not a PDF") ? "not a PDF" : "unreadable PDF", reason: entry.reason };
  }
  const lines = docLines(entry.pages);
  const c = classify(lines);
  if (c.scope === "out") return { outcome: "out_of_scope", kind: c.kind, reason: c.reason };
  if (c.scope === "unknown") {
    if (entry.pages.some((p) => LOOKS_GRADED.test(p))) return { outcome: "quarantined", kind: "unrecognised report", reason: `${c.reason}, yet it contains what looks like a judgement table` };
    return { outcome: "out_of_scope", kind: "other document", reason: `not a graded inspection report: ${c.reason}` };
  }
  try {
    const dates = inspectionDates(lines);
    if (!dates) throw new Quarantine("no inspection dates found (no readable \"Inspection date(s):\" line)");
    const published = publishedDate(lines, file.sourceFile, entry.creationDate, dates.end);
    if (!published.date) {
      throw new Quarantine(
        published.rejected.length > 0
          ? `no plausible publication date: ${published.rejected.join("; ")}`
          : "no publication date in the report, its file name or its metadata",
      );
    }
    const authority = identifyAuthority(auth, c.titleName, file.folder, dates.start);
    const parsed = parseFamily(c.family, lines, ref, dates, c.reinspection);
    const notes = [
      authority.note,
      parsed.note,
      published.from === "PDF metadata" && published.rejected.length === 0 ? `published date ${published.date} taken from the PDF's creation date (no date in the report or file name)` : undefined,
      published.rejected.length > 0 ? `published date ${published.date} taken from the ${published.from}: ${published.rejected.join("; ")}` : undefined,
    ].filter(Boolean);
    return {
      outcome: "ingested",
      kind: parsed.kind,
      reason: notes.length ? notes.join("; ") : null,
      report: { ...parsed, laCode: authority.code, start: dates.start, end: dates.end, published: published.date },
    };
  } catch (e) {
    if (e instanceof Quarantine) return { outcome: "quarantined", kind: c.family, reason: e.reason };
    throw e;
  }
}

function parseFamily(family: Family, lines: Line[], ref: Reference, dates: { start: string; end: string; fieldworkDays: number }, reinspection: boolean): Parsed {
  const title = lines.filter((l) => l.page === 1).slice(0, 15).map((l) => l.text).join(" ");
  switch (family) {
    case "ILACS":
      return parseIlacs(lines, ref, dates);
    case "SIF":
      return parseSif(lines, ref, { reinspection, lscbAnnounced: /review of the effectiveness of the local safeguarding/i.test(title) });
    case "SIF_LSCB":
      return parseLscbReview(lines, ref);
    case "SLAC":
      return parseSlac(lines, ref);
    case "LAC":
      return parseLac(lines, ref);
    case "CPI":
      return parseCpi(lines, ref);
  }
}
