import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Papa from "papaparse";
import { parseCsvText } from "../lib/csv.ts";
import { dataDir as defaultDataDir } from "../lib/paths.ts";
import { tables } from "../warehouse/tables.ts";

/**
 * A synthetic corpus `factor` times the size of a real one, in the canonical schema.
 *
 * It scales by years, not by authorities: la_code is a three-digit code (158 of 1,000 used), and
 * the real set of authorities is fixed by law, so history is the axis that actually grows. Copy k
 * of every inspection (k = 1 .. factor-1) is the original moved k * shiftYears later, where
 * shiftYears is the span of the real dates rounded up to a multiple of four (so that 29 February
 * mostly stays valid and copies never overlap). Each authority therefore has `factor` times the
 * inspections, under every framework, over `factor` times the years. Every table the warehouse
 * loads from data/ that is keyed by inspection_id is repeated with the copies' ids; authorities,
 * other tables and the reference tables are copied unchanged, so every integrity check still
 * holds. One known artefact: a predecessor authority's copies are dated after it ceased to exist
 * (successors inherit them).
 */
export interface SyntheticOptions {
  /** Folder holding the real canonical CSVs (default data/). */
  dataDir?: string;
  /** Folder holding the reference tables (default <dataDir>/reference). */
  referenceDir?: string;
  outDir: string;
  factor: number;
}

export interface SyntheticCorpus {
  dataDir: string;
  factor: number;
  shiftYears: number;
  lastYear: number | null;
  /** Rows per warehouse table loaded from data/ (not reference/), in the real and the synthetic corpus. */
  rows: Record<string, { real: number; synthetic: number }>;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Move an ISO date `years` later; 29 February becomes 28 February in a year without it. */
export function shiftIsoDate(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const day = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const dateColumns = new Set(["start_date", "end_date", "published_date"]);

/** Copy k of one row: ids suffixed, source files prefixed, hashes derived, inspection dates moved. */
function copyRow(row: Record<string, string>, k: number, shiftYears: number): Record<string, string> {
  if (k === 0) return row;
  const out: Record<string, string> = {};
  for (const [column, value] of Object.entries(row)) {
    if (value === "") out[column] = value;
    else if (column === "inspection_id") out[column] = `${value}-x${k}`;
    else if (column === "source_file") out[column] = `synthetic-x${k}/${value}`;
    else if (column === "source_sha256") out[column] = crypto.createHash("sha256").update(`${value}:${k}`).digest("hex");
    else if (dateColumns.has(column)) out[column] = shiftIsoDate(value, k * shiftYears);
    else out[column] = value;
  }
  return out;
}

function readTable(file: string): { columns: string[]; rows: Record<string, string>[] } {
  const text = fs.readFileSync(file, "utf8");
  const header = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { preview: 1 }).data[0] ?? [];
  return { columns: header, rows: parseCsvText(text, file) };
}

/**
 * Write the header, then each copy's rows as they are made: at 100x a table can hold millions of
 * rows, too many to hold as one CSV string. Written to a temp file, then renamed.
 */
function writeCopies(file: string, columns: string[], factor: number, copy: (k: number) => Record<string, string>[]): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, "w");
  try {
    fs.writeSync(fd, Papa.unparse([columns], { newline: "\n" }) + "\n");
    for (let k = 0; k < factor; k++) {
      const rows = copy(k);
      if (rows.length) fs.writeSync(fd, Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? "")) }, { header: false, newline: "\n" }) + "\n");
    }
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function generateSynthetic(options: SyntheticOptions): SyntheticCorpus {
  const { factor, outDir } = options;
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`scale factor must be a whole number of at least 1, not ${factor}`);
  const dataDir = options.dataDir ?? defaultDataDir;
  const referenceDir = options.referenceDir ?? path.join(dataDir, "reference");

  const inspections = readTable(path.join(dataDir, "inspections.csv")).rows;
  const years = inspections.flatMap((r) => [...dateColumns].map((c) => r[c]).filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4))));
  const firstYear = years.length ? Math.min(...years) : 0;
  const lastYear = years.length ? Math.max(...years) : null;
  const shiftYears = Math.ceil((lastYear === null ? 1 : lastYear - firstYear + 1) / 4) * 4;
  if (lastYear !== null && lastYear + (factor - 1) * shiftYears > 9999) {
    throw new Error(`scale factor ${factor} would date inspections after 9999 (${shiftYears}-year shift from ${lastYear})`);
  }

  fs.mkdirSync(outDir, { recursive: true });
  fs.cpSync(referenceDir, path.join(outDir, "reference"), { recursive: true });
  const rows: SyntheticCorpus["rows"] = {};
  for (const t of tables.filter((t) => !t.file.startsWith("reference/"))) {
    const source = path.join(dataDir, t.file);
    if (!fs.existsSync(source)) continue;
    const { columns, rows: real } = readTable(source);
    if (!columns.includes("inspection_id")) {
      fs.copyFileSync(source, path.join(outDir, t.file));
      rows[t.table] = { real: real.length, synthetic: real.length };
      continue;
    }
    writeCopies(path.join(outDir, t.file), columns, factor, (k) => real.map((r) => copyRow(r, k, shiftYears)));
    rows[t.table] = { real: real.length, synthetic: real.length * factor };
  }

  return {
    dataDir: outDir,
    factor,
    shiftYears,
    lastYear: lastYear === null ? null : lastYear + (factor - 1) * shiftYears,
    rows,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { factor: { type: "string", default: "100" }, out: { type: "string" }, data: { type: "string" } },
  });
  if (!values.out) {
    console.error("usage: tsx bench/synthetic.ts --out <dir> [--factor 100] [--data data/]");
    process.exit(1);
  }
  const corpus = generateSynthetic({ dataDir: values.data, outDir: values.out, factor: Number(values.factor) });
  console.log(JSON.stringify(corpus, null, 2));
}
