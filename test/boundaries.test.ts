import fs from "node:fs";
import path from "node:path";
import { geoArea } from "d3";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import { describe, expect, it } from "vitest";
import { parseCsvText, readCsv } from "../lib/csv.ts";
import { dataDir, referenceDir } from "../lib/paths.ts";
import { assignDistricts, isEnglishDistrict, readAuthorityCodes } from "../loaders/boundaries/authorities.ts";
import { dissolve, type District, type UpperTierTopology } from "../loaders/boundaries/dissolve.ts";
import { ladToUtla } from "../schema/boundaries.ts";
import { corpusDir, describeWithCorpus } from "./support/sources.ts";

/** Current English upper-tier authorities (DESIGN.md section 2); every one of them has a 2023 boundary. */
const CURRENT_AUTHORITIES = 153;
/** la-lookup.csv also lists predecessors, which no 2023 district reaches: Poole, Cumbria, Northamptonshire. */
const LOOKUP_PREDECESSORS = ["836", "909", "928"];

const mapping = () => readCsv(path.join(referenceDir, "lad-to-utla.csv"), ladToUtla);
const committed = (): UpperTierTopology =>
  JSON.parse(fs.readFileSync(path.join(dataDir, "boundaries", "upper-tier.topojson.json"), "utf8"));
const features = (t: UpperTierTopology) => feature(t, t.objects.authorities).features;

function laLookup(): { la_code: string; gss: string }[] {
  const file = path.join(corpusDir, "la-lookup.csv");
  return parseCsvText(fs.readFileSync(file, "utf8"), file).map((r) => ({ la_code: r.la_code!, gss: r.la_code_new! }));
}

function englishDistrictCodes(): string[] {
  const geojson = JSON.parse(fs.readFileSync(path.join(corpusDir, "lad-boundaries.geojson"), "utf8")) as { features: District[] };
  return geojson.features.map((f) => f.properties.LAD23CD).filter(isEnglishDistrict);
}

describe("lad-to-utla reference table", () => {
  it("validates, one row per district, 21 two-tier counties of 2023", () => {
    const rows = mapping();
    expect(new Set(rows.map((r) => r.lad_code)).size).toBe(rows.length);
    const counties = new Set(rows.filter((r) => r.lad_code.startsWith("E07")).map((r) => r.utla_gss_code));
    expect([...counties].every((c) => c.startsWith("E10"))).toBe(true);
    expect(counties.size).toBe(21);
    expect(rows.filter((r) => r.lad_code.startsWith("E07"))).toHaveLength(164);
  });

  it("rejects a row that maps a district to itself or lacks a source", () => {
    const row = { lad_code: "E07000008", lad_name: "Cambridge", utla_gss_code: "E10000003", utla_name: "Cambridgeshire", source: "x" };
    expect(ladToUtla.safeParse(row).success).toBe(true);
    expect(ladToUtla.safeParse({ ...row, utla_gss_code: "E07000008" }).success).toBe(false);
    expect(ladToUtla.safeParse({ ...row, source: "" }).success).toBe(false);
  });
});

describeWithCorpus("lad-to-utla against the 2023 district boundaries", () => {
  it("every English district is an upper tier itself or mapped exactly once, never both", () => {
    const upperTiers = new Set(laLookup().map((r) => r.gss));
    const rows = mapping();
    const problems = englishDistrictCodes().flatMap((code) => {
      const mapped = rows.filter((r) => r.lad_code === code).length;
      const own = upperTiers.has(code);
      return (own ? mapped === 0 : mapped === 1) ? [] : [`${code}: own upper tier ${own}, mapped ${mapped} times`];
    });
    expect(problems).toEqual([]);
  });

  it("maps to authorities in la-lookup and names only districts that exist", () => {
    const upperTiers = new Set(laLookup().map((r) => r.gss));
    const districts = new Set(englishDistrictCodes());
    const rows = mapping();
    expect(rows.filter((r) => !upperTiers.has(r.utla_gss_code))).toEqual([]);
    expect(rows.filter((r) => !districts.has(r.lad_code))).toEqual([]);
  });
});

