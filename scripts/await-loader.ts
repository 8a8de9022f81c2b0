// Framework's interpreter for .ts data loaders while `npm run build` runs (observablehq.config.ts).
// scripts/build.ts runs every missing loader itself, side by side with Framework's build; a loader
// Framework reaches before that run has finished waits for it and prints its output, rather than
// running a second time. Outside the build (preview), Framework runs loaders with tsx as usual.
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { failedMarker, isAlive, loaderTarget } from "./loader-cache.ts";

const loader = process.argv[2];
const builder = Number(process.env.SITE_BUILD_PID);
if (!loader || !builder) {
  console.error("usage: SITE_BUILD_PID=<pid of scripts/build.ts> tsx scripts/await-loader.ts <src/data/loader.ext.ts>");
  process.exit(2);
}
const target = loaderTarget(loader);
for (;;) {
  if (fs.existsSync(target)) {
    await pipeline(fs.createReadStream(target), process.stdout);
    break;
  }
  if (fs.existsSync(failedMarker(target))) {
    console.error(`${loader}: ${fs.readFileSync(failedMarker(target), "utf8")}`);
    process.exit(1);
  }
  if (!isAlive(builder)) {
    console.error(`${loader}: the build running it (pid ${builder}) has ended without its output`);
    process.exit(1);
  }
  // The build's run renames its output into place when done; checking often costs nothing.
  await new Promise((resolve) => setTimeout(resolve, 100));
}
