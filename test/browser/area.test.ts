import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { areaStatistic } from "../../schema/area.ts";
import { openSite, screenshot, visit, type Site } from "./support.ts";

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

const stats = readCsv(path.join(dataDir, "area-statistics.csv"), areaStatistic);
/** The newest official figure of a measure for an area, as committed in data/area-statistics.csv. */
function latestOfficial(area: string, measure: string) {
  return stats
    .filter((r) => r.area === area && r.measure === measure && r.value !== null && !/^\d{3}-/.test(r.source))
    .sort((a, b) => a.as_at.localeCompare(b.as_at))
    .at(-1)!;
}

describe("'The area' on authority profiles", () => {
  // Kent (a SIF report with every figure), North Northamptonshire (created 2021 from Northamptonshire),
  // Dorset (created 2019), Bournemouth, Christchurch and Poole (three predecessors).
  for (const la of ["886", "940", "838", "839"]) {
    it(`/authorities/${la} shows the latest official rates beside neighbours, region and England`, async () => {
      const { page, problems } = await visit(site, `/authorities/${la}`);
      const row = page.locator('.profile section.area tr[data-measure="cla_rate"]');
      const latest = latestOfficial(la, "cla_rate");
      await expect.poll(() => row.innerText()).toContain(latest.period);
      const cells = await row.locator("td").allInnerTexts();
      expect(Number(cells[0])).toBe(latest.value);
      expect(await page.locator('.profile section.area tr[data-measure="cpp_rate"]').count()).toBe(1);
      expect(await page.locator('.profile section.area tr[data-measure="sw_turnover_rate"]').count()).toBe(1);
      expect(await page.locator(".profile section.area svg.sparkline").count()).toBeGreaterThan(0);
      await screenshot(page, `area-${la}`);
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
      await page.close();
    });
  }

  it("North Northamptonshire marks Northamptonshire's figures as the predecessor's; BCP adds none up", async () => {
    const nn = (await visit(site, "/authorities/940")).page;
    const caption = nn.locator(".profile section.area .caption");
    await expect.poll(() => caption.innerText()).toContain("Northamptonshire, the predecessor");
    expect(await nn.locator(".profile section.area .area-deprivation sup").first().innerText()).toBe("p");
    await nn.close();
    const bcp = (await visit(site, "/authorities/839")).page;
    await expect.poll(() => bcp.locator(".profile section.area .caption").innerText()).toContain("not added up");
    await bcp.close();
  });

  it("Kent's last SIF report figures are shown with their dates, and the as-at date moves them", async () => {
    const { page } = await visit(site, "/authorities/886");
    const report = page.locator(".profile section.area ul.area-report");
    // Kent's 2017 SIF report, page 6: "At 6 March 2017, 1,893 children were being looked after ... (a rate of 57 per 10,000 children)"
    await expect.poll(() => report.innerText()).toContain("1,893 (57 per 10,000) at 6 Mar 2017");
    expect(await report.innerText()).toContain("Signs of Safety");
    await page.locator('input[type="date"]').fill("2016-06-01");
    const row = page.locator('.profile section.area tr[data-measure="cla_rate"]');
    await expect.poll(() => row.innerText()).toContain("2016");
    await expect.poll(() => page.locator(".profile section.area").innerText()).toContain("No SIF report of this authority published on or before 1 Jun 2016");
    await page.close();
  });

  it("the benchmarking page plots a chosen context measure by latest overall grade, with its table", async () => {
    const { page, problems } = await visit(site, "/benchmarking");
    const select = page.getByRole("combobox", { name: "Context measure" });
    await select.waitFor();
    const caption = page.locator("p.caption", { hasText: "An association is not a cause" });
    await expect.poll(() => caption.innerText()).toMatch(/^\d+ authorities/);
    await select.selectOption({ label: "Social worker turnover rate (FTE)" });
    const table = page.getByRole("region", { name: "Context measure by latest overall grade" });
    const turnover = stats.filter((r) => r.measure === "sw_turnover_rate" && r.area_kind === "authority" && r.period === "2025" && r.value !== null).length;
    await expect.poll(async () => Number(/^(\d+)/.exec(await caption.innerText())?.[1])).toBeGreaterThanOrEqual(turnover - 2);
    expect(await page.locator("svg[aria-label^='Social worker turnover rate']").count()).toBe(1);
    await expect.poll(() => table.locator("tbody tr").first().innerText()).toMatch(/\d/);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await page.close();
  });
});
