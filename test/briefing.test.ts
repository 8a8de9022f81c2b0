import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCsv } from "../lib/csv.ts";
import { dataDir, projectRoot } from "../lib/paths.ts";
import { inspection } from "../schema/canonical.ts";

const fixtureDir = path.join(import.meta.dirname, "fixtures", "profiles");
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "briefing-"));

/** Run the command from a temporary folder, where it writes its file unless told --out. */
function briefing(...args: string[]) {
  const r = spawnSync(path.join(projectRoot, "node_modules", ".bin", "tsx"), [path.join(projectRoot, "scripts", "briefing.ts"), ...args], { cwd: outDir, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe("npm run briefing: one authority's briefing as a standalone HTML file", () => {
  it("writes Birmingham as at 1 June 2019: its three reports, the latest grades and the rule that applies", () => {
    const out = path.join(outDir, "birmingham.html");
    const r = briefing("--authority", "Birmingham", "--as-at", "2019-06-01", "--out", out);
    expect(r).toMatchObject({ status: 0, stdout: out });
    const html = fs.readFileSync(out, "utf8");
    expect(html).toContain("<h1>Birmingham</h1>");
    expect(html).toContain("Pre-inspection briefing profile as at 1 Jun 2019");
    // data/inspections.csv: 330-sif-2014-05-23, 330-sif-2016-11-25 and 330-ilacs-2019-01-17 were published by then;
    // before them, as the 2014 SIF report states (data/stated-inspections.csv), SLAC in 2010 and the CPI in September 2012.
    const history = html.slice(html.indexOf('<table class="history">'));
    expect(history.match(/<tr><td>/g)).toHaveLength(5);
    expect(history).toContain("<tr><td>September 2012</td>");
    expect(history).toContain("as stated in the 2014 SIF report, p11");
    expect(history).toContain("17 Jan 2019");
    expect(history).toContain("25 Nov 2016");
    expect(history).toContain("23 May 2014");
    expect(history).not.toContain("18 Apr 2023");
    // The January 2019 ILACS report graded overall effectiveness "Requires improvement to be good":
    // data/reference/scheduling-rules.csv gives ilacs_standard_ri, three years from publication.
    expect(html).toContain("Requires improvement to be good");
    expect(html).toContain("ilacs_standard_ri");
    expect(html).toContain("17 Jan 2022");
  });

  it("is standalone: inline style and SVG, no script, no stylesheet or image fetched, links only to published reports", () => {
    const out = path.join(outDir, "norfolk.html");
    expect(briefing("--authority", "926", "--out", out).status).toBe(0);
    const html = fs.readFileSync(out, "utf8");
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\ssrc=/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/files\.ofsted\.gov\.uk\//);
  });

  it("defaults to the date of the latest report in the data", () => {
    const last = readCsv(path.join(dataDir, "inspections.csv"), inspection)
      .map((i) => i.published_date)
      .sort()
      .at(-1)!;
    expect(briefing("--authority", "Norfolk")).toMatchObject({ status: 0, stdout: path.join(outDir, `briefing-926-${last}.html`) });
  });

  it("finds an authority by alias or code and carries a predecessor's grades (fixture)", () => {
    const out = path.join(outDir, "barnet.html");
    expect(briefing("--authority", "London Borough of Barnet", "--as-at", "2019-01-01", "--data", fixtureDir, "--out", out).status).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toContain("sif_inadequate_reinspection");
    const west = path.join(outDir, "west.html");
    expect(briefing("--authority", "E06000062", "--as-at", "2023-06-01", "--data", fixtureDir, "--out", west).status).toBe(0);
    const html = fs.readFileSync(west, "utf8");
    expect(html).toContain("<h1>West Northamptonshire</h1>");
    expect(html).toContain("Created on 1 Apr 2021 from Northamptonshire (928)");
    expect(html).toContain('title="inherited from predecessor 928"');
  });

  it("refuses an unknown authority, naming the file it searched and near matches", () => {
    const r = briefing("--authority", "Narnia");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`briefing: unknown authority "Narnia": no name, alias, LA code, GSS code or Ofsted URN in ${path.join(dataDir, "authorities.csv")} matches`);
    expect(briefing("--authority", "northampton").stderr).toContain("Did you mean Northamptonshire (928), North Northamptonshire (940), West Northamptonshire (941)?");
  });

  it("refuses a date before any inspection, or when the authority did not exist", () => {
    // Birmingham's first known inspection is the SLAC inspection of 2010 its 2014 SIF report states, known
    // to the year only and placed on 1 January 2010 (docs/methodology.md).
    const early = briefing("--authority", "Birmingham", "--as-at", "2009-12-31");
    expect(early.status).toBe(1);
    expect(early.stderr).toBe("briefing: no graded inspection of Birmingham (330) or of an authority it replaced was published on or before 2009-12-31: the first was published on 2010-01-01");
    const before = briefing("--authority", "North Northamptonshire", "--as-at", "2019-01-01");
    expect(before).toMatchObject({ status: 1, stderr: 'briefing: "North Northamptonshire" did not exist on 2019-01-01: North Northamptonshire (940) existed from 2021-04-01' });
    const existing = briefing("--authority", "Northamptonshire", "--as-at", "2016-06-01", "--data", fixtureDir, "--out", path.join(outDir, "northamptonshire.html"));
    expect(existing.status).toBe(0);
    expect(briefing("--authority", "928", "--as-at", "2022-01-01", "--data", fixtureDir).stderr).toBe(
      "briefing: Northamptonshire (928) no longer existed on 2022-01-01: its last day was 2021-03-31; its successors are 940, 941",
    );
  });

  it("refuses an authority with no report, an ambiguous name, a bad date and a missing --authority", () => {
    expect(briefing("--authority", "Northamptonshire").stderr).toBe(
      "briefing: Northamptonshire (928) has no graded inspection in the data, so it has no briefing; see its successors North Northamptonshire (940), West Northamptonshire (941)",
    );
    expect(briefing("--authority", "Dorset").stderr).toBe(
      'briefing: "Dorset" names more than one authority: Dorset (835), Dorset (838). Give the LA code, or an --as-at date on which only one existed.',
    );
    expect(briefing("--authority", "Kent", "--as-at", "2019-02-30")).toMatchObject({ status: 1, stderr: 'briefing: --as-at must be a real date written YYYY-MM-DD, got "2019-02-30"' });
    const none = briefing();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("--authority is required");
  });
});
