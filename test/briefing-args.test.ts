import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCsv } from "../lib/csv.ts";
import { projectRoot } from "../lib/paths.ts";
import { inspection } from "../schema/canonical.ts";

const fixtureDir = path.join(import.meta.dirname, "fixtures", "profiles");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "briefing-args-"));

function briefing(...args: string[]) {
  const r = spawnSync(path.join(projectRoot, "node_modules", ".bin", "tsx"), [path.join(projectRoot, "scripts", "briefing.ts"), ...args], { cwd: workDir, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}
const lastReport = readCsv(path.join(fixtureDir, "inspections.csv"), inspection)
  .map((i) => i.published_date)
  .sort()
  .at(-1)!;

describe("npm run briefing: odd arguments get a clear answer, never a stack trace or a stray file", () => {
  it("--out a folder writes a file named after the authority and date into it", () => {
    const folder = fs.mkdtempSync(path.join(workDir, "out-"));
    const r = briefing("--authority", "891", "--data", fixtureDir, "--out", folder);
    expect(r).toMatchObject({ status: 0, stdout: path.join(folder, `briefing-891-${lastReport}.html`), stderr: "" });
    expect(fs.readdirSync(folder)).toEqual([`briefing-891-${lastReport}.html`]);
  });

  it("--help prints the usage and exits 0", () => {
    const r = briefing("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run briefing -- --authority <name or code>/);
  });

  it("an as-at date after the last report in the data is refused with the date of that report", () => {
    const r = briefing("--authority", "891", "--data", fixtureDir, "--as-at", "2099-01-01");
    expect(r).toMatchObject({ status: 1, stdout: "" });
    expect(r.stderr).toBe(`briefing: --as-at 2099-01-01 is after the last report in the data (published ${lastReport}): a briefing cannot know what was published since`);
  });

  it("a --data folder that does not exist, or an --out folder that does not exist, is named", () => {
    const missing = path.join(workDir, "no-such-data");
    expect(briefing("--authority", "891", "--data", missing)).toMatchObject({ status: 1, stderr: `briefing: --data ${missing}: no such folder` });
    const r = briefing("--authority", "891", "--data", fixtureDir, "--out", path.join(workDir, "nowhere", "b.html"));
    expect(r).toMatchObject({ status: 1, stderr: `briefing: --out ${path.join(workDir, "nowhere", "b.html")}: the folder ${path.join(workDir, "nowhere")} does not exist` });
  });

  it("leaves no temp file behind in any of these cases", () => {
    const left = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? left(path.join(dir, e.name)) : [e.name]));
    expect(left(workDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
