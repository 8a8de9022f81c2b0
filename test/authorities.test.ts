import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCsv, toCsvText } from "../lib/csv.ts";
import { dataDir, referenceDir } from "../lib/paths.ts";
import { AUTHORITY_COLUMNS, buildAuthorities, writeAuthorities } from "../loaders/authorities/build.ts";
import { AmbiguousAuthorityError, buildResolver, normaliseName } from "../loaders/authorities/resolve.ts";
import { authoritySupplement, reorganisation } from "../schema/authority-reference.ts";
import { authority } from "../schema/canonical.ts";
import { corpusDir, describeWithCorpus } from "./support/sources.ts";

const file = path.join(dataDir, "authorities.csv");
const rows = readCsv(file, authority);
const byCode = new Map(rows.map((a) => [a.la_code, a]));
const get = (code: string) => {
  const a = byCode.get(code);
  if (!a) throw new Error(`no authority ${code}`);
  return a;
};
const resolver = buildResolver(rows);

describe("data/authorities.csv", () => {
  it("has the schema's columns in order and every row validates", () => {
    const header = fs.readFileSync(file, "utf8").split("\n")[0];
    expect(header).toBe(AUTHORITY_COLUMNS.join(","));
    expect(rows).toHaveLength(158);
  });

  it("has 153 current authorities and the five predecessors", () => {
    expect(rows.filter((a) => a.status === "current")).toHaveLength(153);
    expect(rows.filter((a) => a.status === "predecessor").map((a) => a.la_code).sort()).toEqual(["835", "836", "837", "909", "928"]);
    expect(new Set(rows.map((a) => a.gss_code)).size).toBe(rows.length);
  });

  it.each([
    ["909", "Cumbria", "2023-03-31", ["942", "943"]],
    ["928", "Northamptonshire", "2021-03-31", ["940", "941"]],
    ["835", "Dorset", "2019-03-31", ["838", "839"]],
    ["836", "Poole", "2019-03-31", ["839"]],
    ["837", "Bournemouth", "2019-03-31", ["839"]],
  ])("predecessor %s %s ends %s and links to %j", (code, name, validTo, successors) => {
    const a = get(code);
    expect(a).toMatchObject({ name, status: "predecessor", valid_to: validTo, successors });
    for (const s of successors) {
      const succ = get(s);
      expect(succ.status).toBe("current");
      expect(succ.predecessors).toContain(code);
      expect(succ.valid_from).toBe(dayAfter(validTo));
    }
  });

  it("models the 2019 Dorset reorganisation in both directions", () => {
    expect(get("839").predecessors).toEqual(["835", "836", "837"]);
    expect(get("838").predecessors).toEqual(["835"]);
    expect(get("835")).toMatchObject({ gss_code: "E10000009", la_type: "County", ons_region_code: "E12000009" });
    expect(get("837")).toMatchObject({ gss_code: "E06000028", la_type: "Unitary Authority" });
  });

  it("keeps one row per la_code across GSS code changes", () => {
    expect(get("825")).toMatchObject({ gss_code: "E06000060", gss_codes_previous: ["E10000002"], status: "current", valid_from: null });
    expect(get("815")).toMatchObject({ gss_code: "E06000065", gss_codes_previous: ["E10000023"], la_type: "Unitary Authority" });
    expect(get("933").gss_codes_previous).toEqual(["E10000027"]);
    expect(get("370").gss_codes_previous).toEqual(["E08000016"]);
    expect(get("373").gss_codes_previous).toEqual(["E08000019"]);
  });

  it("every statistical neighbour is another authority in the table", () => {
    for (const a of rows) {
      for (const n of a.stat_neighbours) {
        expect(byCode.has(n), `${a.la_code} neighbour ${n}`).toBe(true);
        expect(n).not.toBe(a.la_code);
      }
    }
    expect(get("302").stat_neighbours).toEqual(["320", "870", "310", "317", "315", "306", "209", "312", "309", "307"]);
    const withoutNeighbours = rows.filter((a) => a.stat_neighbours.length === 0).map((a) => a.la_code).sort();
    expect(withoutNeighbours).toEqual(["835", "836", "837", "909", "928"]);
  });

  it("carries the lookup's corrections", () => {
    expect(get("916")).toMatchObject({ ons_region_code: "E12000009", ons_region: "South West" });
    expect(get("825")).toMatchObject({ ons_region_code: "E12000008", ons_region: "South East" });
    expect(get("909")).toMatchObject({ ofsted_region_code: "NW", ofsted_region: "North West" });
    expect(get("887").ofsted_region_code).toBe("SE");
    expect(get("942")).toMatchObject({ la_type: "Unitary Authority", population_0_25: null });
    expect(get("840")).toMatchObject({ population_0_25: 151395, ofsted_urn: "80465", ofsted_region: "North East" });
    const regionNames = new Map<string, Set<string>>();
    for (const a of rows) regionNames.set(a.ons_region_code, (regionNames.get(a.ons_region_code) ?? new Set()).add(a.ons_region));
    expect([...regionNames.values()].every((names) => names.size === 1)).toBe(true);
    expect(regionNames.size).toBe(9);
  });

  it("keeps a comma-holding alias whole", () => {
    expect(get("839").aliases).toContain("Bournemouth, Christchurch & Poole");
    expect(get("839").aliases).not.toContain("Bournemouth");
    expect(get("810").aliases).toEqual(expect.arrayContaining(["Hull", "Kingston Upon Hull"]));
  });

  it("reference tables validate and every row has a source", () => {
    const reorgs = readCsv(path.join(referenceDir, "reorganisations.csv"), reorganisation);
    expect(reorgs).toHaveLength(8);
    for (const r of reorgs) expect(r.source).toMatch(/\(Structural Changes\) Order 20\d\d \(SI 20\d\d\/\d+\)/);
    const supplement = readCsv(path.join(referenceDir, "authorities-supplement.csv"), authoritySupplement);
    expect(supplement.filter((s) => s.la_code === "835").map((s) => s.field)).toContain("gss_code");
  });
});

