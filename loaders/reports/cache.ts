import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../lib/paths.ts";
import { writeFileAtomic } from "../../lib/csv.ts";
import { EXTRACTOR_VERSION } from "./extract-text.ts";

export const defaultCacheDir = path.join(projectRoot, ".cache", "report-text");

/** Extracted text of one file (or why it could not be read), keyed by the file's sha256. */
export type CachedText =
  | { version: number; sha256: string; ok: true; numPages: number; pages: string[]; creationDate?: string }
  | { version: number; sha256: string; ok: false; reason: string };

export function sha256(data: Uint8Array): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}

function entryPath(cacheDir: string, sha: string): string {
  return path.join(cacheDir, `${sha}.json`);
}

export function readCached(cacheDir: string, sha: string): CachedText | undefined {
  let text: string;
  try {
    text = fs.readFileSync(entryPath(cacheDir, sha), "utf8");
  } catch {
    return undefined;
  }
  try {
    const entry = JSON.parse(text) as CachedText;
    return entry.version === EXTRACTOR_VERSION && entry.sha256 === sha ? entry : undefined;
  } catch {
    return undefined;
  }
}

export function writeCached(cacheDir: string, entry: CachedText): void {
  writeFileAtomic(entryPath(cacheDir, entry.sha256), JSON.stringify(entry));
}
