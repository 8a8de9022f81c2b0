/** A line of extracted text and the page (1-based) it is on. */
export interface Line {
  text: string;
  page: number;
}

export function docLines(pages: string[]): Line[] {
  return pages.flatMap((p, i) => p.split("\n").map((text) => ({ text, page: i + 1 })));
}

/** Text as one run: tabs and line breaks become single spaces. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Why a file cannot be ingested; the message names the problem (ingest adds the file). */
export class Quarantine extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "Quarantine";
  }
}