describe("resolver", () => {
  it.each([
    ["London Borough of Barnet", "302"],
    ["Royal Borough of Kingston upon Thames", "314"],
    ["Kingston upon Hull City Council", "810"],
    ["Hull", "810"],
    ["City of York Council", "816"],
    ["Durham County Council", "840"],
    ["County Durham", "840"],
    ["Bristol City Council", "801"],
    ["Telford & Wrekin", "894"],
    ["Windsor and Maidenhead", "868"],
    ["Royal Borough of Windsor & Maidenhead", "868"],
    ["Southend-on-Sea Borough Council", "882"],
    ["St. Helens", "342"],
    ["St Helens Council", "342"],
    ["Saint Helens", "342"],
    ["City of London Corporation", "201"],
    ["Council of the Isles of Scilly", "420"],
    ["Herefordshire Council", "884"],
    ["County of Herefordshire", "884"],
    ["Metropolitan Borough of Barnsley Council", "370"],
    ["City of Bradford Metropolitan District Council", "380"],
    ["BCP", "839"],
    ["Bournemouth, Christchurch and Poole Council", "839"],
    ["the London Borough of Hammersmith & Fulham", "205"],
    ["Bedford Borough Council", "822"],
    ["Leicester City Council", "856"],
    ["Leicestershire County Council", "855"],
    ["Buckinghamshire County Council", "825"],
    ["Poole", "836"],
  ])("%s -> %s", (name, code) => {
    expect(resolver.resolve(name)).toBe(code);
  });

  it("resolves codes: la_code, current and previous GSS, Ofsted URN", () => {
    expect(resolver.resolve("825")).toBe("825");
    expect(resolver.resolve("E06000060")).toBe("825");
    expect(resolver.resolve("e10000002")).toBe("825");
    expect(resolver.resolve("E08000016")).toBe("370");
    expect(resolver.resolve("80442")).toBe("825");
    expect(resolver.resolve("2532283")).toBe("838");
    expect(resolver.resolve("E10000009", "2024-01-01")).toBe("835");
  });

  it("chooses between a predecessor and its successor by date, never silently", () => {
    expect(resolver.resolve("Dorset", "2019-03-31")).toBe("835");
    expect(resolver.resolve("Dorset County Council", "2014-10-28")).toBe("835");
    expect(resolver.resolve("Dorset", "2019-04-01")).toBe("838");
    expect(resolver.resolve("Dorset Council", "2025-05-09")).toBe("838");
    expect(() => resolver.resolve("Dorset")).toThrow(AmbiguousAuthorityError);
    expect(() => resolver.resolve("Dorset")).toThrow(/835, 838/);
    expect(resolver.resolve("Northamptonshire", "2019-06-01")).toBe("928");
    expect(resolver.resolve("Northamptonshire County Council")).toBe("928");
    expect(resolver.resolve("Northamptonshire", "2021-04-01")).toBeNull();
    expect(resolver.resolve("North Northamptonshire", "2022-11-25")).toBe("940");
    expect(resolver.resolve("Bournemouth", "2014-10-28")).toBe("837");
    expect(resolver.resolve("Cumbria County Council", "2022-07-01")).toBe("909");
    expect(resolver.resolve("Cumberland", "2024-11-26")).toBe("942");
    expect(resolver.resolve("Buckinghamshire", "2014-08-08")).toBe("825");
    expect(resolver.resolve("Buckinghamshire", "2025-05-14")).toBe("825");
  });

  it("returns null for unknown names and codes, and rejects a malformed date", () => {
    expect(resolver.resolve("Narnia")).toBeNull();
    expect(resolver.resolve("London")).toBe("201");
    expect(resolver.resolve("999")).toBeNull();
    expect(resolver.resolve("E06999999")).toBeNull();
    expect(() => resolver.resolve("Dorset", "1 April 2019")).toThrow(/YYYY-MM-DD/);
  });

  it("normalises titles the same way on both sides", () => {
    expect(normaliseName("Bristol, City of")).toBe("bristol");
    expect(normaliseName("Kingston Upon Hull, City of")).toBe("kingston upon hull");
    expect(normaliseName("Royal Borough of Kingston-upon-Thames Council")).toBe("kingston upon thames");
    expect(normaliseName("Southend-on-Sea")).toBe("southend on sea");
  });

  it("refuses a table where one name means two authorities at once", () => {
    const clash = [get("302"), { ...get("303"), aliases: ["Barnet"] }];
    expect(() => buildResolver(clash)).toThrow(/"barnet" names both 302 and 303/);
  });
});

