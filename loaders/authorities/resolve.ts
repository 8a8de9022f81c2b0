/**
 * Resolve how a source names an authority to its la_code (the key of data/authorities.csv).
 *
 *   const resolver = loadResolver();                 // or buildResolver(rows) from parsed authorities
 *   resolver.resolve("London Borough of Barnet")     // "302"
 *   resolver.resolve("E10000002")                    // "825" (a previous GSS code of Buckinghamshire)
 *   resolver.resolve("Dorset", "2018-06-01")         // "835", the county before the 2019 reorganisation
 *   resolver.resolve("Dorset", "2021-11-19")         // "838"
 *   resolver.resolve("Dorset")                       // throws AmbiguousAuthorityError: pass a date
 *   resolver.resolve("Narnia")                       // null: the caller reports the file
 *
 * Accepts an la_code, a GSS code (current or previous), an Ofsted URN, the name or any alias. Names are
 * compared after normaliseName: case, "&"/"and", punctuation, "St."/"Saint", and council prefixes and
 * suffixes ("London Borough of", "City of", "County Council", ...) do not matter.
 * With asAt (YYYY-MM-DD), a name only matches authorities that existed on that date (valid_from..valid_to,
 * both inclusive), so an authority abolished before asAt, or created after it, gives null.
 * Without asAt, a name shared by a predecessor and its successor throws AmbiguousAuthorityError.
 * Codes identify one authority whatever the date, so asAt does not apply to them.
 */
import path from "node:path";
import { readCsv } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { authority, type Authority } from "../../schema/canonical.ts";

export interface AuthorityResolver {
  resolve(nameOrCode: string, asAt?: string): string | null;
}

export class AmbiguousAuthorityError extends Error {
  constructor(
    readonly query: string,
    readonly candidates: string[],
  ) {
    super(`"${query}" names more than one authority (${candidates.join(", ")}): pass the date the source refers to`);
    this.name = "AmbiguousAuthorityError";
  }
}

const PREFIXES = [
  "the",
  "london borough of",
  "royal borough of",
  "metropolitan borough of",
  "city and county of",
  "city of",
  "borough of",
  "county of",
  "council of",
];
const SUFFIXES = [
  "metropolitan district council",
  "metropolitan borough council",
  "city council",
  "county council",
  "borough council",
  "district council",
  "council",
  "corporation",
];

/** The comparison form of a name: "Royal Borough of Kingston-upon-Thames Council" -> "kingston upon thames". */
export function normaliseName(name: string): string {
  let s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/^(.*?),\s*(city of|county of)\s*$/, "$2 $1")
    .replace(/&/g, " and ")
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\bsaint\b/g, "st")
    .trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of PREFIXES) {
      if (s.startsWith(`${p} `)) {
        s = s.slice(p.length + 1);
        changed = true;
      }
    }
    for (const x of SUFFIXES) {
      if (s.endsWith(` ${x}`)) {
        s = s.slice(0, -x.length - 1);
        changed = true;
      }
    }
  }
  return s;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const existsOn = (a: Authority, date: string) => (!a.valid_from || a.valid_from <= date) && (!a.valid_to || date <= a.valid_to);
const overlap = (a: Authority, b: Authority) =>
  (!a.valid_from || !b.valid_to || a.valid_from <= b.valid_to) && (!b.valid_from || !a.valid_to || b.valid_from <= a.valid_to);

/** Build a resolver; throws if two authorities share a code, or a name while both exist. */
export function buildResolver(rows: Authority[]): AuthorityResolver {
  const byCode = new Map<string, string>();
  const byName = new Map<string, Authority[]>();
  const rowsByCode = new Map(rows.map((a) => [a.la_code, a]));
  for (const a of rows) {
    for (const code of [a.la_code, a.gss_code, ...a.gss_codes_previous, a.ofsted_urn ? `urn:${a.ofsted_urn}` : ""]) {
      if (!code) continue;
      const other = byCode.get(code);
      if (other && other !== a.la_code) throw new Error(`authorities ${other} and ${a.la_code} share the code ${code}`);
      byCode.set(code, a.la_code);
    }
    for (const n of new Set([a.name, ...a.aliases].map(normaliseName))) {
      const list = byName.get(n) ?? [];
      const clash = list.find((b) => overlap(a, b));
      if (clash) throw new Error(`"${n}" names both ${clash.la_code} and ${a.la_code} while both exist`);
      byName.set(n, [...list, a]);
    }
  }
  return {
    resolve(nameOrCode, asAt) {
      if (asAt !== undefined && !ISO_DATE.test(asAt)) throw new Error(`asAt must be a YYYY-MM-DD date, got ${JSON.stringify(asAt)}`);
      const q = nameOrCode.trim();
      if (/^\d{3}$/.test(q) && rowsByCode.has(q)) return q;
      if (/^E\d{8}$/i.test(q)) return byCode.get(q.toUpperCase()) ?? null;
      if (/^\d+$/.test(q)) return byCode.get(`urn:${q}`) ?? null;
      const candidates = (byName.get(normaliseName(q)) ?? []).filter((a) => asAt === undefined || existsOn(a, asAt));
      if (candidates.length > 1) throw new AmbiguousAuthorityError(q, candidates.map((a) => a.la_code));
      return candidates[0]?.la_code ?? null;
    },
  };
}

/** A resolver over the committed data/authorities.csv (or another file in the same schema). */
export function loadResolver(file = path.join(dataDir, "authorities.csv")): AuthorityResolver {
  return buildResolver(readCsv(file, authority));
}
