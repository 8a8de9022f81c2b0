import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readCsv } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { authority } from "../../schema/canonical.ts";
import type { LadToUtla } from "../../schema/boundaries.ts";
import { laCode } from "../../schema/primitives.ts";
import type { UpperTier } from "./dissolve.ts";

export interface AuthorityCode extends UpperTier {
  gss_code: string;
}

const laLookupRow = z.object({
  la_code: laCode,
  la_code_new: z.string().regex(/^E\d{8}$/),
  local_authority_ons_name: z.string().min(1),
});

/**
 * Upper-tier authority codes: the current rows of data/authorities.csv when it exists, otherwise every row of
 * the raw la-lookup.csv (which does not mark predecessors; 2023 districts only reach current authorities).
 */
export function readAuthorityCodes(sources: string): { file: string; authorities: AuthorityCode[] } {
  const canonical = path.join(dataDir, "authorities.csv");
  if (fs.existsSync(canonical)) {
    const authorities = readCsv(canonical, authority)
      .filter((a) => a.status === "current")
      .map((a) => ({ la_code: a.la_code, gss_code: a.gss_code, name: a.name }));
    return { file: canonical, authorities };
  }
  const lookup = path.join(sources, "la-lookup.csv");
  const authorities = readCsv(lookup, laLookupRow).map((r) => ({
    la_code: r.la_code,
    gss_code: r.la_code_new,
    name: r.local_authority_ons_name,
  }));
  return { file: lookup, authorities };
}

/** English district codes (2023 LAD23CD) of the kinds that make up upper-tier authorities. */
export const isEnglishDistrict = (code: string) => /^E0[6-9]\d{6}$/.test(code);

/**
 * Assign each English district to its upper-tier authority: through the lad-to-utla mapping when listed,
 * otherwise the district is its own upper tier. Every problem is collected into one error.
 */
export function assignDistricts(
  districtCodes: string[],
  mapping: LadToUtla[],
  authorities: AuthorityCode[],
): Map<string, AuthorityCode> {
  const byGss = new Map(authorities.map((a) => [a.gss_code, a]));
  const byLad = new Map<string, LadToUtla>();
  const problems: string[] = [];
  for (const row of mapping) {
    if (byLad.has(row.lad_code)) problems.push(`${row.lad_code} is mapped twice`);
    byLad.set(row.lad_code, row);
  }
  const districts = new Set(districtCodes);
  for (const code of byLad.keys()) if (!districts.has(code)) problems.push(`mapped district ${code} has no boundary`);

  const assigned = new Map<string, AuthorityCode>();
  for (const code of districtCodes) {
    const gss = byLad.get(code)?.utla_gss_code ?? code;
    const tier = byGss.get(gss);
    if (tier) assigned.set(code, tier);
    else problems.push(`district ${code} -> ${gss}: not an upper-tier authority`);
  }
  if (problems.length > 0) throw new Error(`district to upper-tier mapping: ${problems.join("; ")}`);
  return assigned;
}
