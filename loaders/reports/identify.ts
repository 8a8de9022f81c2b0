import path from "node:path";
import { readCsv } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { authority } from "../../schema/canonical.ts";
import { type AuthorityResolver, buildResolver } from "../authorities/resolve.ts";
import { Quarantine } from "./lines.ts";

/** data/authorities.csv as ingest needs it: a resolver, names for messages, and who succeeded whom. */
export interface Authorities {
  resolver: AuthorityResolver;
  names: Map<string, string>;
  related: Map<string, Set<string>>;
}

export function loadAuthorities(file = path.join(dataDir, "authorities.csv")): Authorities {
  const rows = readCsv(file, authority);
  const related = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!related.has(a)) related.set(a, new Set());
    related.get(a)!.add(b);
  };
  for (const a of rows) {
    for (const b of [...a.successors, ...a.predecessors]) {
      link(a.la_code, b);
      link(b, a.la_code);
    }
  }
  return { resolver: buildResolver(rows), names: new Map(rows.map((a) => [a.la_code, a.name])), related };
}

const LEADING = /^(the|royal|london|borough|city|county|council|metropolitan|of)\s+/i;
const TRAILING = /\s+(council|city|of|district|metropolitan|borough|county|local authority|unitary authority|children['’]s services)$/i;

/** Ways a report may write an authority's name, most literal first ("Wakefield District Metropolitan Council" -> "Wakefield"). */
function nameVariants(name: string): string[] {
  const out = [name];
  let s = name
    .replace(/\b(local )?safeguarding children['’]?s? board\b.*$/i, "")
    .replace(/\bchildren(['’]s| and families) trust\b.*$/i, "")
    .replace(/\(.*?\)/g, "")
    .trim();
  out.push(s);
  for (let prev = ""; prev !== s; ) {
    prev = s;
    s = s.replace(LEADING, "").replace(TRAILING, "").trim();
  }
  out.push(s);
  return [...new Set(out.filter((n) => n.length > 1))];
}

function resolveName(auth: Authorities, name: string, asAt: string): string | null {
  for (const n of nameVariants(name)) {
    const code = auth.resolver.resolve(n, asAt);
    if (code) return code;
  }
  return null;
}

/** The authority a folder such as "80426_barnsley" names (by name as at the date, else by Ofsted URN). */
function resolveFolder(auth: Authorities, folder: string, asAt: string): string | null {
  const m = /^(\d+)_(.+)$/.exec(folder);
  const byName = resolveName(auth, m ? m[2]! : folder, asAt);
  if (byName || !m) return byName;
  return auth.resolver.resolve(m[1]!);
}

/**
 * The authority a report is about: the name in its title, as at the inspection date; the folder it
 * sits in when the title does not resolve. A title and folder naming unrelated authorities is an error.
 */
export function identifyAuthority(auth: Authorities, titleName: string | null, folder: string, asAt: string): { code: string; note?: string } {
  const fromTitle = titleName ? resolveName(auth, titleName, asAt) : null;
  const fromFolder = resolveFolder(auth, folder, asAt);
  if (fromTitle && fromFolder && fromTitle !== fromFolder && !auth.related.get(fromTitle)?.has(fromFolder)) {
    throw new Quarantine(
      `authority mismatch: the title names "${titleName}" (${fromTitle} ${auth.names.get(fromTitle)}) but the folder "${folder}" is ${fromFolder} ${auth.names.get(fromFolder)}`,
    );
  }
  const code = fromTitle ?? fromFolder;
  if (code && !fromTitle) return { code, note: `authority ${code} from the folder name: the title name ${titleName ? `"${titleName}"` : "(none found)"} is not in data/authorities.csv` };
  if (!code) {
    throw new Quarantine(
      `unknown authority: neither the title name ${titleName ? `"${titleName}"` : "(none found)"} nor the folder "${folder}" matches data/authorities.csv as at ${asAt}`,
    );
  }
  return { code };
}
