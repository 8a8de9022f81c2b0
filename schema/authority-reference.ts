import { z } from "zod";
import { isoDate, laCode, source } from "./primitives.ts";

/** data/reference/reorganisations.csv: one row per predecessor -> successor link, dated when the change took effect. */
export const reorganisation = z.object({
  predecessor_la_code: laCode,
  successor_la_code: laCode,
  date: isoDate,
  source,
});
export type Reorganisation = z.infer<typeof reorganisation>;

/** Authority fields the supplement may supply; list fields (gss_codes_previous, aliases) add one value per row. */
export const supplementField = z.enum([
  "name",
  "gss_code",
  "gss_codes_previous",
  "aliases",
  "ofsted_urn",
  "ofsted_region_code",
  "ofsted_region",
  "ons_region_code",
  "ons_region",
  "la_type",
  "population_0_25",
]);
export type SupplementField = z.infer<typeof supplementField>;

/**
 * data/reference/authorities-supplement.csv: a fact la-lookup.csv lacks or gets wrong, one field per row.
 * lookup_value is what the lookup says for that field ("" when blank or the authority is not in the lookup);
 * the loader fails if the lookup no longer says it, so a correction is reviewed when the lookup changes.
 */
export const authoritySupplement = z.object({
  la_code: laCode,
  field: supplementField,
  value: z.string(),
  lookup_value: z.string(),
  source,
});
export type AuthoritySupplement = z.infer<typeof authoritySupplement>;
