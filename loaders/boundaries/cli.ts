import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { geoArea } from "d3";
import { feature } from "topojson-client";
import { readCsv, writeFileAtomic } from "../../lib/csv.ts";
import { dataDir, referenceDir, sourcesDir } from "../../lib/paths.ts";
import { ladToUtla } from "../../schema/boundaries.ts";
import { assignDistricts, isEnglishDistrict, readAuthorityCodes } from "./authorities.ts";
import { dissolve, type District } from "./dissolve.ts";

const outputFile = path.join(dataDir, "boundaries", "upper-tier.topojson.json");

function main(): void {
  const { values } = parseArgs({ options: { sources: { type: "string" } } });
  const sources = path.resolve(values.sources ?? sourcesDir());
  const input = path.join(sources, "lad-boundaries.geojson");
  if (!fs.existsSync(input)) throw new Error(`${input}: file not found`);

  const geojson = JSON.parse(fs.readFileSync(input, "utf8")) as { features?: District[] };
  if (!Array.isArray(geojson.features)) throw new Error(`${input}: not a GeoJSON FeatureCollection`);
  const english = geojson.features.filter((f) => isEnglishDistrict(String(f.properties?.LAD23CD)));

  const mapping = readCsv(path.join(referenceDir, "lad-to-utla.csv"), ladToUtla);
  const { file: codesFile, authorities } = readAuthorityCodes(sources);
  const assigned = assignDistricts(
    english.map((f) => f.properties.LAD23CD),
    mapping,
    authorities,
  );

  const topology = dissolve(english, assigned);
  const features = feature(topology, topology.objects.authorities).features;
  const empty = features.filter((f) => !(geoArea(f) > 0)).map((f) => f.properties?.la_code);
  if (empty.length > 0) throw new Error(`simplification emptied authority geometries: ${empty.join(", ")}`);

  const text = JSON.stringify(topology);
  writeFileAtomic(outputFile, text);

  const drawn = new Set(features.map((f) => f.properties?.la_code));
  const withoutBoundary = authorities.filter((a) => !drawn.has(a.la_code)).map((a) => `${a.la_code} ${a.name}`);
  console.log(`districts read: ${geojson.features.length}`);
  console.log(`English districts: ${english.length}`);
  console.log(`authorities produced: ${features.length}`);
  console.log(`authorities in ${path.basename(codesFile)} without a boundary: ${withoutBoundary.join(", ") || "none"}`);
  console.log(`wrote ${path.relative(process.cwd(), outputFile)}: ${Buffer.byteLength(text)} bytes`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
