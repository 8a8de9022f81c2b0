import { describe, expect, it } from "vitest";
import { decodeColumns, encodeColumns } from "../src/components/columns.ts";

describe("the wire format (src/components/columns.ts)", () => {
  it("gives back the rows it was given, a missing value as null", () => {
    const rows = [
      { la_code: "301", theme: "overall", grade: 2, n: [1, 2, 3, 4] },
      { la_code: "302", theme: "overall", grade: null, n: [0, 0, 0, 1] },
      { la_code: "303", theme: "lscb", grade: undefined, n: [1, 2, 3, 4] },
    ];
    expect(decodeColumns(JSON.parse(JSON.stringify(encodeColumns(rows))))).toEqual([
      { la_code: "301", theme: "overall", grade: 2, n: [1, 2, 3, 4] },
      { la_code: "302", theme: "overall", grade: null, n: [0, 0, 0, 1] },
      { la_code: "303", theme: "lscb", grade: null, n: [1, 2, 3, 4] },
    ]);
  });

  it("sends a column of few distinct values as a dictionary when that is shorter, and the rest as lists", () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ scope: i % 2 ? "Yorkshire and the Humber" : "England", i }));
    const encoded = encodeColumns(rows);
    expect(encoded.scope).toEqual({ dict: ["England", "Yorkshire and the Humber"], index: rows.map((_, i) => i % 2) });
    expect(encoded.i).toEqual(rows.map((r) => r.i));
    expect(decodeColumns(encoded)).toEqual(rows);
  });

  it("keeps the columns of a table with no rows, and decodes it to no rows", () => {
    expect(encodeColumns([], ["la_code", "grade"])).toEqual({ la_code: [], grade: [] });
    expect(decodeColumns({ la_code: [], grade: [] })).toEqual([]);
    expect(decodeColumns({})).toEqual([]);
  });

  it("refuses columns of different lengths rather than filling the gap", () => {
    expect(() => decodeColumns({ a: [1, 2], b: [1] })).toThrow("column b has 1 values, not 2");
    expect(() => decodeColumns({ a: 3 as unknown as number[] })).toThrow("column a: neither a list nor a dictionary column");
  });
});
