import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse, type Warehouse } from "../warehouse/build.ts";
import chart from "../src/data/site/national-stock-chart.ts";

/*
 * The home page's first chart drawn at build time (src/data/site/national-stock-chart.ts) from the
 * committed data: England's bar carries the counts the SQL stock (macro stock_as_at) gives on the
 * latest publication date, and every region has a bar. The page shows it until the live chart draws.
 */
let wh: Warehouse;
beforeAll(async () => {
  wh = await buildWarehouse();
});
afterAll(() => wh?.close());

describe("prerendered home chart", () => {
  it("is an SVG image of the live chart's figure, with England's counts from the SQL stock on the latest date", async () => {
    const files = await chart(wh, "national-stock-chart");
    expect(Object.keys(files)).toEqual(["national-stock-chart.svg"]);
    const text = files["national-stock-chart.svg"]!;
    const doc = new JSDOM(text, { contentType: "image/svg+xml" }).window.document;
    const root = doc.documentElement;
    expect(root.tagName).toBe("svg");
    expect(Number(root.getAttribute("height"))).toBeGreaterThan(300);
    const figure = root.querySelector("foreignObject > figure")!;
    expect(figure.querySelector(":scope > div")!.textContent).toContain("Not yet graded");

    const last = (await wh.query<{ last: string }>("SELECT CAST(max(published_date) AS VARCHAR) AS last FROM inspections"))[0]!.last;
    const england = await wh.query<{ grade: number; n: number }>(
      `SELECT grade, CAST(sum(authorities) AS INTEGER) AS n FROM stock_as_at(CAST($d AS DATE))
       WHERE theme = 'overall' AND area = 'England' AND grade IS NOT NULL GROUP BY grade ORDER BY grade`,
      { d: last },
    );
    expect(england.length).toBe(4);
    // Text labels sit at translate(x, y); England is the top bar, read left to right.
    const labels = [...figure.querySelectorAll('svg g[aria-label="text"] text')].map((t) => {
      const [, x, y] = /translate\(([\d.]+),([\d.]+)\)/.exec(t.getAttribute("transform")!)!;
      return { x: Number(x), y: Number(y), n: Number(t.textContent) };
    });
    const top = Math.min(...labels.map((l) => l.y));
    const englandLabels = labels.filter((l) => l.y === top).sort((a, b) => a.x - b.x).map((l) => l.n);
    expect(englandLabels).toEqual(england.map((r) => r.n));

    const regions = await wh.query<{ region: string }>("SELECT DISTINCT ofsted_region AS region FROM authorities WHERE valid_to IS NULL OR valid_to >= CAST($d AS DATE)", { d: last });
    const ticks = [...figure.querySelectorAll('svg g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks.sort()).toEqual(["England", ...regions.map((r) => r.region)].sort());
  });
});
