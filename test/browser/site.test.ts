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
    // Issue 11: our stated SLAC grades beside HMCI 2010/11 (47 safeguarding inspections) and seed 002.
    const stated = page.locator("table", { hasText: "HMCI 2010/11" });
    await stated.waitFor();
    expect(await stated.innerText()).toContain("47");
    expect(await stated.innerText()).toContain("seed 002 (NCASC 2012)");
    await page.close();
  });
});
