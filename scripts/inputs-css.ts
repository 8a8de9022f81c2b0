import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { projectRoot } from "../lib/paths.ts";

// Pages import Inputs from node_modules (a CDN import would fail offline), so Framework does not add
// the Inputs stylesheet by itself. Copy it from Framework, with the class namespace Inputs uses.
const require = createRequire(import.meta.url);
const frameworkDir = path.dirname(require.resolve("@observablehq/framework/package.json"));
const css = fs.readFileSync(path.join(frameworkDir, "dist/client/stdlib/inputs.css"), "utf8");
const out = path.join(projectRoot, "src/.generated/inputs.css");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, css.replace(/\b__ns__\b/g, "inputs-3a86ea"));
