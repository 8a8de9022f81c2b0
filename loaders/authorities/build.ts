import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CsvError, parseCsvText, readCsv, writeCsvAtomic } from "../../lib/csv.ts";
import { referenceDir as defaultReferenceDir } from "../../lib/paths.ts";
import { authority } from "../../schema/canonical.ts";
import { authoritySupplement, reorganisation, type SupplementField } from "../../schema/authority-reference.ts";
import { laCode } from "../../schema/primitives.ts";
import { normaliseName } from "./resolve.ts";

export const AUTHORITY_COLUMNS = Object.keys(authority.shape);

/** Every problem found in one run, each naming its file and row; thrown before anything is written. */
export class AuthorityLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`authorities loader: ${problems.length} problem(s)\n  ${problems.join("\n  ")}`);
    this.name = "AuthorityLoadError";
  }
}

const GSS = /^E\d{8}$/;
const commaList = (item: z.ZodString) =>
  z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item));

/** The columns of la-lookup.csv this loader uses, validated at the boundary. */
const lookupRow = z.object({
  urn: z.string().regex(/^\d+$/, "expected a numeric Ofsted URN"),
  la_code: laCode,
  la_code_new: z.string().regex(GSS, "expected a GSS code such as E09000002"),
  stat_neighbours: commaList(laCode),
  stat_neighbours_la_code: commaList(z.string().regex(GSS, "expected GSS codes")),
  local_authority_ons_name: z.string().trim().min(1),
  also_known_as: z
    .string()
    .regex(/^(\[.*\])?$/, 'expected "" or a "[a, b]" list')
    .transform((s) => (s ? s.slice(1, -1).split(",").map((x) => x.trim()).filter(Boolean) : [])),
  region_code: z.string(),
  region_name: z.string().min(1),
  rgn22cd: z.string().regex(/^E12\d{6}$/, "expected an ONS region code"),
  rgn22nm: z.string().min(1),
  ltla23nm: z.string(),
  utla23nm: z.string(),
  country: z.literal("England"),
  "ons_population_0-25": z.string().regex(/^\d*$/, "expected a whole number or blank"),
  ons_la_type: z.string(),
});
type LookupRow = z.infer<typeof lookupRow>;

/** Which lookup column each supplement field corrects. */
const LOOKUP_COLUMN: Partial<Record<SupplementField, keyof LookupRow>> = {
  name: "local_authority_ons_name",
  gss_code: "la_code_new",
  ofsted_urn: "urn",
  ofsted_region_code: "region_code",
  ofsted_region: "region_name",
  ons_region_code: "rgn22cd",
  ons_region: "rgn22nm",
  la_type: "ons_la_type",
  population_0_25: "ons_population_0-25",
};
const LIST_FIELDS = new Set<SupplementField>(["gss_codes_previous", "aliases"]);

/** The GSS prefix of an upper-tier authority fixes its type (ONS coding system). */
const TYPE_BY_PREFIX: Record<string, string> = {
  E06: "Unitary Authority",
  E08: "Metropolitan District",
  E09: "London Borough",
  E10: "County",
};

interface Draft {
  la_code: string;
  scalars: Partial<Record<SupplementField, string>>;
  gss_codes_previous: string[];
  aliases: string[];
  stat_neighbours: string[];
  neighbour_gss: string[];
  where: string;
  lookupSource?: string;
  supplemented: string[];
  folders: string[];
  reorganised: boolean;
  valid_from?: string;
  valid_to?: string;
  successors: string[];
  predecessors: string[];
}

export interface AuthorityInputs {
  /** Folder holding la-lookup.csv and ofsted-reports/ (DESIGN.md section 5). */
  sources: string;
  /** Folder holding reorganisations.csv and authorities-supplement.csv; data/reference by default. */
  referenceDir?: string;
}

