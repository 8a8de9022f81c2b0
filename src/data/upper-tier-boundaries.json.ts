import fs from "node:fs";
import path from "node:path";
import { dataDir } from "../../lib/paths.ts";

// The committed upper-tier boundaries (TopoJSON, object "authorities"), served to the map.
process.stdout.write(fs.readFileSync(path.join(dataDir, "boundaries", "upper-tier.topojson.json")));
