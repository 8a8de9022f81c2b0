import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from "topojson-specification";
import { feature, mergeArcs, quantize } from "topojson-client";
import { topology } from "topojson-server";
import { filter, presimplify, simplify, sphericalRingArea, sphericalTriangleArea } from "topojson-simplify";

export type District = Feature<Polygon | MultiPolygon, { LAD23CD: string; LAD23NM?: string }>;
export interface UpperTier {
  la_code: string;
  name: string;
}
type MergedGeometry = TopoMultiPolygon<UpperTier>;
export type UpperTierTopology = Topology<{ authorities: { type: "GeometryCollection"; geometries: MergedGeometry[] } }>;

export interface DissolveOptions {
  /** Visvalingam threshold: points whose effective triangle is smaller than this are dropped. */
  simplifyKm2: number;
  /** Islands and holes smaller than this are dropped (never an authority's largest polygon). */
  minRingKm2: number;
  /** Grid size of the quantized output. */
  quantization: number;
}

export const defaultOptions: DissolveOptions = { simplifyKm2: 0.1, minRingKm2: 0.5, quantization: 1e5 };

const EARTH_RADIUS_KM = 6371.0088;
const steradians = (km2: number) => km2 / EARTH_RADIUS_KM ** 2;

type Ring = number[];

/**
 * Dissolve districts into one geometry per upper-tier authority (assign: LAD code -> authority),
 * then simplify and quantize. Throws on a district without an authority.
 */
export function dissolve(
  districts: District[],
  assign: ReadonlyMap<string, UpperTier>,
  options: DissolveOptions = defaultOptions,
): UpperTierTopology {
  const unassigned = districts.filter((d) => !assign.has(d.properties.LAD23CD)).map((d) => d.properties.LAD23CD);
  if (unassigned.length > 0) throw new Error(`no upper-tier authority for district(s) ${unassigned.join(", ")}`);

  const features = districts.map(rewind);
  const districtTopology = topology({ districts: { type: "FeatureCollection", features } as GeoJSON.FeatureCollection });
  const districtGeometries = (districtTopology.objects.districts as GeometryCollection).geometries as (TopoPolygon | TopoMultiPolygon)[];

  const groups = new Map<string, { tier: UpperTier; geometries: (TopoPolygon | TopoMultiPolygon)[] }>();
  features.forEach((d, i) => {
    const tier = assign.get(d.properties.LAD23CD)!;
    const group = groups.get(tier.la_code) ?? { tier, geometries: [] };
    group.geometries.push(districtGeometries[i]!);
    groups.set(tier.la_code, group);
  });

  const merged: MergedGeometry[] = [...groups.values()]
    .sort((a, b) => a.tier.la_code.localeCompare(b.tier.la_code))
    .map(({ tier, geometries }) => ({
      ...(mergeArcs(districtTopology, geometries) as TopoMultiPolygon),
      properties: { la_code: tier.la_code, name: tier.name },
    }));

  // filter() with a keep-all predicate prunes the arcs left unused by the merge.
  let result = filter(
    { ...districtTopology, objects: { authorities: { type: "GeometryCollection", geometries: merged } } } as UpperTierTopology,
    () => true,
  ) as UpperTierTopology;
  result = simplify(presimplify(result, sphericalTriangleArea), steradians(options.simplifyKm2));
  result = dropSmallRings(result, steradians(options.minRingKm2));
  return quantize(result, options.quantization);
}

/** Twice the signed planar area of a lon/lat ring: positive when anticlockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return sum;
}

/** Wind rings as d3-geo expects (exterior clockwise, holes anticlockwise); GeoJSON (RFC 7946) winds them the other way. */
function rewind(d: District): District {
  const polygon = (rings: Position[][]) =>
    rings.map((ring, i) => ((i === 0) === signedArea(ring) > 0 ? [...ring].reverse() : ring));
  const g = d.geometry;
  const geometry: Polygon | MultiPolygon =
    g.type === "Polygon"
      ? { type: "Polygon", coordinates: polygon(g.coordinates) }
      : { type: "MultiPolygon", coordinates: g.coordinates.map(polygon) };
  return { ...d, geometry };
}

function ringArea(t: UpperTierTopology, ring: Ring, interior: boolean): number {
  const polygon = feature(t, { type: "Polygon", arcs: [ring] }).geometry as Polygon;
  return sphericalRingArea(polygon.coordinates[0] as [number, number][], interior);
}

/** Drop rings under minArea, keeping each authority's largest exterior ring whatever its size. */
function dropSmallRings(t: UpperTierTopology, minArea: number): UpperTierTopology {
  const keep = new Set<string>();
  for (const g of t.objects.authorities.geometries) {
    const exteriors = g.arcs.map((polygon) => polygon[0]!);
    const largest = exteriors.reduce((a, b) => (ringArea(t, b, false) > ringArea(t, a, false) ? b : a));
    keep.add(largest.join());
  }
  // topojson-simplify passes each ring as its arc indexes (its typings say coordinates).
  const predicate = (ring: unknown, interior: boolean) =>
    keep.has((ring as Ring).join()) || ringArea(t, ring as Ring, interior) >= minArea;
  return filter(t, predicate) as UpperTierTopology;
}