/** Build the rows of data/authorities.csv (CSV strings, schema-validated, sorted by la_code). Throws on any problem. */
export function buildAuthorities({ sources, referenceDir = defaultReferenceDir }: AuthorityInputs): Record<string, string>[] {
  const problems: string[] = [];
  const lookupFile = path.join(sources, "la-lookup.csv");
  const lookup = readLookup(lookupFile);
  const reorgFile = path.join(referenceDir, "reorganisations.csv");
  const reorgs = readCsv(reorgFile, reorganisation);
  const supplementFile = path.join(referenceDir, "authorities-supplement.csv");
  const supplement = readCsv(supplementFile, authoritySupplement);
  const folders = readReportFolders(path.join(sources, "ofsted-reports"));

  const drafts = new Map<string, Draft>();
  const lookupByCode = new Map<string, LookupRow>();
  for (const { row, line } of lookup) {
    const where = `${lookupFile} row ${line} (urn ${row.urn})`;
    if (drafts.has(row.la_code)) {
      problems.push(`${where}: la_code ${row.la_code} appears twice`);
      continue;
    }
    lookupByCode.set(row.la_code, row);
    drafts.set(row.la_code, {
      ...emptyDraft(row.la_code, where),
      scalars: Object.fromEntries(
        Object.entries(LOOKUP_COLUMN).map(([field, column]) => [field, String(row[column]).trim()]),
      ),
      aliases: [...splitAlsoKnownAs(row.also_known_as, row.local_authority_ons_name), row.ltla23nm, row.utla23nm].filter(Boolean),
      stat_neighbours: row.stat_neighbours,
      neighbour_gss: row.stat_neighbours_la_code,
      lookupSource: `la-lookup.csv row urn ${row.urn}`,
    });
    if (row.stat_neighbours.length !== row.stat_neighbours_la_code.length) {
      problems.push(`${where}: stat_neighbours lists ${row.stat_neighbours.length} codes but stat_neighbours_la_code ${row.stat_neighbours_la_code.length}`);
    }
  }

  const seenScalar = new Set<string>();
  const addedBySupplement = new Set(supplement.filter((s) => s.field === "name" && !lookupByCode.has(s.la_code)).map((s) => s.la_code));
  supplement.forEach((s, i) => {
    const where = `${supplementFile} row ${i + 2}`;
    if (!lookupByCode.has(s.la_code) && !addedBySupplement.has(s.la_code)) {
      problems.push(`${where}: la_code ${s.la_code} is not in ${lookupFile}, and the supplement does not add it (no name row)`);
      return;
    }
    const draft = drafts.get(s.la_code) ?? emptyDraft(s.la_code, `${supplementFile} (la_code ${s.la_code})`);
    drafts.set(s.la_code, draft);
    const lookupRowForCode = lookupByCode.get(s.la_code);
    const column = LOOKUP_COLUMN[s.field];
    const lookupSays = lookupRowForCode && column ? String(lookupRowForCode[column]).trim() : "";
    if (lookupSays !== s.lookup_value) {
      problems.push(`${where}: expects la-lookup.csv ${column ?? s.field} for ${s.la_code} to be ${JSON.stringify(s.lookup_value)} but it is ${JSON.stringify(lookupSays)}; review this correction`);
      return;
    }
    if (LIST_FIELDS.has(s.field)) {
      (s.field === "aliases" ? draft.aliases : draft.gss_codes_previous).push(s.value);
    } else {
      const key = `${s.la_code}:${s.field}`;
      if (seenScalar.has(key)) problems.push(`${where}: ${s.field} for ${s.la_code} is supplied twice`);
      seenScalar.add(key);
      draft.scalars[s.field] = s.value;
    }
    if (!draft.supplemented.includes(s.field)) draft.supplemented.push(s.field);
  });

  const byUrn = new Map([...drafts.values()].filter((d) => d.scalars.ofsted_urn).map((d) => [d.scalars.ofsted_urn!, d]));
  for (const f of folders) {
    const draft = byUrn.get(f.urn);
    if (!draft) problems.push(`${f.path}: folder URN ${f.urn} matches no authority's Ofsted URN in ${lookupFile}`);
    else {
      draft.aliases.push(f.name);
      draft.folders.push(f.folder);
    }
  }

  reorgs.forEach((r, i) => {
    const where = `${reorgFile} row ${i + 2}`;
    const pred = drafts.get(r.predecessor_la_code);
    const succ = drafts.get(r.successor_la_code);
    if (!pred || !succ) {
      problems.push(`${where}: la_code ${!pred ? r.predecessor_la_code : r.successor_la_code} is neither in ${lookupFile} nor in the supplement`);
      return;
    }
    const lastDay = dayBefore(r.date);
    if ((pred.valid_to && pred.valid_to !== lastDay) || (succ.valid_from && succ.valid_from !== r.date)) {
      problems.push(`${where}: date ${r.date} disagrees with another row for ${r.predecessor_la_code} or ${r.successor_la_code}`);
    }
    pred.valid_to = lastDay;
    succ.valid_from = r.date;
    pred.successors.push(r.successor_la_code);
    succ.predecessors.push(r.predecessor_la_code);
    pred.reorganised = succ.reorganised = true;
  });

  problems.push(...crossCheck([...drafts.values()]));

  const rows = [...drafts.values()]
    .sort((a, b) => a.la_code.localeCompare(b.la_code))
    .map((d) => {
      const record = toRecord(d);
      const result = authority.safeParse(record);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        problems.push(`${d.where}: ${issue.path.join(".") || "(row)"}: ${issue.message} (value ${JSON.stringify(record[String(issue.path[0])] ?? null)})`);
      }
      return record;
    });
  if (problems.length > 0) throw new AuthorityLoadError(problems);
  return rows;
}

