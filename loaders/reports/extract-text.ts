import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Bump when line reconstruction changes: cached text from an older version is re-extracted. */
export const EXTRACTOR_VERSION = 2;

export interface ExtractedText {
  numPages: number;
  /** One string per page; lines separated by "\n", wide gaps between table cells by "\t". */
  pages: string[];
  /** The document's creation date from its metadata (YYYY-MM-DD), if it has one. */
  creationDate?: string;
}

/** A file that cannot be read as a PDF: the reason names the problem. */
export class UnreadableFile extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "UnreadableFile";
  }
}

interface Item {
  str: string;
  transform: number[];
  width: number;
}

/**
 * Rebuild lines from text items in content-stream order. A new line starts when the text moves
 * back left or jumps vertically by more than a line; a cell to the right on a slightly different
 * baseline (a vertically centred grade beside its label) stays on the label's line.
 */
export function itemsToLines(items: Item[]): string[] {
  const lines: string[] = [];
  let line = "";
  let lineY = 0;
  let lastX = 0;
  let lastY = 0;
  let lastEnd = 0;
  let pendingGap = false;
  for (const it of items) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = it.transform;
    const size = Math.max(Math.hypot(c, d), Math.hypot(a, b), 1);
    if (it.str.trim() === "") {
      if (it.width > size * 1.2) pendingGap = true;
      continue;
    }
    if (line !== "") {
      const movesLeft = x < lastEnd - size * 0.5;
      const newLine = (movesLeft && Math.abs(y - lastY) > size * 0.3) || Math.abs(y - lineY) > size * 1.5 || (movesLeft && x < lastX);
      if (newLine) {
        lines.push(line);
        line = "";
      } else {
        const gap = x - lastEnd;
        if (pendingGap || gap > size * 1.2) line += "\t";
        else if (gap > size * 0.12 && !/\s$/.test(line) && !/^\s/.test(it.str)) line += " ";
      }
    }
    if (line === "") lineY = y;
    line += it.str;
    lastX = x;
    lastY = y;
    lastEnd = x + it.width;
    pendingGap = false;
  }
  if (line !== "") lines.push(line);
  return lines.map((l) => l.replace(/[ \u00a0]+/g, " ").replace(/ ?\t ?/g, "\t").trim());
}

export async function extractText(data: Uint8Array): Promise<ExtractedText> {
  const head = Buffer.from(data.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) {
    const looksHtml = /<!doctype html|<html/i.test(head);
    throw new UnreadableFile(looksHtml ? "not a PDF: the file is an HTML page" : "not a PDF: no %PDF header");
  }
  const tail = Buffer.from(data.subarray(Math.max(0, data.length - 2048))).toString("latin1");
  if (!tail.includes("%%EOF")) throw new UnreadableFile("truncated PDF: no %%EOF marker at the end of the file");
  let doc;
  try {
    doc = await getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false, stopAtErrors: true }).promise;
  } catch (e) {
    throw new UnreadableFile(`unreadable PDF: ${(e as Error).message}`);
  }
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(itemsToLines(content.items.flatMap((it) => ("str" in it ? [it as Item] : []))).join("\n"));
      page.cleanup();
    }
    const info = (await doc.getMetadata()).info as { CreationDate?: string } | undefined;
    const m = /^D:(\d{4})(\d{2})(\d{2})/.exec(info?.CreationDate ?? "");
    return { numPages: doc.numPages, pages, ...(m ? { creationDate: `${m[1]}-${m[2]}-${m[3]}` } : {}) };
  } catch (e) {
    throw new UnreadableFile(`unreadable PDF: ${(e as Error).message}`);
  } finally {
    await doc.destroy();
  }
}
