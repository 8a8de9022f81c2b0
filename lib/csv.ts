import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import type { z } from "zod";

export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "CsvError";
  }
}

/** Parse CSV text into string records, failing on any structural error (ragged rows, bad quoting). */
export function parseCsvText(text: string, file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    const where = e.row === undefined ? "" : ` at data row ${e.row + 1}`;
    throw new CsvError(file, `malformed CSV${where}: ${e.message}`);
  }
  return parsed.data;
}

/** Read a CSV file and validate every row against a zod schema; errors name the file, row and column. */
export function readCsv<S extends z.ZodType>(file: string, schema: S): z.infer<S>[] {
  if (!fs.existsSync(file)) throw new CsvError(file, "file not found");
  const records = parseCsvText(fs.readFileSync(file, "utf8"), file);
  return records.map((record, i) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const column = issue.path.join(".") || "(row)";
      throw new CsvError(file, `row ${i + 2}, column ${column}: ${issue.message} (value ${JSON.stringify(record[column as string] ?? null)})`);
    }
    return result.data;
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

export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