/** Build, then write data/authorities.csv atomically; on any problem the existing file is left untouched. */
export function writeAuthorities(inputs: AuthorityInputs & { out: string }): { rows: number; current: number; predecessors: number } {
  const rows = buildAuthorities(inputs);
  writeCsvAtomic(inputs.out, rows, AUTHORITY_COLUMNS);
  const predecessors = rows.filter((r) => r.status === "predecessor").length;
  return { rows: rows.length, current: rows.length - predecessors, predecessors };
}

function readLookup(file: string): { row: LookupRow; line: number }[] {
  if (!fs.existsSync(file)) throw new CsvError(file, "file not found");
  const records = parseCsvText(fs.readFileSync(file, "utf8"), file);
  if (records.length === 0) throw new CsvError(file, "no data rows");
  const missing = Object.keys(lookupRow.shape).filter((c) => !(c in records[0]!));
  if (missing.length > 0) throw new CsvError(file, `missing column(s) ${missing.join(", ")}`);
  const problems: string[] = [];
  const rows = records.flatMap((record, i) => {
    const result = lookupRow.safeParse(record);
    if (result.success) return [{ row: result.data, line: i + 2 }];
    const issue = result.error.issues[0]!;
    const column = String(issue.path[0] ?? "(row)");
    problems.push(`${file} row ${i + 2} (urn ${record.urn ?? "?"}), column ${column}: ${issue.message} (value ${JSON.stringify(record[column] ?? null)})`);
    return [];
  });
  if (problems.length > 0) throw new AuthorityLoadError(problems);
  return rows;
}

function readReportFolders(dir: string): { urn: string; name: string; folder: string; path: string }[] {
  if (!fs.existsSync(dir)) throw new CsvError(dir, "folder not found: the loader takes aliases from the report folder names");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const m = /^(\d+)_(.+)$/.exec(e.name);
      if (!m) throw new CsvError(path.join(dir, e.name), "report folder name is not <urn>_<name>");
      return { urn: m[1]!, name: m[2]!.trim(), folder: e.name, path: path.join(dir, e.name) };
    })
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

function emptyDraft(la_code: string, where: string): Draft {
  return {
    la_code,
    scalars: {},
    gss_codes_previous: [],
    aliases: [],
    stat_neighbours: [],
    neighbour_gss: [],
    where,
    supplemented: [],
    folders: [],
    reorganised: false,
    successors: [],
    predecessors: [],
  };
}

