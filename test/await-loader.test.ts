import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectRoot } from "../lib/paths.ts";
import { failedMarker, loaderTarget } from "../scripts/loader-cache.ts";

/*
 * scripts/await-loader.ts, Framework's interpreter for .ts loaders during `npm run build`: it prints
 * the output the build's own run of a loader writes, and fails with a reason when that run failed or
 * the build is gone, rather than waiting for ever.
 */
const loader = path.join("src", "data", `await-loader-test-${process.pid}.txt.ts`);
const target = loaderTarget(loader);

function awaitLoader(builderPid: number): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  const child = spawn(path.join(projectRoot, "node_modules", ".bin", "tsx"), ["scripts/await-loader.ts", loader], {
    cwd: projectRoot,
    env: { ...process.env, SITE_BUILD_PID: String(builderPid) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: Buffer[] = [];
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => stdout.push(d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout: Buffer.concat(stdout), stderr })));
}

/** A pid that was alive a moment ago and is not now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("close", resolve));
  return child.pid!;
}

describe("scripts/await-loader.ts", () => {
  afterEach(() => {
    fs.rmSync(target, { force: true });
    fs.rmSync(failedMarker(target), { force: true });
  });

  it("maps a loader to where Framework caches its output", () => {
    expect(path.relative(projectRoot, loaderTarget("src/data/site.zip.ts"))).toBe(path.join("src", ".observablehq", "cache", "data", "site.zip"));
    expect(path.relative(projectRoot, loaderTarget("src/data/authorities/E09000001.zip.ts"))).toBe(path.join("src", ".observablehq", "cache", "data", "authorities", "E09000001.zip"));
  });

  it("waits for the build's output and prints it byte for byte", async () => {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const run = awaitLoader(process.pid);
    // Written only once the waiting process has started and not yet found it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const body = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 256));
    fs.writeFileSync(`${target}.tmp`, body);
    fs.renameSync(`${target}.tmp`, target);
    const { code, stdout, stderr } = await run;
    expect(code, stderr).toBe(0);
    expect(stdout.equals(body)).toBe(true);
  });

  it("fails with the build's reason when the build's run of the loader failed", async () => {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(failedMarker(target), "data loader failed (exit 3) in the build");
    const { code, stdout, stderr } = await awaitLoader(process.pid);
    expect(code).toBe(1);
    expect(stdout.length).toBe(0);
    expect(stderr).toContain(`${loader}: data loader failed (exit 3) in the build`);
  });

  it("fails, naming the build, when the build has ended without the output", async () => {
    const pid = await deadPid();
    const { code, stderr } = await awaitLoader(pid);
    expect(code).toBe(1);
    expect(stderr).toContain(`${loader}: the build running it (pid ${pid}) has ended without its output`);
  });

  it("refuses to run outside a build", async () => {
    const { code, stderr } = await awaitLoader(0);
    expect(code).toBe(2);
    expect(stderr).toContain("usage: SITE_BUILD_PID=");
  });
});
