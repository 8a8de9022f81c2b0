// Build the site: the warehouse once (a DuckDB file keyed by the content of data/ and the warehouse
// code), then Observable Framework into a temp folder that replaces the output only on success.
// Safe to run side by side in one tree: Framework's shared loader cache is used under a lock, and
// the output folder is replaced by rename, so a failed build leaves the previous site in place.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../lib/paths.ts";
import { contentKey, ensureWarehouseFile, warehouseKey } from "../warehouse/cached.ts";

const output = path.resolve(projectRoot, process.env.SITE_OUTPUT || "dist");
const loaderCache = path.join(projectRoot, "src", ".observablehq", "cache");
const stampFile = path.join(loaderCache, ".loader-inputs");

/** What data loader output depends on: the warehouse, and the loaders' own code and helpers. */
function loaderInputsKey(): string {
  return `${warehouseKey()}-${contentKey(["src/data", "src/components", "loaders", "lib", "warehouse/print.ts", "warehouse/cached.ts"])}`;
}

/**
 * Framework's build reuses any cached loader output, stale or not, so outputs made from other data
 * must go. Only the loaders' outputs are removed; Framework's module caches (folders starting "_")
 * stay. Runs under the build lock, so no other build in this tree is reading them.
 */
function invalidateLoaderCache(key: string): void {
  const previous = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (previous === key) return;
  for (const entry of fs.readdirSync(loaderCache)) {
    if (!entry.startsWith("_") && !entry.startsWith(".")) fs.rmSync(path.join(loaderCache, entry), { recursive: true, force: true });
  }
  fs.writeFileSync(stampFile, key);
}

/**
 * One Framework build at a time per tree: they share src/.observablehq/cache. A second build waits;
 * a lock left by a process that no longer exists is taken over.
 */
async function withBuildLock<T>(fn: () => Promise<T> | T): Promise<T> {
  const lock = path.join(loaderCache, ".build-lock");
  for (let announced = false; ; ) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number(fs.readFileSync(path.join(lock, "pid"), { encoding: "utf8", flag: "a+" }) || 0);
      if (owner > 0 && !isAlive(owner)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!announced) console.log(`waiting for the build running in this tree (pid ${owner || "starting"})`);
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: "inherit", env });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
}

const t0 = performance.now();
fs.mkdirSync(loaderCache, { recursive: true });
const warehouseDb = await ensureWarehouseFile();
console.log(`warehouse ${path.relative(projectRoot, warehouseDb)} ready in ${Math.round(performance.now() - t0)} ms`);

const tmpOutput = `${output}.${process.pid}.tmp`;
const oldOutput = `${output}.${process.pid}.old`;
const bin = path.join(projectRoot, "node_modules", ".bin");
try {
  run(path.join(bin, "tsx"), ["scripts/inputs-css.ts"], process.env);
  await withBuildLock(() => {
    invalidateLoaderCache(loaderInputsKey());
    run(path.join(bin, "observable"), ["build"], { ...process.env, SITE_OUTPUT: tmpOutput, WAREHOUSE_DB: warehouseDb });
  });
  if (fs.existsSync(output)) fs.renameSync(output, oldOutput);
  fs.renameSync(tmpOutput, output);
  console.log(`site built to ${path.relative(projectRoot, output)}/ in ${Math.round((performance.now() - t0) / 1000)} s`);
} catch (e) {
  console.error(`site build failed; ${path.relative(projectRoot, output)}/ is unchanged: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(tmpOutput, { recursive: true, force: true });
  fs.rmSync(oldOutput, { recursive: true, force: true });
}
