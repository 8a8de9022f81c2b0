import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../lib/paths.ts";

/*
 * `npm run build` (scripts/build.ts) in a copy of the project: two builds side by side in one tree
 * both finish whole, and a build that fails leaves the previous site in place with no temp folders.
 * The copy shares node_modules by symlink and starts with empty caches, like a new clone.
 */
const copied = ["src", "data", "warehouse", "schema", "lib", "loaders", "scripts", "observablehq.config.ts", "package.json", "tsconfig.json"];
let tree: string;

function build(output: string): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(tree, "node_modules", ".bin", "tsx"), ["scripts/build.ts"], {
      cwd: tree,
      env: { ...process.env, SITE_OUTPUT: output, WAREHOUSE_DB: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("close", (code) => resolve({ code, log }));
  });
}

function digest(dir: string): string {
  const hash = crypto.createHash("sha256");
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const f of walk(dir).sort()) hash.update(path.relative(dir, f)).update(fs.readFileSync(f));
  return hash.digest("hex");
}

const pages = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".html")).sort();

describe("site build (scripts/build.ts)", () => {
  beforeAll(() => {
    tree = fs.mkdtempSync(path.join(os.tmpdir(), "site-build-"));
    for (const entry of copied) {
      fs.cpSync(path.join(projectRoot, entry), path.join(tree, entry), {
        recursive: true,
        filter: (src) => !src.includes(`${path.sep}.observablehq${path.sep}cache`) && !src.includes(`${path.sep}.generated`),
      });
    }
    fs.symlinkSync(path.join(projectRoot, "node_modules"), path.join(tree, "node_modules"));
  });
  afterAll(() => fs.rmSync(tree, { recursive: true, force: true }));

  it("two builds started together in one tree both build every page, identically", async () => {
    const [a, b] = await Promise.all([build("dist-a"), build("dist-b")]);
    expect(a.code, a.log).toBe(0);
    expect(b.code, b.log).toBe(0);
    const expected = ["benchmarking.html", "counts.html", "coverage.html", "forward-look.html", "index.html", "proportionality.html", "themes.html"];
    for (const out of ["dist-a", "dist-b"]) expect(pages(path.join(tree, out))).toEqual(expect.arrayContaining(expected));
    expect(digest(path.join(tree, "dist-a"))).toBe(digest(path.join(tree, "dist-b")));
  }, 1_200_000);

  // The next test shows that a change to the inputs (a new page) is built, not kept.
  it("a build from the same inputs keeps the output as it is", async () => {
    const before = digest(path.join(tree, "dist-a"));
    const again = await build("dist-a");
    expect(again.code, again.log).toBe(0);
    expect(again.log).toContain("dist-a/ is up to date");
    expect(again.log).not.toContain("site built to");
    expect(digest(path.join(tree, "dist-a"))).toBe(before);
  }, 600_000);

  it("a failed build names the problem and leaves the previous site in place", async () => {
    const before = digest(path.join(tree, "dist-a"));
    fs.writeFileSync(path.join(tree, "src", "broken.md"), '```js\nconst x = FileAttachment("data/no-such-file.json").json();\n```\n');
    try {
      const failed = await build("dist-a");
      expect(failed.code).not.toBe(0);
      expect(failed.log).toContain("site build failed; dist-a/ is unchanged");
      expect(digest(path.join(tree, "dist-a"))).toBe(before);
      expect(fs.readdirSync(tree).filter((f) => /\.(tmp|old)$/.test(f))).toEqual([]);
    } finally {
      fs.rmSync(path.join(tree, "src", "broken.md"));
    }
  }, 600_000);

  it("a data loader that fails fails the build with the loader's name, and leaves the previous site in place", async () => {
    const before = digest(path.join(tree, "dist-a"));
    const loader = path.join(tree, "src", "data", "broken-loader.json.ts");
    const page = path.join(tree, "src", "broken-loader.md");
    fs.writeFileSync(loader, 'console.error("broken-loader: no rows for this page");\nprocess.exit(3);\n');
    fs.writeFileSync(page, '```js\nconst x = FileAttachment("data/broken-loader.json").json();\n```\n');
    try {
      const failed = await build("dist-a");
      expect(failed.code).not.toBe(0);
      expect(failed.log).toContain("broken-loader: no rows for this page");
      expect(failed.log).toContain(`data loader ${path.join("src", "data", "broken-loader.json.ts")} failed (exit 3)`);
      expect(failed.log).toContain("site build failed; dist-a/ is unchanged");
      expect(digest(path.join(tree, "dist-a"))).toBe(before);
      expect(fs.readdirSync(tree).filter((f) => /\.(tmp|old)$/.test(f))).toEqual([]);
    } finally {
      fs.rmSync(loader);
      fs.rmSync(page);
    }
  }, 600_000);
});
