import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openSite, screenshot, visit, type Site, axeViolations } from "./support.ts";

const fetchedSearchFiles = (page: Page) => page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((u) => /search-passages\./.test(u)));

/** The status line once a search has been answered (its data-state is set when results are drawn). */
async function answered(page: Page, previous?: string): Promise<string> {
  const status = page.locator("[data-testid=search-status][data-state=done]");
  await status.waitFor({ timeout: 120_000 });
  if (previous !== undefined) await expect.poll(() => status.innerText(), { timeout: 30_000 }).not.toBe(previous);
  return status.innerText();
}

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

describe("Search the reports (/search)", () => {
  it("loads nothing large until asked, then finds every passage of a phrase, highlighted, with filters, counts and links", async () => {
    const { page, problems } = await visit(site, "/search");
    await page.getByText("Nothing large is loaded until you do").waitFor();
    expect(await fetchedSearchFiles(page)).toEqual([]);

    await page.getByLabel("Words or phrase").fill("edge of care");
    await page.getByLabel("Words or phrase").press("Enter");
    const all = await answered(page);
    expect(all).toMatch(/^[\d,]+ passages in \d+ reports for the phrase "edge of care"/);
    // The first search scans the passages; the index is built from them after it, for the searches
    // that follow, and fetches nothing more.
    expect(await fetchedSearchFiles(page)).toEqual([expect.stringMatching(/search-passages\./)]);
    await page.locator("html[data-search-index=loaded]").waitFor({ timeout: 120_000 });
    expect((await fetchedSearchFiles(page)).length).toBe(1);
    const results = page.getByRole("table", { name: "Matching passages, newest report first" });
    const marks = await results.locator("mark").allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLowerCase().replace(/\W+/g, " ")).toBe("edge of care");
    const pdf = results.getByRole("link", { name: /^PDF page \d+$/ }).first();
    expect(await pdf.getAttribute("href")).toMatch(/^https:\/\/files\.ofsted\.gov\.uk\/v1\/file\/\d+#page=\d+$/);
    await page.getByRole("table", { name: "Matches by year published" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Download all \d+ passages \(CSV\)$/ }).click()]);
    expect(download.suggestedFilename()).toBe("search-edge-of-care.csv");
    const csv = fs.readFileSync((await download.path())!, "utf8").trim().split("\n");
    expect(csv[0]).toBe("inspection_id,authority,region,framework,published_date,overall_grade,overall_label,section,page,pdf_page,passage");
    expect(csv.length - 1).toBe(Number(all.match(/^([\d,]+) passages/)![1]!.replace(/,/g, "")));

    await page.getByLabel("Framework").selectOption({ label: "ILACS" });
    const ilacs = await answered(page, all);
    await page.getByLabel("Overall grade").selectOption({ label: "Inadequate" });
    const filtered = await answered(page, ilacs);
    expect(filtered).toContain("(ILACS, Inadequate)");
    const n = (s: string) => Number(s.match(/^([\d,]+) passages/)![1]!.replace(/,/g, ""));
    expect(n(filtered)).toBeGreaterThan(0);
    expect(n(filtered)).toBeLessThan(n(ilacs));
    expect(n(ilacs)).toBeLessThan(n(all));
    for (const cell of await results.locator("td.report").allInnerTexts()) {
      expect(cell).toContain("ILACS");
      expect(cell).toContain("Inadequate");
    }
    const grades = await page.getByRole("table", { name: "Matches by overall grade" }).locator("tbody th").allInnerTexts();
    expect(grades).toEqual(["Inadequate"]);
    await screenshot(page, "page-search-edge-of-care");
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await page.close();
  }, 240_000);

  it("opens on a theme from the themes page link: that theme's passages in the areas for improvement", async () => {
    const { page: themes } = await visit(site, "/themes");
    const link = themes.locator("[data-testid=theme-search-link]");
    await link.waitFor();
    const href = await link.getAttribute("href");
    expect(href).toBe("./search?theme=workforce&section=improve");
    await themes.close();

    const { page, problems } = await visit(site, "/search?theme=workforce&section=improve");
    const status = await answered(page);
    expect(status).toMatch(/^[\d,]+ passages in \d+ reports \(Areas for improvement, Workforce stability, recruitment and retention\)/);
    const passages = await page.getByRole("table", { name: "Matching passages, newest report first" }).locator("td.passage").allInnerTexts();
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.filter((p) => /social workers?|staff|recruit|retention|agency|turnover|vacanc|workforce/i.test(p)).length / passages.length).toBeGreaterThan(0.9);
    for (const w of await page.getByRole("table", { name: "Matching passages, newest report first" }).locator("td.where").allInnerTexts()) expect(w).toContain("Areas for improvement");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await page.close();
  }, 240_000);
});
