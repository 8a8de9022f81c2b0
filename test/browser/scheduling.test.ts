import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse, type Warehouse } from "../../warehouse/build.ts";
import { openSite, screenshot, visit, type Site } from "./support.ts";

let site: Site;
let wh: Warehouse;
beforeAll(async () => {
  site = await openSite();
  wh = await buildWarehouse();
});
afterAll(async () => {
  wh?.close();
  await site?.close();
});

const pages = ["/coverage", "/proportionality", "/forward-look"];

describe("scheduling pages, offline in a real browser", () => {
  for (const route of pages) {
    for (const width of [1280, 390]) {
      it(`${route} at ${width}px loads with no console error, failed request or request to another origin`, async () => {
        const { page, problems } = await visit(site, route, { width, height: 900 });
        await page.waitForSelector("h1");
        await page.waitForLoadState("networkidle");
        await screenshot(page, `scheduling${route.replaceAll("/", "-")}-${width}`);
        expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
        await page.close();
      });
    }
  }

  it("forward look: changing the as-at date changes the overdue list to the warehouse's for that date", async () => {
    const overdueOn = async (d: string) =>
      (
        await wh.query<{ n: number }>(
          `SELECT count(*)::INTEGER AS n FROM overdue_periods
           WHERE overdue_from <= CAST($d AS DATE) AND (overdue_to IS NULL OR CAST($d AS DATE) <= overdue_to)`,
          { d },
        )
      )[0]!.n;
    const asAt = (await wh.query<{ data_as_at: string }>(`SELECT data_as_at FROM data_as_at`))[0]!.data_as_at;
    const { page } = await visit(site, "/forward-look");
    const summary = page.locator("p", { hasText: "overdue for a graded inspection on" });
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(new RegExp(`^${await overdueOn(asAt)} `));
    const firstRow = page.locator("table").first().locator("tbody tr").first();
    const firstRowBefore = await firstRow.innerText();

    await page.locator("input[type=date]").fill("2019-01-01");
    await expect.poll(() => summary.innerText()).toMatch(/1 Jan 2019/);
    const before2019 = await overdueOn("2019-01-01");
    expect(before2019).not.toBe(await overdueOn(asAt));
    expect(await summary.innerText()).toMatch(new RegExp(`^${before2019} `));
    // The table re-renders on its own schedule: wait for it, not for the summary.
    await expect.poll(() => firstRow.innerText()).not.toBe(firstRowBefore);
    await page.close();
  });

  it("coverage: choosing the SIF and October 2014 shows the first-year figure and its not-yet-inspected list", async () => {
    const [sif] = await wh.query<{ covered: number; existing: number }>(
      `SELECT covered, existing FROM coverage_monthly WHERE framework = 'SIF' AND region = 'England' AND month = '2014-10'`,
    );
    const { page } = await visit(site, "/coverage");
    // Inputs.select's option values are indices: choose by the visible text. The month select is
    // re-rendered for the chosen framework, so wait for the new one to offer October 2014 (ILACS,
    // the default, starts in 2018) and check that the choice held rather than reading options once.
    const framework = page.getByLabel("Framework", { exact: true });
    const sifLabel = (await framework.locator("option").allInnerTexts()).find((o) => o.startsWith("SIF:"))!;
    await framework.selectOption({ label: sifLabel });
    const month = page.getByLabel("As at the end of", { exact: true });
    await expect.poll(() => month.locator("option").allInnerTexts()).toContain("October 2014");
    await expect
      .poll(async () => {
        await month.selectOption({ label: "October 2014" });
        return month.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent);
      })
      .toBe("October 2014");
    const covered = page.locator(".card").filter({ has: page.locator("h2", { hasText: /^Covered$/ }) });
    await expect.poll(() => covered.innerText()).toContain(`${sif!.covered} of ${sif!.existing}`);
    const notYet = page.locator("p", { hasText: "authorities not yet inspected under SIF" });
    await expect.poll(() => notYet.innerText()).toMatch(new RegExp(`^${sif!.existing - sif!.covered} `));
    await screenshot(page, "scheduling-coverage-sif-2014-10");
    await page.close();
  });
});
