import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dataDir, projectRoot } from "../lib/paths.ts";
import { reportPassage } from "../schema/report-search.ts";
import { tables } from "../warehouse/tables.ts";

// docs/data-dictionary.md is written by hand: these checks keep it naming every table the warehouse
// loads, and every column of each canonical table's zod schema.

const readDoc = (name: string) => fs.readFileSync(path.join(projectRoot, "docs", name), "utf8");
const dictionary = readDoc("data-dictionary.md");
const referenceDoc = readDoc("reference-data.md");

/** The columns of a table's schema: the object schema's keys, through refinements, preprocessing and transforms. */
function columns(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) {
    for (const side of [schema.in, schema.out] as z.ZodType[]) {
      const keys = columns(side);
      if (keys.length > 0) return keys;
    }
  }
  return [];
}

/** The page's sections: each heading (`##` or `###`) with its text up to the next heading. */
function sections(markdown: string): { level: number; heading: string; body: string }[] {
  const out: { level: number; heading: string; body: string }[] = [];
  for (const line of markdown.split("\n")) {
    const m = /^(#{1,6})\s+(.*)$/.exec(line);
    if (m) out.push({ level: m[1]!.length, heading: m[2]!, body: "" });
    else if (out.length > 0) out[out.length - 1]!.body += `${line}\n`;
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `name` as a whole file name or column name: not part of a longer name (`la_code` is not in `neighbour_la_code`). */
const mentions = (text: string, name: string) => new RegExp(`(?<![\\w./-])${escape(name)}(?![\\w-]|\\.\\w)`).test(text);

/**
 * The names a section documents as columns: every name in a code span (`inspection_id`, or a list
 * `inspection_id, theme_id`) and in a table row's first cell (`| gss_code, gss_codes_previous | ... |`).
 * A column named only in running prose ("the stating report, page") does not count.
 */
function documentedNames(body: string): Set<string> {
  const names = new Set<string>();
  const add = (text: string) => {
    for (const n of text.split(/[\s,|]+/)) if (n) names.add(n);
  };
  for (const m of body.matchAll(/`([^`\n]+)`/g)) add(m[1]!);
  for (const line of body.split("\n")) {
    const row = /^\|([^|]+)\|/.exec(line);
    if (row && !/^\s*:?-+:?\s*$/.test(row[1]!)) add(row[1]!.replace(/`/g, ""));
  }
  return names;
}

// The canonical tables (outside data/reference/), and the search's passages, which the warehouse does not load.
const canonical = [
  ...tables.filter((t) => !t.file.startsWith("reference/")).map((t) => ({ file: t.file, schema: t.schema })),
  { file: "report-passages.csv.gz", schema: reportPassage as z.ZodType },
];
const reference = tables.filter((t) => t.file.startsWith("reference/"));

describe("docs/data-dictionary.md", () => {
  const docSections = sections(dictionary);

  it("reads a column list from every canonical table's schema", () => {
    expect(canonical.filter((t) => columns(t.schema).length === 0).map((t) => t.file)).toEqual([]);
  });

  it.each(canonical.map((t) => [t.file, t.schema] as const))("has a ### section for %s naming each of its columns", (file, schema) => {
    const own = docSections.filter((s) => s.level === 3 && mentions(s.heading, file));
    expect(own.length, `docs/data-dictionary.md has no ### section whose heading names ${file}`).toBeGreaterThan(0);
    const names = documentedNames(own.map((s) => s.body).join("\n"));
    const missing = columns(schema).filter((c) => !names.has(c));
    expect(missing, `docs/data-dictionary.md, section for ${file}: columns not documented: ${missing.join(", ")}`).toEqual([]);
  });

  it("names every reference table the warehouse loads, here or in docs/reference-data.md", () => {
    // The reference section of this page, not the whole page: reference/report-themes.csv shares its
    // file name with the canonical report-themes.csv.
    const referenceSection = docSections
      .filter((s) => s.level === 2 && /reference/i.test(s.heading))
      .map((s) => `${s.heading}\n${s.body}`)
      .join("\n");
    const missing = reference
      .map((t) => path.posix.basename(t.file))
      .filter((name) => !mentions(referenceDoc, name) && !mentions(referenceSection, name));
    expect(missing, `reference tables named neither in docs/reference-data.md nor in the reference section of docs/data-dictionary.md: ${missing.join(", ")}`).toEqual([]);
  });

  it("has a section for every table file at the top of data/", () => {
    const files = fs.readdirSync(dataDir).filter((f) => /\.csv(\.gz)?$/.test(f));
    const undocumented = files.filter((f) => !docSections.some((s) => s.level === 3 && mentions(s.heading, f)));
    expect(undocumented, `files in data/ without a ### section in docs/data-dictionary.md: ${undocumented.join(", ")}`).toEqual([]);
  });
});
