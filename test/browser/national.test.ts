import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { authority } from "../../schema/canonical.ts";
import { openSite, screenshot, visit, type Site } from "./support.ts";

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

/** The rows of the data table whose aria-label starts with `label`, as header -> cell text. */
async function tableRows(page: Page, label: string, { mayBeEmpty = false } = {}): Promise<Record<string, string>[]> {
  const region = page.locator(`[aria-label^="${label}"]`).first();
  await (mayBeEmpty ? region.waitFor() : region.locator("tbody tr").first().waitFor());
  return region.evaluate((el) => {
    // Headers without the sort arrow Inputs.table adds to the sorted column.
    const headers = [...el.querySelectorAll("thead th")].map((th) => (th.textContent ?? "").replace(/[▴▾]/g, "").trim());
    return [...el.querySelectorAll("tbody tr")].map((tr) =>
      Object.fromEntries([...tr.querySelectorAll("td")].map((td, i) => [headers[i] ?? String(i), td.textContent?.trim() ?? ""])),
    );
  });
}

const control = (page: Page, label: string) => page.locator("form").filter({ hasText: label }).first();

describe("national picture and benchmarking pages load clean", () => {
  for (const route of ["/", "/benchmarking"]) {
    for (const width of [1280, 390]) {
      it(`${route} at ${width}px: no console error, failed request or request to another origin`, async () => {
        const { page, problems } = await visit(site, route, { width, height: 900 });
        await page.waitForSelector("h1");
        await page.locator("table").first().waitFor();
        await screenshot(page, `national${route === "/" ? "-home" : route.replaceAll("/", "-")}-${width}`);
        expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
        await page.close();
      });
    }
  }
});

describe("the home page's first chart drawn at build time", () => {
  it("is painted from the site's own file and gives way to the live chart once that has drawn", async () => {
    const { page, problems } = await visit(site, "/");
    const image = page.locator(".prerendered-chart img");
    expect(await image.getAttribute("alt")).toMatch(/^Share of authorities at each most recent overall effectiveness grade/);
    await page.locator('#observablehq-main svg[aria-label^="Share of authorities at each most recent Overall effectiveness grade"]').waitFor();
    await page.waitForFunction(() => (document.querySelector(".prerendered-chart img") as HTMLImageElement).complete);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(300);
    expect(new URL((await image.evaluate((img: HTMLImageElement) => img.currentSrc))).pathname).toMatch(/^\/_file\/data\/site\/national-stock-chart\.[0-9a-f]+\.svg$/);
    // Hidden by the stylesheet once the live chart follows it: one chart on screen, not two.
    expect(await page.locator(".prerendered-chart").evaluate((el) => getComputedStyle(el).display)).toBe("none");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await page.close();
  });
});

// The controls need graded reports; until the ingest writes data/inspections.csv they are skipped.
const hasReports = fs.readFileSync(path.join(dataDir, "inspections.csv"), "utf8").trim().split("\n").length > 1;

describe.skipIf(!hasReports)("the controls change what is shown", () => {
  it("the as-at date changes the stock table; before any report every authority is not yet graded", async () => {
    const { page } = await visit(site, "/");
    const label = "Most recent Overall effectiveness grade by area";
    const latest = (await tableRows(page, label)).find((r) => r.Area === "England")!;
    // 153 current authorities, less the six created since 2019, plus the five they replaced.
    await control(page, "As at").locator("input").fill("2009-04-01");
    await page.locator(`[aria-label="${label} on 2009-04-01"]`).waitFor();
    const before = (await tableRows(page, label)).find((r) => r.Area === "England")!;
    expect(before).toMatchObject({ "Not yet graded": "152", Authorities: "152", Good: "0" });
    expect(Number(latest["Not yet graded"])).toBeLessThan(152);
    await page.close();
  });

  it("the theme changes the stock: LSCB grades come only from the SIF and its separate LSCB reviews", async () => {
    const { page } = await visit(site, "/");
    await control(page, "Theme").locator("select").selectOption({ label: "LSCB effectiveness" });
    const rows = await tableRows(page, "Most recent LSCB effectiveness grade by area");
    const england = rows.find((r) => r.Area === "England")!;
    const parts = england["Grades from"]!.split(", ");
    expect(parts.every((p) => /^SIF(_LSCB)? \d+$/.test(p))).toBe(true);
    const graded = ["Outstanding", "Good", "RI / adequate", "Inadequate"].reduce((n, h) => n + Number(england[h]), 0);
    expect(parts.reduce((n, p) => n + Number(p.split(" ")[1]), 0)).toBe(graded);
    await page.close();
  });

  it("the map draws all 153 upper-tier authorities", async () => {
    const { page } = await visit(site, "/");
    const map = page.locator('svg[aria-label^="Map of English upper-tier authorities"]');
    await map.waitFor();
    expect(await map.locator("path").count()).toBe(153);
    await page.close();
  });

  it("the period control switches the flow table to quarters", async () => {
    const { page } = await visit(site, "/");
    expect((await tableRows(page, "Reports per financial year"))[0]!.Period).toMatch(/^FY \d{4}-\d{2}$/);
    await control(page, "Period").getByLabel("quarter").check();
    expect((await tableRows(page, "Reports per quarter"))[0]!.Period).toMatch(/^\d{4} Q[1-4]$/);
    await page.close();
  });

  it("benchmarking: the region and neighbour filters narrow the table and the summary", async () => {
    const { page } = await visit(site, "/benchmarking");
    const caption = page.getByTestId("table-caption");
    const count = async () => Number((await caption.innerText()).match(/^(\d+) authorities/)![1]);
    const card = async () => Number(await page.getByTestId("authorities-inspected").innerText());
    await expect.poll(() => caption.innerText()).toContain("with a SIF report published 2013-11-01 to 2014-10-31");
    const all = await count();
    expect(all).toBeGreaterThan(0);
    // Caption, card and table are separate cells: wait for each to show the same filter.
    await expect.poll(card).toBe(all);

    await control(page, "Region").locator("select").selectOption("London");
    await expect.poll(() => caption.innerText()).toContain("London,");
    const london = await count();
    expect(london).toBeLessThan(all);
    await expect.poll(card).toBe(london);
    await expect.poll(async () => (await tableRows(page, "Authorities inspected under SIF")).length).toBe(london);
    const rows = await tableRows(page, "Authorities inspected under SIF");
    expect(new Set(rows.map((r) => r.Region))).toEqual(new Set(["London"]));

    await control(page, "Region").locator("select").selectOption("All regions");
    await expect.poll(() => caption.innerText()).not.toContain("London,");
    await control(page, "Statistical neighbours of").locator("select").selectOption({ label: "Kent" });
    await expect.poll(() => caption.innerText()).toContain("Kent and its statistical neighbours");
    const authorities = readCsv(path.join(dataDir, "authorities.csv"), authority);
    const kent = authorities.find((a) => a.name === "Kent")!;
    const allowed = new Set([kent.la_code, ...kent.stat_neighbours].map((code) => authorities.find((a) => a.la_code === code)!.name));
    const outsiders = async () => (await tableRows(page, "Authorities inspected under SIF", { mayBeEmpty: true })).filter((r) => !allowed.has(r.Authority!));
    await expect.poll(outsiders).toEqual([]);
    const neighbourRows = await tableRows(page, "Authorities inspected under SIF", { mayBeEmpty: true });
    await expect.poll(card).toBe(neighbourRows.length);
    await screenshot(page, "national-benchmarking-kent-neighbours");
    await page.close();
  });
});
