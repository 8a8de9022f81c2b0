import type { DuckDBConnection } from "@duckdb/node-api";
import type { z } from "zod";
import { assertColumns, parseRecord, recordLines } from "../lib/csv.ts";
import { blankToNull } from "../schema/primitives.ts";

/**
 * The zod schemas in schema/ stay the contract for every CSV. A table that grows with history is
 * too big to check row by row in JS (millions of rows at 100x), so its schema is stated in SQL and
 * DuckDB finds the rows that may fail it; zod then judges those rows, so the error is the one
 * readCsv gives (file, line, column, value). The SQL is never looser than zod: where it is stricter
 * (integers written plainly), zod clears the rows it flags. A column whose rule SQL cannot state (a
 * URL) is judged by zod once per distinct value, and the rows holding a failing value are flagged.
 */

/** The parts of zod's definitions that the translation reads (zod v4 `_zod.def`). */
interface Def extends Partial<CheckDef> {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  entries?: Record<string, unknown>;
  values?: unknown[];
  options?: Schema[];
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  transform?: unknown;
}
interface CheckDef {
  check?: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}
interface Schema {
  _zod: { def: Def };
}

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
const all = (parts: (string | undefined)[]) => (parts.includes(undefined) ? undefined : parts.length ? parts.map((p) => `(${p})`).join(" AND ") : "true");

function stringCheck(c: CheckDef, v: string): string | undefined {
  switch (c.check) {
    case "string_format":
      // a .regex() and z.iso.date() are their pattern alone, and RE2 reads these patterns as JS does
      return (c.format === "regex" || c.format === "date") && c.pattern && /^u?$/.test(c.pattern.flags)
        ? `regexp_matches(${v}, ${literal(c.pattern.source)})`
        : undefined;
    // zod counts a string's length in code points (earlier versions: UTF-16 units, never fewer), as
    // DuckDB's length() does; strlen() counts bytes, never fewer than either.
    case "min_length":
      // a cell is never NULL, so a minimum of 1 is a non-empty cell
      return c.minimum! <= 0 ? "true" : c.minimum === 1 ? `${v} <> ''` : `length(${v}) >= ${c.minimum}`;
    case "max_length":
      // UTF-16 units (code points plus one for each beyond U+FFFF), never fewer than either count,
      // worked out only when the bytes exceed the maximum (a CASE evaluates its branch on those rows alone)
      return `CASE WHEN strlen(${v}) <= ${c.maximum} THEN true ELSE length(${v}) <= ${c.maximum} AND length(${v}) + len(regexp_extract_all(${v}, '[\\x{10000}-\\x{10FFFF}]')) <= ${c.maximum} END`;
    default:
      return undefined;
  }
}

function numberCheck(c: CheckDef, n: string): string | undefined {
  switch (c.check) {
    case "number_format":
      return c.format === "safeint" ? "true" : undefined;
    case "greater_than":
      return `${n} ${c.inclusive ? ">=" : ">"} ${c.value}`;
    case "less_than":
      return `${n} ${c.inclusive ? "<=" : "<"} ${c.value}`;
    default:
      return undefined;
  }
}

/**
 * SQL true when the VARCHAR expression `v` (a CSV cell, '' when blank, never NULL) passes `schema`;
 * undefined when the schema holds a rule SQL cannot state (a refinement, a transform, a URL).
 */
