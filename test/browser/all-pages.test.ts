import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import config from "../../observablehq.config.ts";
import { distDir, openSite, visit, type Site, axeViolations } from "./support.ts";


/** Every page the build wrote, as routes. */
function builtRoutes(): string[] {
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_")) walk(full);
      else if (entry.name.endsWith(".html")) {
        const route = "/" + path.relative(distDir, full).replace(/\.html$/, "").replace(/(^|\/)index$/, "");
        routes.push(route);
      }
    }
  };
  walk(distDir);
  return routes.sort();
}

const isProfile = (route: string) => /^\/authorities\/\d{3}$/.test(route);

/** The pages the site's header links to, read from the configuration that builds it. */
const navRoutes = [...config.header.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]!.replace(/\/$/, "") || "/");

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

describe("every built page loads clean and passes axe", () => {
  const all = builtRoutes();
  // Every page gets axe except the profiles, which share one template: axe runs on three of them.
  const routes = [...all.filter((r) => !isProfile(r)), ...all.filter(isProfile).slice(0, 3)];
  it("the build has every page the site's navigation links to", () => {
    expect(navRoutes.length).toBeGreaterThanOrEqual(8);
    expect(navRoutes.filter((r) => !all.includes(r))).toEqual([]);
  });

  for (const route of routes) {
    it(`${route}: no console error, failed request, foreign request, or serious accessibility violation`, async () => {
      const { page, problems } = await visit(site, route);
      await page.waitForSelector("h1");
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it("every authority profile loads with its name and no console error, failed or foreign request", { timeout: 900_000 }, async () => {
    const profiles = all.filter(isProfile);
    expect(profiles.length).toBeGreaterThanOrEqual(153);
    const failures: string[] = [];
    for (const route of profiles) {
      const { page, problems } = await visit(site, route);
      // The profile's name is rendered by a page cell: wait for it instead of reading the heading once.
      const h1 = page.locator("h1").first();
      const heading = await h1
        .filter({ hasText: /\S/ })
        .waitFor({ timeout: 60_000 })
        .then(
          () => h1.innerText(),
          () => "",
        );
      const bad = [...problems.consoleErrors, ...problems.failedRequests, ...problems.foreignRequests];
      if (bad.length > 0 || heading.trim() === "") failures.push(`${route}: ${heading} ${bad.join("; ")}`);
      await page.close();
    }
    expect(failures).toEqual([]);
  });
});
