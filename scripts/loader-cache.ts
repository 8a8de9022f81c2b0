// Where Framework keeps a data loader's output, shared by the site build (scripts/build.ts), which
// runs the loaders itself, and the interpreter Framework uses meanwhile (scripts/await-loader.ts).
import path from "node:path";
import { projectRoot } from "../lib/paths.ts";

export const loaderCache = path.join(projectRoot, "src", ".observablehq", "cache");

/** src/data/site.zip.ts -> src/.observablehq/cache/data/site.zip, as Framework names it. */
export function loaderTarget(loader: string): string {
  const inData = path.relative(path.join(projectRoot, "src"), path.resolve(projectRoot, loader));
  return path.join(loaderCache, inData.replace(/\.ts$/, ""));
}

/** Written beside the target when the build's run of that loader fails, with the reason. */
export const failedMarker = (target: string): string => `${target}.failed`;

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
