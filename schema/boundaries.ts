import { z } from "zod";
import { source } from "./primitives.ts";

const gss = (prefix: string) => z.string().regex(new RegExp(`^(${prefix})\\d{6}$`), `expected a GSS code starting ${prefix}`);

/**
 * data/reference/lad-to-utla.csv: each 2023 English district whose upper-tier authority has another code
 * (a district of a two-tier county, or a district recoded since 2023). Every other English district is its own upper tier.
 */
export const ladToUtla = z
  .object({
    lad_code: gss("E07|E08"),
    lad_name: z.string().min(1),
    utla_gss_code: gss("E06|E08|E09|E10"),
    utla_name: z.string().min(1),
    source,
  })
  .refine((r) => r.lad_code !== r.utla_gss_code, "a district listed here maps to another code");
export type LadToUtla = z.infer<typeof ladToUtla>;