describeWithCorpus("corpus folders", () => {
  it("every folder resolves, by URN and by name as at each report's date, to the same authority", () => {
    const reports = path.join(corpusDir, "ofsted-reports");
    const folders = fs.readdirSync(reports).filter((f) => fs.statSync(path.join(reports, f)).isDirectory());
    expect(folders.length).toBeGreaterThanOrEqual(150);
    const failures: string[] = [];
    for (const folder of folders) {
      const [, urn, name] = /^(\d+)_(.+)$/.exec(folder)!;
      const code = resolver.resolve(urn!);
      if (!code) failures.push(`${folder}: URN unresolved`);
      for (const pdf of fs.readdirSync(path.join(reports, folder))) {
        const asAt = dateInFileName(pdf);
        const byName = resolver.resolve(name!, asAt);
        if (byName !== code) failures.push(`${folder}/${pdf}: name resolves to ${byName}, URN to ${code}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("the committed table is what the loader builds from the sources", () => {
    const built = toCsvText(buildAuthorities({ sources: corpusDir }), AUTHORITY_COLUMNS);
    expect(built).toBe(fs.readFileSync(file, "utf8"));
  });
});

describe("loader errors", () => {
  const made: string[] = [];
  const tmp = () => {
    made.push(fs.mkdtempSync(path.join(os.tmpdir(), "authorities-")));
    return made[made.length - 1]!;
  };
  afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const header =
    "urn,la_code,la_code_new,stat_neighbours,stat_neighbours_la_code,stat_neighbours_previous,local_authority_ons_name,also_known_as,region_code,region_name,domain,ofsted_ilacs_scrape_la_name,rgn22cd,rgn22nm,ltla23nm,ltla23nmw,utla23nm,country,ons_population_0-25,ons_la_type";
  const lookupLine = (urn: string, code: string, gss: string, name: string, neighbour: string, neighbourGss: string) =>
    `${urn},${code},${gss},${neighbour},${neighbourGss},,${name},,GL,London,,,E12000007,London,${name},,${name},England,1000,London Borough`;
  const fixture = (lookup: string, supplementRows: string[] = []) => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "la-lookup.csv"), lookup);
    fs.mkdirSync(path.join(dir, "ofsted-reports"));
    fs.mkdirSync(path.join(dir, "reference"));
    fs.writeFileSync(path.join(dir, "reference", "reorganisations.csv"), "predecessor_la_code,successor_la_code,date,source\n");
    fs.writeFileSync(path.join(dir, "reference", "authorities-supplement.csv"), ["la_code,field,value,lookup_value,source", ...supplementRows].join("\n") + "\n");
    return { sources: dir, referenceDir: path.join(dir, "reference") };
  };
  const twoRows = [header, lookupLine("1", "301", "E09000002", "Barking and Dagenham", "302", "E09000003"), lookupLine("2", "302", "E09000003", "Barnet", "301", "E09000002")];

  it("builds a small valid lookup", () => {
    const built = buildAuthorities(fixture(twoRows.join("\n") + "\n"));
    expect(built.map((r) => [r.la_code, r.stat_neighbours, r.source])).toEqual([
      ["301", "302", "la-lookup.csv row urn 1"],
      ["302", "301", "la-lookup.csv row urn 2"],
    ]);
  });

  it("a malformed lookup names the file and leaves the existing output byte-identical", () => {
    const inputs = fixture(`${header}\n80486,301,"E09000002,broken quote\n80487,302\n`);
    const out = path.join(tmp(), "authorities.csv");
    fs.copyFileSync(file, out);
    const before = fs.readFileSync(out);
    expect(() => writeAuthorities({ ...inputs, out })).toThrow(path.join(inputs.sources, "la-lookup.csv"));
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(out))).toEqual(["authorities.csv"]);
  });

  it("a bad value names the file, row and column", () => {
    const lines = [...twoRows];
    lines[2] = lines[2]!.replace(",302,", ",30X,");
    expect(() => buildAuthorities(fixture(lines.join("\n")))).toThrow(/la-lookup\.csv row 3 \(urn 2\), column la_code/);
  });

  it("an unknown statistical neighbour names the row", () => {
    const lines = [...twoRows];
    lines[1] = lookupLine("1", "301", "E09000002", "Barking and Dagenham", "999", "E09000099");
    expect(() => buildAuthorities(fixture(lines.join("\n")))).toThrow(/la-lookup\.csv row 2 \(urn 1\): statistical neighbour 999 is not an authority/);
  });

  it("a missing column is reported by name", () => {
    const lines = twoRows.map((l) => l.split(",").slice(0, -1).join(","));
    expect(() => buildAuthorities(fixture(lines.join("\n")))).toThrow(/missing column\(s\) ons_la_type/);
  });

  it("a correction whose lookup value has changed is flagged for review", () => {
    const inputs = fixture(twoRows.join("\n"), ["301,la_type,Unitary Authority,County,test"]);
    expect(() => buildAuthorities(inputs)).toThrow(/authorities-supplement\.csv row 2: expects la-lookup\.csv ons_la_type for 301 to be "County" but it is "London Borough"/);
  });

  it("a report folder with an unknown URN is named", () => {
    const inputs = fixture(twoRows.join("\n"));
    fs.mkdirSync(path.join(inputs.sources, "ofsted-reports", "424242_atlantis"));
    expect(() => buildAuthorities(inputs)).toThrow(/424242_atlantis: folder URN 424242 matches no authority/);
  });
});

function dayAfter(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
function dateInFileName(name: string): string | undefined {
  const m = /(\d{1,2}) ([a-z]+) (\d{4})/i.exec(name);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) + 1 : 0;
  return m && month > 0 ? `${m[3]}-${String(month).padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : undefined;
}

