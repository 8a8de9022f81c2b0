import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { z } from "zod";

export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "CsvError";
  }
}

/** A CSV record with the file line its row starts on (line 1 is the header). */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

const newlines = (s: string) => s.split("\n").length - 1;

/**
 * Parse CSV text into records carrying their line numbers, failing on any structural error (ragged
 * rows, bad quoting) with the line it is on. Blank lines are skipped but counted, and a quoted value
 * spanning lines moves the rows after it down as it does in the file.
 */
export function parseCsvRecords(text: string, file: string): { header: string[]; records: CsvRecord[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false, delimiter: "," });
  // Each parsed row starts one line after the previous row's start plus the newlines inside its values.
  const lines: number[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    lines.push(line);
    line += 1 + cells.reduce((n, c) => n + newlines(c), 0);
  }
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    const where = e.row === undefined ? "" : ` at line ${lines[e.row] ?? line}`;
    throw new CsvError(file, `malformed CSV${where}: ${e.message}`);
  }
  const [header = [], ...rows] = parsed.data;
  const records: CsvRecord[] = [];
  rows.forEach((cells, i) => {
    const at = lines[i + 1]!;
    if (cells.length === 1 && cells[0]!.trim() === "") return;
    if (cells.length !== header.length) {
      throw new CsvError(file, `malformed CSV at line ${at}: ${cells.length} fields where the header has ${header.length}`);
    }
    records.push({ line: at, values: Object.fromEntries(header.map((h, k) => [h, cells[k]!])) });
  });
  return { header, records };
}

/** Parse CSV text into string records, failing on any structural error (ragged rows, bad quoting). */
export function parseCsvText(text: string, file: string): Record<string, string>[] {
  return parseCsvRecords(text, file).records.map((r) => r.values);
}

/** The columns a schema requires, when it is an object schema. */
function schemaColumns(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Fail unless the file exists and is not part of an interrupted set write. */
export function assertReadable(file: string): void {
  if (!fs.existsSync(file)) throw new CsvError(file, "file not found");
  const pending = unfinishedSet(path.dirname(file));
  if (pending.includes(path.basename(file))) {
    throw new CsvError(file, `a write of ${pending.join(", ")} as a set was interrupted and is unfinished (${CSV_SET_JOURNAL}): run npm run ingest to complete it`);
  }
}

/** Fail, naming line 1, when the header lacks a column the schema requires. */
export function assertColumns(file: string, header: string[], schema: z.ZodType): void {
  const missing = schemaColumns(schema).filter((c) => !header.includes(c));
  if (missing.length > 0) throw new CsvError(file, `line 1: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (the header has ${header.join(", ")})`);
}

/** Validate one record: its parsed value, or the error naming its line, column and value. */
export function parseRecord<S extends z.ZodType>(file: string, { line, values }: CsvRecord, schema: S): { data: z.infer<S> } | { error: CsvError } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data };
  const issue = result.error.issues[0]!;
  const column = issue.path.join(".") || "(row)";
  return { error: new CsvError(file, `line ${line}, column ${column}: ${issue.message} (value ${JSON.stringify(values[column as string] ?? null)})`) };
}

/**
 * Read a CSV file and validate every row against a zod schema. Every problem names the file, and
 * the line and column where it can be: a missing column before any row is read, a bad value with
 * its line, column and the value itself.
 */
export function readCsv<S extends z.ZodType>(file: string, schema: S): z.infer<S>[] {
  assertReadable(file);
  const { header, records } = parseCsvRecords(fs.readFileSync(file, "utf8"), file);
  assertColumns(file, header, schema);
  return records.map((record) => {
    const parsed = parseRecord(file, record, schema);
    if ("error" in parsed) throw parsed.error;
    return parsed.data;
  });
}

/**
 * The file line each of the given records starts on (record 0 is the first after the header), as
 * parseCsvRecords numbers them: blank lines are skipped but counted, and a quoted value spanning
 * lines moves the records after it down. Reads the file in chunks, so it suits files too big to parse
 * whole; for naming the line of a record found bad elsewhere (in DuckDB).
 */
