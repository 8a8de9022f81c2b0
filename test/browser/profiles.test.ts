import fs from "node:fs";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { authority, inspection } from "../../schema/canonical.ts";
import { buildWarehouse } from "../../warehouse/build.ts";
import type { Page } from "playwright-core";
import { distDir, openSite, screenshot, screenshotDir, visit, type Site, axeViolations } from "./support.ts";

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

// Norfolk (LAC 2013 to outstanding 2026), Birmingham (inadequate twice, then good),
// North Northamptonshire (created 2021; its 2026 report has no overall grade).
const samples = ["926", "330", "940"];

async function pdfPages(pdf: Buffer): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

describe("authority profiles in a real browser", () => {
  it("the build has one page per current authority and per predecessor with a report", () => {
    const inspected = new Set(readCsv(path.join(dataDir, "inspections.csv"), inspection).map((i) => i.la_code));
    const expected = readCsv(path.join(dataDir, "authorities.csv"), authority)
      .filter((a) => a.status === "current" || inspected.has(a.la_code))
      .map((a) => `${a.la_code}.html`);
    const built = fs.readdirSync(path.join(distDir, "authorities")).filter((f) => /^\d{3}\.html$/.test(f));
    expect(built.sort()).toEqual(expected.sort());
  });

  for (const la of samples) {
    it(`/authorities/${la} loads clean and passes axe, desktop and 390px wide`, async () => {
      for (const [width, suffix] of [[1280, ""], [390, "-390"]] as const) {
        const { page, problems } = await visit(site, `/authorities/${la}`, { width, height: 900 });
        await page.locator(".profile table.themes").waitFor();
        await screenshot(page, `profile-${la}${suffix}`);
        expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      }
    });
  }

  it("the search box finds an authority by part of its name and links to its profile", async () => {
    const { page, problems } = await visit(site, "/authorities/");
    await page.locator("table").first().waitFor();
    await page.getByRole("searchbox").fill("west northam");
    const rows = page.locator("table tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    await screenshot(page, "profiles-search");
    expect(await axeViolations(page)).toEqual([]);
    await rows.first().getByRole("link", { name: "West Northamptonshire" }).click();
    await page.waitForURL(/\/authorities\/941$/);
    await expect.poll(() => page.locator("h1").innerText()).toBe("West Northamptonshire");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await page.close();
  });

  it("the search box matches codes too: a GSS code finds its authority", async () => {
    const { page } = await visit(site, "/authorities/");
    await page.getByRole("searchbox").fill("E08000025");
    await expect.poll(() => page.locator("table tbody tr").allInnerTexts()).toEqual([expect.stringContaining("Birmingham")]);
    await page.close();
  });

  it("changing the as-at date changes the latest grade shown", async () => {
    const { page } = await visit(site, "/authorities/926");
    const card = page.locator(".profile .card").first();
    // data/judgements.csv: Norfolk's report of 18 May 2026 graded overall effectiveness "Outstanding";
    // the SIF report of 19 Oct 2015 "inadequate" (labels as published).
    await expect.poll(() => card.innerText()).toContain("Outstanding");
    await page.locator('input[type="date"]').fill("2016-06-01");
    await expect.poll(() => card.innerText()).toMatch(/inadequate\s+SIF report published 19 Oct 2015/);
    await expect.poll(() => page.locator(".profile-footer").innerText()).toContain("As at 1 Jun 2016");
    // The LAC report of 16 Aug 2013 and the SIF report of 19 Oct 2015, after the SLAC (2011) and CPI
    // (January 2013) outcomes later reports state (data/stated-inspections.csv).
    await expect.poll(() => page.locator(".profile table.history tbody tr").count()).toBe(4);
    await page.close();
  });

  it("a date change fetches the history once and compares with region and England as the warehouse does on that date", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const fetched: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/_file/")) fetched.push(new URL(r.url()).pathname.replace(/^.*\/_file\//, "").replace(/\.[0-9a-f]{8}\.json$/, ".json"));
    });
    await page.goto(`${site.origin}/authorities/926`, { waitUntil: "networkidle" });
    const overall = page.locator(".profile table.themes tbody tr").filter({ has: page.locator("th", { hasText: /^Overall effectiveness$/ }) });
    await overall.waitFor();
    // On its default date the page needs neither the history nor the distributions of other dates.
    expect(fetched.filter((f) => f.includes("history") || f.includes("distribution"))).toEqual([]);
    const asAt = "2016-06-01";
    await page.locator('input[type="date"]').fill(asAt);
    await expect.poll(() => page.locator(".profile-footer").innerText()).toContain("As at 1 Jun 2016");
    const wh = await buildWarehouse();
    try {
      const tally = async (scope: string) => {
        const [d] = await wh.query<{ t: string }>(
          `SELECT concat_ws(' · ', n_outstanding, n_good, n_requires_improvement, n_inadequate) AS t FROM grade_distribution_intervals
           WHERE scope = $scope AND theme = 'overall' AND valid_from <= DATE '${asAt}' AND (valid_until IS NULL OR DATE '${asAt}' < valid_until)`,
          { scope },
        );
        return d!.t;
      };
      const cells = overall.locator("td.num");
      await expect.poll(() => cells.nth(1).innerText()).toBe(await tally("East of England"));
      await expect.poll(() => cells.nth(2).innerText()).toBe(await tally("England"));
    } finally {
      wh.close();
    }
    // A second date reuses what the first fetched.
    await page.locator('input[type="date"]').fill("2019-06-01");
    await expect.poll(() => page.locator(".profile-footer").innerText()).toContain("As at 1 Jun 2019");
    await page.waitForLoadState("networkidle");
    expect(fetched.filter((f) => f.includes("history") || f.includes("distribution")).sort()).toEqual([
      "data/authorities/profiles/926-history.json",
      "data/authorities/profiles/distribution.json",
    ]);
    await page.close();
  });

  for (const la of samples) {
    it(`/authorities/${la} prints on at most two A4 pages, without controls, with the as-at date and sources`, async () => {
      const { page } = await visit(site, `/authorities/${la}`);
      await page.locator(".profile table.themes").waitFor();
      await page.emulateMedia({ media: "print" });
      for (const control of ["form", "button", 'input[type="date"]', ".site-nav"]) {
        expect(await page.locator(control).first().isVisible(), control).toBe(false);
      }
      const footer = await page.locator(".profile-footer").innerText();
      expect(footer).toMatch(/^As at \d{1,2} \w{3} \d{4}/);
      expect(footer).toContain("data/inspections.csv");
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      fs.writeFileSync(path.join(screenshotDir, `profile-${la}.pdf`), pdf);
      expect(await pdfPages(pdf)).toBeLessThanOrEqual(2);
      await page.close();
    });
  }
});
