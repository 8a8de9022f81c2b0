import * as Plot from "@observablehq/plot";
import {feature} from "topojson-client";
import type {Feature, FeatureCollection, Geometry} from "geojson";
import type {Topology, GeometryCollection} from "topojson-specification";
import {gradeShort} from "./grades.js";
import {stockColorScale} from "./stock-bars.js";

export interface ShapeProps {
  la_code: string;
  name: string;
}

/** The upper-tier authorities of data/boundaries/upper-tier.topojson.json as GeoJSON features. */
export function authorityFeatures(topology: unknown): FeatureCollection<Geometry, ShapeProps> {
  const t = topology as Topology<{authorities: GeometryCollection<ShapeProps>}>;
  return feature(t, t.objects.authorities) as FeatureCollection<Geometry, ShapeProps>;
}

export interface ShapeGrade {
  grade: number;
  /** The authority whose grade this is, when not the shape's own (a predecessor). */
  shownFor?: string;
  framework: string;
  published: string;
}

/**
 * England's upper-tier authorities filled by a grade per shape (la_code), grey where none; a
 * transverse Mercator projection fitted to England. Hover titles name the authority and grade.
 */
export function gradeMap(
  features: FeatureCollection<Geometry, ShapeProps>,
  grades: Map<string, ShapeGrade>,
  {width = 640, label = ""}: {width?: number; label?: string} = {}
): SVGSVGElement | HTMLElement {
  // Framework's width is 0 before layout; a chart narrower than its margins would draw negative bars.
  width = Math.max(width, 360);
  const gradeOf = (f: Feature<Geometry, ShapeProps>) => grades.get(f.properties.la_code)?.grade ?? 0;
  const title = (f: Feature<Geometry, ShapeProps>) => {
    const g = grades.get(f.properties.la_code);
    if (!g) return `${f.properties.name}: not yet graded`;
    return `${f.properties.name}: ${gradeShort[g.grade]} (${g.framework}, published ${g.published}${g.shownFor ? `; ${g.shownFor}` : ""})`;
  };
  return Plot.plot({
    width,
    height: Math.round(width * 1.15),
    ariaLabel: label,
    projection: {type: "transverse-mercator", rotate: [2, 0], domain: features},
    color: stockColorScale(),
    marks: [
      Plot.geo(features.features, {fill: gradeOf, stroke: "white", strokeWidth: 0.5, title}),
    ],
  });
}
