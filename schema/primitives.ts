import { z } from "zod";

/** ISO calendar date, as every date column in data/ is written. */
export const isoDate = z.iso.date({ message: "expected a real calendar date as YYYY-MM-DD" });

/** Empty CSV cells arrive as "": treat them as absent. */
export const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

/** An optional CSV cell (warehouse/validate.ts recognises blankToNull when it states a schema in SQL). */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable());

/** A list stored in one CSV cell, separated by "|". */
export const pipeList = z
  .string()
  .transform((s) => (s === "" ? [] : s.split("|").map((x) => x.trim())));

/** DfE/Ofsted three-digit local authority code: the authority key everywhere. */
export const laCode = z.string().regex(/^\d{3}$/, "expected a three-digit LA code");

/** Where a row came from: a document and a locator (paragraph, page, table) or a file. */
export const source = z.string().min(1, "every row needs a source");

export const intFromCsv = z.coerce.number().int();
