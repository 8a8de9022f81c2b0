import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project root, wherever the code is run from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const dataDir = path.join(projectRoot, "data");
export const referenceDir = path.join(dataDir, "reference");

/** The raw published corpus (never committed): OFSTED_SOURCES or ../shared/data beside the project. */
export function sourcesDir(): string {
  return path.resolve(process.env.OFSTED_SOURCES ?? path.join(projectRoot, "..", "shared", "data"));
}
