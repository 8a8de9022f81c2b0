/**
 * The one wire format from the warehouse to a page: a table as parallel columns, one list per column
 * name, every list as long as the table. A column of few distinct values (themes, regions, sources)
 * travels as a dictionary and an index into it, when that is shorter. Encoded by the data loaders
 * (warehouse/print.ts, src/data/**), decoded by the pages and components; plain functions, no DOM.
 *
 * Missing values have one rule both ways: a missing value is null on the wire and null in the row
 * (undefined is written as null; nothing is left out), and a table with no rows keeps its columns.
 */

/** A column as a dictionary of its distinct values and, per row, the position of its value. */
export interface DictionaryColumn {
  dict: unknown[];
  index: number[];
}

export type Column = unknown[] | DictionaryColumn;

/** A table on the wire: column name to column. */
export type Columns = Record<string, Column>;

const jsonLength = (value: unknown) => JSON.stringify(value).length;

function encodeColumn(values: unknown[]): Column {
  const positions = new Map<unknown, number>();
  const index = values.map((v) => {
    const key = typeof v === "object" && v !== null ? JSON.stringify(v) : v;
    if (!positions.has(key)) positions.set(key, positions.size);
    return positions.get(key)!;
  });
  if (positions.size * 2 > values.length) return values;
  const dict: unknown[] = [];
  values.forEach((v, i) => (dict[index[i]!] ??= v));
  const column = {dict, index};
  return jsonLength(column) < jsonLength(values) ? column : values;
}

/** Rows of one shape as columns; `names` keeps the columns of an empty table (default: the first row's keys). */
export function encodeColumns(rows: readonly object[], names: readonly string[] = rows.length ? Object.keys(rows[0]!) : []): Columns {
  return Object.fromEntries(names.map((name) => [name, encodeColumn(rows.map((r) => (r as Record<string, unknown>)[name] ?? null))]));
}

function decodeColumn(name: string, column: Column): unknown[] {
  if (Array.isArray(column)) return column;
  if (column && Array.isArray(column.dict) && Array.isArray(column.index)) return column.index.map((i) => column.dict[i] ?? null);
  throw new Error(`column ${name}: neither a list nor a dictionary column`);
}

/** The rows back, each with every column; a column of another length than the first is an error, not a gap. */
export function decodeColumns<T>(table: Columns): T[] {
  const columns = Object.entries(table).map(([name, column]) => [name, decodeColumn(name, column)] as const);
  const length = columns[0]?.[1].length ?? 0;
  for (const [name, values] of columns) {
    if (values.length !== length) throw new Error(`column ${name} has ${values.length} values, not ${length}`);
  }
  return Array.from({length}, (_, i) => Object.fromEntries(columns.map(([name, values]) => [name, values[i] ?? null])) as T);
}