/** Checks across rows: neighbours exist, GSS codes agree, one name per region code, type matches GSS prefix. */
function crossCheck(drafts: Draft[]): string[] {
  const problems: string[] = [];
  const byCode = new Map(drafts.map((d) => [d.la_code, d]));
  const gssOwner = new Map<string, string>();
  for (const d of drafts) {
    for (const g of [d.scalars.gss_code ?? "", ...d.gss_codes_previous].filter(Boolean)) {
      const other = gssOwner.get(g);
      if (other && other !== d.la_code) problems.push(`${d.where}: GSS code ${g} also belongs to ${other}`);
      gssOwner.set(g, d.la_code);
    }
    d.stat_neighbours.forEach((n, i) => {
      const neighbour = byCode.get(n);
      const gss = d.neighbour_gss[i];
      if (n === d.la_code) problems.push(`${d.where}: lists itself as a statistical neighbour`);
      else if (!neighbour) problems.push(`${d.where}: statistical neighbour ${n} is not an authority`);
      else if (gss && gss !== neighbour.scalars.gss_code && !neighbour.gss_codes_previous.includes(gss)) {
        problems.push(`${d.where}: statistical neighbour ${n} is given GSS code ${gss}, which is neither its current nor a previous code`);
      }
    });
    for (const a of d.aliases) if (a.includes("|")) problems.push(`${d.where}: alias ${JSON.stringify(a)} contains "|", the list separator`);
    const expectedType = TYPE_BY_PREFIX[(d.scalars.gss_code ?? "").slice(0, 3)];
    if (expectedType && d.scalars.la_type !== expectedType) {
      problems.push(`${d.where}: la_type ${JSON.stringify(d.scalars.la_type ?? "")} but GSS code ${d.scalars.gss_code} is a ${expectedType}`);
    }
  }
  for (const [codeField, nameField] of [["ofsted_region_code", "ofsted_region"], ["ons_region_code", "ons_region"]] as const) {
    const usual = (pairs: [string, string][]) => {
      const counts = new Map<string, Map<string, number>>();
      for (const [k, v] of pairs) counts.set(k, (counts.get(k) ?? new Map()).set(v, (counts.get(k)?.get(v) ?? 0) + 1));
      return new Map([...counts].map(([k, m]) => [k, [...m].sort((a, b) => b[1] - a[1])[0]![0]]));
    };
    const pairs = drafts.map((d): [string, string] => [d.scalars[codeField] ?? "", d.scalars[nameField] ?? ""]);
    const nameForCode = usual(pairs);
    const codeForName = usual(pairs.map(([c, n]) => [n, c]));
    drafts.forEach((d, i) => {
      const [code, name] = pairs[i]!;
      const usually = [
        nameForCode.get(code) !== name ? `${JSON.stringify(code)} is ${JSON.stringify(nameForCode.get(code))}` : "",
        codeForName.get(name) !== code ? `${JSON.stringify(name)} is ${JSON.stringify(codeForName.get(name))}` : "",
      ].filter(Boolean);
      if (usually.length > 0) {
        problems.push(`${d.where}: ${codeField} ${JSON.stringify(code)} with ${nameField} ${JSON.stringify(name)}, but on most rows ${usually.join(" and ")}`);
      }
    });
  }
  return problems;
}

function toRecord(d: Draft): Record<string, string> {
  const s = d.scalars;
  const name = s.name ?? "";
  const aliases: string[] = [];
  const seen = new Set([name.toLowerCase()]);
  for (const a of d.aliases) {
    if (seen.has(a.toLowerCase())) continue;
    seen.add(a.toLowerCase());
    aliases.push(a);
  }
  const sources = [
    d.lookupSource,
    d.supplemented.length > 0 ? `authorities-supplement.csv (${d.supplemented.join(", ")})` : undefined,
    ...d.folders.map((f) => `ofsted-reports folder ${f}`),
    d.reorganised ? "reorganisations.csv" : undefined,
  ].filter(Boolean);
  return {
    la_code: d.la_code,
    gss_code: s.gss_code ?? "",
    gss_codes_previous: d.gss_codes_previous.join("|"),
    name,
    aliases: aliases.join("|"),
    ofsted_urn: s.ofsted_urn ?? "",
    ofsted_region_code: s.ofsted_region_code ?? "",
    ofsted_region: s.ofsted_region ?? "",
    ons_region_code: s.ons_region_code ?? "",
    ons_region: s.ons_region ?? "",
    la_type: s.la_type ?? "",
    stat_neighbours: d.stat_neighbours.join("|"),
    population_0_25: s.population_0_25 ?? "",
    status: d.successors.length > 0 ? "predecessor" : "current",
    valid_from: d.valid_from ?? "",
    valid_to: d.valid_to ?? "",
    successors: d.successors.join("|"),
    predecessors: d.predecessors.join("|"),
    source: sources.join("; "),
  };
}

/**
 * also_known_as is "[a, b]" but names may themselves hold a comma ("Bournemouth, Christchurch & Poole"):
 * adjacent items that together spell the authority's own name are one item.
 */
function splitAlsoKnownAs(items: string[], name: string): string[] {
  const out: string[] = [];
  for (const item of items) {
    const joined = out.length > 0 ? `${out[out.length - 1]}, ${item}` : "";
    if (joined && normaliseName(joined) === normaliseName(name)) out[out.length - 1] = joined;
    else out.push(item);
  }
  return out;
}

function dayBefore(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