export function recordLines(file: string, records: number[]): Map<number, number> {
  const wanted = new Set(records);
  const found = new Map<number, number>();
  const fd = fs.openSync(file, "r");
  const chunk = Buffer.alloc(1 << 20);
  // record -1 is the header; a record is counted once a character other than whitespace is seen
  let record = -2;
  let line = 1;
  let start = 1;
  let blank = true;
  let quoted = false;
  try {
    for (let n; found.size < wanted.size && (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
      for (let i = 0; i < n; i++) {
        const c = chunk[i]!;
        if (c === 0x22) quoted = !quoted;
        if (c === 0x0a) {
          line++;
          if (quoted) continue;
          blank = true;
          start = line;
          continue;
        }
        if (blank && c !== 0x20 && c !== 0x09 && c !== 0x0d) {
          blank = false;
          record++;
          if (wanted.has(record)) found.set(record, start);
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return found;
}

/**
 * Validate rows a loader produced (not read from a file) before they are written: the first bad
 * row fails the run, named by what it is, its position and its content.
 */
export function validateRows<S extends z.ZodType>(rows: unknown[], schema: S, what: string): z.infer<S>[] {
  return rows.map((r, i) => {
    const res = schema.safeParse(r);
    if (!res.success) throw new Error(`${what} row ${i + 1} failed validation: ${res.error.issues[0]!.path.join(".")}: ${res.error.issues[0]!.message} (${JSON.stringify(r)})`);
    return res.data;
  });
}

type Cell = string | number | null | undefined | string[];

function cell(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join("|");
  return String(v);
}

export function toCsvText(rows: Record<string, Cell>[], columns: string[]): string {
  const data = rows.map((r) => columns.map((c) => cell(r[c])));
  return Papa.unparse({ fields: columns, data }, { newline: "\n" }) + "\n";
}

/** Write a CSV so that a crash never leaves a half-written file: temp file, then rename. */
export function writeCsvAtomic(file: string, rows: Record<string, Cell>[], columns: string[]): void {
  writeFileAtomic(file, toCsvText(rows, columns));
}

/** Temp files are named <file>.<pid>[-<n>].tmp, so a later run can tell whose they are. */
const TEMP = /^(.+)\.(\d+)(?:-\d+)?\.tmp$/;
let tempCount = 0;
const tempName = (file: string) => `${file}.${process.pid}-${++tempCount}.tmp`;

/** Write a file via a temp file and a rename; a failed write or rename leaves no temp file behind. */
export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tempName(file);
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** The journal of a set of files being put in place: its presence means the set is unfinished. */
export const CSV_SET_JOURNAL = ".csv-set-journal.json";

const alive = (pid: number) => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** The files of an interrupted set write in `dir` (empty when there is none). */
export function unfinishedSet(dir: string): string[] {
  const journal = path.join(dir, CSV_SET_JOURNAL);
  if (!fs.existsSync(journal)) return [];
  return (JSON.parse(fs.readFileSync(journal, "utf8")) as { file: string }[]).map((e) => e.file);
}

/**
 * Finish or discard what an interrupted writeCsvSet left in `dir`. A journal means every new file
 * was complete before any was renamed: rename the rest into place (roll forward). Temp files with
 * no journal, of a process no longer running, belong to a set that never started replacing: delete
 * them (the old set stands). Returns what it did, one line per file, for the caller to report.
 */
export function repairCsvSet(dir: string): string[] {
  const done: string[] = [];
  const journal = path.join(dir, CSV_SET_JOURNAL);
  if (fs.existsSync(journal)) {
    const entries = JSON.parse(fs.readFileSync(journal, "utf8")) as { file: string; tmp: string }[];
    for (const e of entries) {
      const tmp = path.join(dir, e.tmp);
      if (!fs.existsSync(tmp)) continue;
      try {
        fs.renameSync(tmp, path.join(dir, e.file));
      } catch (err) {
        throw new Error(`${path.join(dir, e.file)}: the new file could not be put in place (${(err as Error).message}); the set stays unfinished (${CSV_SET_JOURNAL}) until a later write completes it`);
      }
      done.push(`${e.file}: completed an interrupted write`);
    }
    fs.rmSync(journal);
  }
  if (!fs.existsSync(dir)) return done;
  for (const name of fs.readdirSync(dir)) {
    const m = TEMP.exec(name);
    if (!m || alive(Number(m[2]))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    done.push(`${name}: removed a temp file left by an interrupted write`);
  }
  return done;
}

/**
 * Write several CSVs of one folder as a set: all of the new files, or after an interruption, a
 * state the next repairCsvSet completes. Every new file is written in full first; the journal
 * naming them is the commit point; then they are renamed into place and the journal removed.
 */
export function writeCsvSet(dir: string, files: { file: string; rows: Record<string, Cell>[]; columns: string[] }[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const repaired = repairCsvSet(dir);
  const temps: string[] = [];
  try {
    const entries = files.map((f) => {
      const tmp = tempName(path.join(dir, f.file));
      temps.push(tmp);
      fs.writeFileSync(tmp, toCsvText(f.rows, f.columns));
      return { file: f.file, tmp: path.basename(tmp) };
    });
    writeFileAtomic(path.join(dir, CSV_SET_JOURNAL), JSON.stringify(entries));
  } catch (e) {
    for (const t of temps) fs.rmSync(t, { force: true });
    throw e;
  }
  repairCsvSet(dir);
  return repaired;
}
