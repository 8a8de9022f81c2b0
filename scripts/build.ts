// Build the site: the warehouse once (a DuckDB file keyed by the content of data/ and the warehouse
// code), then the data loaders side by side and, at the same time, Observable Framework into a temp
// folder that replaces the output only on success (Framework reads pages while the loaders run, and
// waits for a loader's output when it needs it: scripts/await-loader.ts). Safe to run side by side in one tree: Framework's shared loader cache
// is used under a lock, and the output folder is replaced by rename, so a failed build leaves the
// previous site in place. An output built from the same inputs is kept as it is (--force rebuilds).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../lib/paths.ts";
import { contentKey, ensureWarehouseFile, warehouseKey } from "../warehouse/cached.ts";
import { failedMarker, isAlive, loaderCache, loaderTarget } from "./loader-cache.ts";

const output = path.resolve(projectRoot, process.env.SITE_OUTPUT || "dist");
const stampFile = path.join(loaderCache, ".loader-inputs");
/** Written into the output last: the key of the inputs that output was built from. */
const siteKeyFile = ".site-inputs";
const { values: args } = parseArgs({ options: { force: { type: "boolean", default: false } } });

/** Everything the built site is made from (src/ without Framework's caches, the data and all code that reads it, the locked dependencies). */
function siteInputsKey(): string {
  const src = fs.readdirSync(path.join(projectRoot, "src")).filter((e) => !e.startsWith(".")).map((e) => path.join("src", e));
  return contentKey([...src, "data", "warehouse", "lib", "loaders", "schema", "observablehq.config.ts", "package-lock.json", "scripts/build.ts", "scripts/loader-cache.ts", "scripts/await-loader.ts", "scripts/inputs-css.ts"]);
}

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

/** Data loaders (<name>.<ext>.ts at any depth of src/data/) whose output is not in the cache yet. */
function missingLoaders(): { loader: string; target: string }[] {
  const dataDir = path.join(projectRoot, "src", "data");
  return (fs.readdirSync(dataDir, { recursive: true }) as string[])
    .filter((f) => /\.[a-z0-9]+\.ts$/.test(f))
    .map((f) => ({ loader: path.join("src", "data", f), target: loaderTarget(path.join("src", "data", f)) }))
    .filter((l) => !fs.existsSync(l.target));
}

/**
 * Framework runs data loaders one after another. Run the missing ones all at once (a handful of
 * processes; their run times differ too much for a fixed order on N cores to balance them), into
 * the cache where Framework looks (each output written to a temp name and renamed, as Framework
 * does); Framework then finds them fresh, or waits for them. A loader that fails fails the build
 * with its name, and leaves a marker that tells Framework's waiting interpreter so; the loader's own
 * message is on stderr.
 */
async function runLoaders(loaders: { loader: string; target: string }[], env: NodeJS.ProcessEnv): Promise<void> {
  const runs = await Promise.allSettled(
    loaders.map(async ({ loader, target }) => {
      const t0 = performance.now();
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.rmSync(failedMarker(target), { force: true });
      const tmp = `${target}.${process.pid}.tmp`;
      const out = fs.openSync(tmp, "w");
      try {
        const code = await new Promise<number | null>((resolve, reject) => {
          const child = spawn(path.join(projectRoot, "node_modules", ".bin", "tsx"), [loader], { cwd: projectRoot, env, stdio: ["ignore", out, "inherit"] });
          child.on("error", reject).on("close", resolve);
        });
        if (code !== 0) {
          fs.writeFileSync(failedMarker(target), `data loader failed (exit ${code}) in the build`);
          throw new Error(`data loader ${loader} failed (exit ${code})`);
        }
        fs.renameSync(tmp, target);
      } finally {
        fs.closeSync(out);
        fs.rmSync(tmp, { force: true });
      }
      console.log(`loader ${loader} ran in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }),
  );
  // Every loader has ended before the build goes on or fails: none is left writing to the cache.
  const failed = runs.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : []));
  if (failed.length) throw new Error(failed.join("; "));
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const code = await new Promise<number | string | null>((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: "inherit", env });
    child.on("error", reject).on("close", (status, signal) => resolve(status ?? signal));
  });
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${code})`);
}

const t0 = performance.now();
const siteKey = siteInputsKey();
if (!args.force && fs.existsSync(path.join(output, siteKeyFile)) && fs.readFileSync(path.join(output, siteKeyFile), "utf8") === siteKey) {
  console.log(`${path.relative(projectRoot, output)}/ is up to date: built from these very inputs (npm run build -- --force rebuilds it)`);
  process.exit(0);
}
fs.mkdirSync(loaderCache, { recursive: true });
const warehouseDb = await ensureWarehouseFile();
console.log(`warehouse ${path.relative(projectRoot, warehouseDb)} ready in ${Math.round(performance.now() - t0)} ms`);

const tmpOutput = `${output}.${process.pid}.tmp`;
const oldOutput = `${output}.${process.pid}.old`;
const bin = path.join(projectRoot, "node_modules", ".bin");
try {
  await run(path.join(bin, "tsx"), ["scripts/inputs-css.ts"], process.env);
  await withBuildLock(async () => {
    invalidateLoaderCache(loaderInputsKey());
    // SITE_BUILD_PID makes Framework wait for this process's loader runs (observablehq.config.ts).
    const env = { ...process.env, SITE_OUTPUT: tmpOutput, WAREHOUSE_DB: warehouseDb, SITE_BUILD_PID: String(process.pid) };
    const [loaders, framework] = await Promise.allSettled([runLoaders(missingLoaders(), env), run(path.join(bin, "observable"), ["build"], env)]);
    // A failed loader is the cause to report; Framework then fails too, waiting for its output.
    if (loaders.status === "rejected") throw loaders.reason;
    if (framework.status === "rejected") throw framework.reason;
  });
  fs.writeFileSync(path.join(tmpOutput, siteKeyFile), siteKey);
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
