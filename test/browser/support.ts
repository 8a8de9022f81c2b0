import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type http from "node:http";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../lib/chromium.ts";
import { serve } from "../../scripts/serve.ts";
import { projectRoot } from "../../lib/paths.ts";

export const distDir = path.resolve(projectRoot, process.env.SITE_OUTPUT || "dist");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Serious or critical axe violations on the page as it stands. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  });
}

/** Where screenshots go for review: outside the repository, never committed. */
export const screenshotDir = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), "inspections-site-screenshots");

export interface Site {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function openSite(): Promise<Site> {
  if (!fs.existsSync(path.join(distDir, "index.html"))) throw new Error(`no built site at ${distDir}: run npm run build first`);
  if (!fs.existsSync(executablePath)) throw new Error(`no chromium at ${executablePath}: apt-get install -y chromium`);
  const server: http.Server = await serve(distDir, 0);
  const { port } = server.address() as AddressInfo;
  const browser = await launchChromium();
  return {
    origin: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Everything a page did wrong while loading: console errors, page errors, failed or foreign requests. */
export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

export async function visit(site: Site, route: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; problems: PageProblems }> {
  const page = await site.browser.newPage({ viewport });
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], foreignRequests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") problems.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => problems.consoleErrors.push(e.message));
  page.on("requestfailed", (r) => problems.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.failedRequests.push(`${r.url()} ${r.status()}`);
  });
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["blob:", "data:"].includes(url.protocol) && url.origin !== site.origin) problems.foreignRequests.push(r.url());
  });
  await page.goto(`${site.origin}${route}`, { waitUntil: "networkidle" });
  return { page, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