export function sqlAccepts(schema: z.ZodType, v: string): string | undefined {
  const def = (schema as unknown as Schema)._zod.def;
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case "string":
      // a string format (z.iso.date(), z.url()) is itself a check
      return def.coerce ? undefined : all([def, ...checks].filter((c) => c.check).map((c) => stringCheck(c, v)));
    case "number": {
      // coerced from the cell: a plain integer of up to 15 digits (safe), compared as BIGINT
      const own = [def, ...checks].filter((c) => c.check);
      if (!def.coerce || !own.some((c) => c.check === "number_format")) return undefined;
      const n = `TRY_CAST(${v} AS BIGINT)`;
      return all([`regexp_matches(${v}, '^-?[0-9]{1,15}$')`, ...own.map((c) => numberCheck(c, n))]);
    }
    case "enum":
    case "literal": {
      const values = def.type === "enum" ? Object.values(def.entries ?? {}) : (def.values ?? []);
      return values.every((x) => typeof x === "string") ? `${v} IN (${values.map((x) => literal(x as string)).join(", ")})` : undefined;
    }
    case "union": {
      const options = (def.options ?? []).map((o) => sqlAccepts(o as unknown as z.ZodType, v));
      return options.length && !options.includes(undefined) ? options.map((o) => `(${o})`).join(" OR ") : undefined;
    }
    case "nullable":
    case "optional":
      return sqlAccepts(def.innerType as unknown as z.ZodType, v);
    case "pipe": {
      // schema/primitives.ts optional(): a blank cell is null, anything else meets the inner schema
      const before = def.in!._zod.def;
      if (before.type !== "transform" || before.transform !== blankToNull) return undefined;
      const inner = sqlAccepts(def.out as unknown as z.ZodType, v);
      return inner === undefined ? undefined : `${v} = '' OR (${inner})`;
    }
    default:
      return undefined;
  }
}

/** The columns of a plain object schema, each with the SQL that accepts its cells, or undefined where SQL cannot state its rule. */
export function sqlColumnChecks(table: string, schema: z.ZodType): { column: string; field: z.ZodType; accepts: string | undefined }[] {
  const def = (schema as unknown as { _zod: { def: Def & { shape?: Record<string, z.ZodType> } } })._zod.def;
  if (def.type !== "object" || def.checks?.length) throw new Error(`${table}: only a plain object schema can be checked in DuckDB`);
  return Object.entries(def.shape!).map(([column, field]) => ({ column, field, accepts: sqlAccepts(field, `coalesce("${column}", '')`) }));
}

/**
 * Check a table loaded as VARCHAR into `raw` from `file` against its zod schema: the header first,
 * then every row in SQL (a column SQL cannot state by zod over its distinct values), then zod over
 * the rows flagged. Throws the first failure as readCsv would.
 */
export async function validateInDuckDB(connection: DuckDBConnection, raw: string, file: string, schema: z.ZodType): Promise<void> {
  const header = (await connection.runAndReadAll(`SELECT column_name FROM (DESCRIBE ${raw})`)).getRowObjectsJson().map((r) => String(r.column_name));
  assertColumns(file, header, schema);
  const conditions: string[] = [];
  for (const c of sqlColumnChecks(file, schema)) {
    const cell = `coalesce("${c.column}", '')`;
    if (c.accepts !== undefined) {
      conditions.push(`NOT coalesce(${c.accepts}, false)`);
      continue;
    }
    const values = (await connection.runAndReadAll(`SELECT DISTINCT ${cell} AS v FROM ${raw}`)).getRowObjectsJson().map((r) => String(r.v));
    const failing = values.filter((v) => !c.field.safeParse(v).success);
    if (failing.length) conditions.push(`${cell} IN (${failing.map(literal).join(", ")})`);
  }
  if (conditions.length === 0) return;
  const flagged = (await connection.runAndReadAll(`SELECT rowid AS record, * FROM ${raw} WHERE ${conditions.join(" OR ")} ORDER BY rowid`)).getRowObjectsJson();
  if (flagged.length === 0) return;
  const lines = recordLines(file, flagged.map((r) => Number(r.record)));
  for (const row of flagged) {
    const values = Object.fromEntries(header.map((h) => [h, row[h] === null ? "" : String(row[h])]));
    const parsed = parseRecord(file, { line: lines.get(Number(row.record)) ?? Number(row.record) + 2, values }, schema);
    if ("error" in parsed) throw parsed.error;
  }
}
