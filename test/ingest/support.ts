import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type CachedText, defaultCacheDir, sha256 } from "../../loaders/reports/cache.ts";
import { UnreadableFile, extractText } from "../../loaders/reports/extract-text.ts";
import { loadAuthorities } from "../../loaders/reports/identify.ts";
import { type ReportOutcome, parseReport } from "../../loaders/reports/parse-report.ts";
import { loadReference } from "../../loaders/reports/reference.ts";
import { corpusDir } from "../support/sources.ts";

/** A report in the published corpus, by its path under ofsted-reports/. */
export const report = (rel: string) => path.join(corpusDir, "ofsted-reports", rel);

let ctx: { ref: ReturnType<typeof loadReference>; auth: ReturnType<typeof loadAuthorities> } | undefined;

/** Extract and parse one real file as ingest would (no cache). */
export async function parseFile(file: string): Promise<ReportOutcome> {
  ctx ??= { ref: loadReference(), auth: loadAuthorities() };
  let entry: CachedText;
  try {
    entry = { version: 0, sha256: "", ok: true, ...(await extractText(new Uint8Array(fs.readFileSync(file)))) };
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    entry = { version: 0, sha256: "", ok: false, reason: e.reason };
  }
  const folder = path.basename(path.dirname(file));
  return parseReport(entry, { sourceFile: `${folder}/${path.basename(file)}`, folder }, ctx.ref, ctx.auth);
}

/** Judgement labels by code, for assertions. */
export const grades = (o: ReportOutcome) => Object.fromEntries((o.report?.judgements ?? []).map((j) => [j.code, j.label]));

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ingest-${prefix}-`));
}

/** A temporary sources folder holding copies of real reports, each under the folder name given. */
export function tempSources(files: { from: string; folder: string; name?: string }[]): string {
  const dir = tempDir("sources");
  for (const f of files) {
    fs.mkdirSync(path.join(dir, f.folder), { recursive: true });
    fs.copyFileSync(f.from, path.join(dir, f.folder, f.name ?? path.basename(f.from)));
  }
  return dir;
}

/**
 * A minimal one-page PDF showing `lines` in Helvetica: for documents the corpus does not contain
 * (an ungraded letter). Offsets in the xref table are computed, so pdf.js reads it without repair.
 */
export function minimalPdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 14 Tf 72 760 Td 18 TL ${lines.map((l) => `(${esc(l)}) Tj T*`).join(" ")} ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

/**
 * A copy of a real report with its middle 40% overwritten by seeded noise: header, xref offsets
 * and %%EOF intact, so it still looks like a PDF until pdf.js follows a reference into the noise.
 */
export function scrambledCopy(from: string, to: string): void {
  const bytes = fs.readFileSync(from);
  let seed = 1;
  for (let i = Math.floor(bytes.length * 0.3); i < Math.floor(bytes.length * 0.7); i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = seed & 255;
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, bytes);
}

/**
 * A temporary text cache already holding the project cache's text of these real reports (the test
 * setup warms it), so a test extracts only the files it generates.
 */
export function cacheWith(files: string[]): string {
  const dir = tempDir("cache");
  for (const f of files) {
    const sha = sha256(fs.readFileSync(f));
    const entry = path.join(defaultCacheDir, `${sha}.json`);
    if (fs.existsSync(entry)) fs.copyFileSync(entry, path.join(dir, `${sha}.json`));
  }
  return dir;
}