describe("committed upper-tier topology", () => {
  it("has one quantized geometry per current authority, small enough to ship", () => {
    const file = path.join(dataDir, "boundaries", "upper-tier.topojson.json");
    expect(fs.statSync(file).size).toBeLessThan(300_000);
    const t = committed();
    expect(t.transform).toBeDefined();
    const codes = t.objects.authorities.geometries.map((g) => g.properties?.la_code);
    expect(codes).toHaveLength(CURRENT_AUTHORITIES);
    expect(new Set(codes).size).toBe(codes.length);
    for (const g of t.objects.authorities.geometries) {
      expect(g.properties?.la_code).toMatch(/^\d{3}$/);
      expect(g.properties?.name).toBeTruthy();
    }
  });

  it("winds every authority as d3-geo expects, with a positive area", () => {
    const bad = features(committed())
      .map((f) => ({ la_code: f.properties.la_code, area: geoArea(f) }))
      .filter((a) => !(a.area > 0 && a.area < 2 * Math.PI));
    expect(bad).toEqual([]);
  });
});

describeWithCorpus("committed upper-tier topology against the sources", () => {
  it("uses la_codes from la-lookup and covers every current authority", () => {
    const lookup = new Set(laLookup().map((r) => r.la_code));
    const produced = new Set(committed().objects.authorities.geometries.map((g) => g.properties!.la_code));
    expect([...produced].filter((c) => !lookup.has(c))).toEqual([]);

    const { file, authorities } = readAuthorityCodes(corpusDir);
    const without = authorities.filter((a) => !produced.has(a.la_code)).map((a) => a.la_code).sort();
    expect(without).toEqual(path.basename(file) === "la-lookup.csv" ? LOOKUP_PREDECESSORS : []);
  });
});

describe("dissolve", () => {
  const square = (x0: number, y0: number, size: number): Position[] => [
    [x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0],
  ];
  const district = (code: string, ring: Position[]): District => ({
    type: "Feature",
    properties: { LAD23CD: code },
    geometry: { type: "Polygon", coordinates: [ring] },
  });
  // GeoJSON rings are anticlockwise; d3-geo measures the clockwise ring.
  const area = (ring: Position[]) => geoArea({ type: "Polygon", coordinates: [[...ring].reverse()] });
  const county = { la_code: "999", name: "Squareshire" };

  it("merges two adjacent districts of one county into one polygon with the summed area", () => {
    const a = square(0, 51, 0.1);
    const b = square(0.1, 51, 0.1);
    const t = dissolve([district("E07000001", a), district("E07000002", b)], new Map([["E07000001", county], ["E07000002", county]]));
    const out = features(t) as Feature<Polygon | MultiPolygon, { la_code: string }>[];
    expect(out).toHaveLength(1);
    expect(out[0]!.properties.la_code).toBe("999");
    const polygons = out[0]!.geometry.type === "Polygon" ? [out[0]!.geometry.coordinates] : out[0]!.geometry.coordinates;
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(1);
    const expected = area(a) + area(b);
    expect(Math.abs(geoArea(out[0]!) - expected) / expected).toBeLessThan(1e-6);
  });

  it("refuses a district without an authority", () => {
    expect(() => dissolve([district("E07000001", square(0, 51, 0.1))], new Map())).toThrow(/E07000001/);
  });

  it("assignDistricts reports unknown targets and double mappings together", () => {
    const row = { lad_name: "x", utla_name: "y", source: "s" };
    const authorities = [{ la_code: "999", gss_code: "E10000099", name: "Squareshire" }];
    expect(assignDistricts(["E07000001"], [{ ...row, lad_code: "E07000001", utla_gss_code: "E10000099" }], authorities).get("E07000001")?.la_code).toBe("999");
    expect(() =>
      assignDistricts(
        ["E07000001", "E06000001"],
        [{ ...row, lad_code: "E07000001", utla_gss_code: "E10000099" }, { ...row, lad_code: "E07000001", utla_gss_code: "E10000098" }],
        authorities,
      ),
    ).toThrow(/mapped twice.*E06000001/);
  });
});
