import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSite, screenshot, visit, type Site } from "./support.ts";

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

describe("the built site, offline in a real browser", () => {
  for (const route of ["/", "/counts"]) {
    it(`${route} loads with no console error, failed request or request to another origin`, async () => {
      const { page, problems } = await visit(site, route);
      await page.waitForSelector("h1");
      await screenshot(page, `page${route === "/" ? "-home" : route.replaceAll("/", "-")}`);
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
      await page.close();
    });
  }

  it("the counts page shows the warehouse's counts and the published national figures", async () => {
    const { page } = await visit(site, "/counts");
    const tables = page.locator("table");
    await tables.nth(1).waitFor();
    const frameworkTable = await tables.nth(0).innerText();
    expect(frameworkTable).toContain("ILACS");
    expect(frameworkTable).toContain("SIF");
    const nationalTable = await tables.nth(1).innerText();
    // Seed 002: 158 SLAC safeguarding inspections; seed 004: 22% of authorities in the SIF first year.
    expect(nationalTable).toContain("158");
    expect(nationalTable).toContain("22");
    await page.close();
  });
});
