import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CsvError, readCsv } from "../../lib/csv.ts";
import { dataDir } from "../../lib/paths.ts";
import { inspection, judgement } from "../../schema/canonical.ts";
import { reportThemeCount, reportThemeSnippet } from "../../schema/report-themes.ts";
import { buildWarehouse } from "../../warehouse/build.ts";

const fixtureDir = path.join(import.meta.dirname, "..", "fixtures", "warehouse");

/** A copy of a data folder (the committed data/ or the warehouse fixture) with one file's text changed. */
function copyWith(from: string, file: string, edit: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csv-"));
  fs.cpSync(from, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), edit(fs.readFileSync(path.join(dir, file), "utf8")));
  return dir;
}

const lines = (t: string) => t.split("\n");
/** The committed inspections.csv, one data line changed: `edit` gets that line's cells. */
function inspectionsWith(lineNo: number, edit: (cells: string[]) => string[], extra: (ls: string[]) => string[] = (ls) => ls): string {
  const dir = copyWith(dataDir, "inspections.csv", (t) => extra(lines(t).map((l, i) => (i === lineNo - 1 ? edit(l.split(",")).join(",") : l))).join("\n"));
  return path.join(dir, "inspections.csv");
}
const col = (name: string) => Object.keys(inspection.shape).indexOf(name);
const fail = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a failure");
};

describe("every CSV problem names the file, the line and the column", () => {
  it("an impossible date (2020-02-30) is refused by the schema, not later by DuckDB", () => {
    const file = inspectionsWith(5, (c) => ((c[col("published_date")] = "2020-02-30"), c));
    const e = fail(() => readCsv(file, inspection));
    expect(e).toBeInstanceOf(CsvError);
    expect(e.message).toBe(`${file}: line 5, column published_date: expected a real calendar date as YYYY-MM-DD (value "2020-02-30")`);
  });

  it("line numbers stay right after blank lines", () => {
    // Two blank lines inserted after line 3: the bad row, line 10 of the original, is line 12 of the file.
    const file = inspectionsWith(10, (c) => ((c[col("start_date")] = "2019-13-01"), c), (ls) => [...ls.slice(0, 3), "", "", ...ls.slice(3)]);
    expect(lines(fs.readFileSync(file, "utf8"))[11]).toContain("2019-13-01");
    expect(fail(() => readCsv(file, inspection)).message).toMatch(/: line 12, column start_date: expected a real calendar date/);
  });

  it("a quoted value spanning lines moves the lines after it, as in the file", () => {
    const file = inspectionsWith(3, (c) => ((c[col("source_file")] = '"two\nlines.pdf"'), c));
    const t = lines(fs.readFileSync(file, "utf8"));
    const bad = t.findIndex((l, i) => i > 5 && l.includes(","));
    fs.writeFileSync(file, t.map((l, i) => (i === bad ? l.replace(/,\d{4}-\d{2}-\d{2},ofsted/, ",9999-99-99,ofsted") : l)).join("\n"));
    expect(fail(() => readCsv(file, inspection)).message).toMatch(new RegExp(`: line ${bad + 1}, column published_date:`));
  });

  it("a javascript: report link is refused, as is a link to another host", () => {
    const js = inspectionsWith(4, (c) => ((c[col("report_url")] = "javascript:alert(document.domain)"), c));
    expect(fail(() => readCsv(js, inspection)).message).toBe(
      `${js}: line 4, column report_url: expected an https link on files.ofsted.gov.uk or reports.ofsted.gov.uk (value "javascript:alert(document.domain)")`,
    );
    const other = inspectionsWith(4, (c) => ((c[col("report_url")] = "https://files.ofsted.gov.uk.example.com/v1/file/1"), c));
    expect(fail(() => readCsv(other, inspection)).message).toMatch(/line 4, column report_url: expected an https link/);
  });

  it("a missing column is named with its file before any row is read", () => {
    const dir = copyWith(dataDir, "inspections.csv", (t) => lines(t).map((l) => l.split(",").slice(0, -1).join(",")).join("\n"));
    const file = path.join(dir, "inspections.csv");
    expect(fail(() => readCsv(file, inspection)).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: line 1: missing column report_url`));
  });

  it("a ragged row names its line", () => {
    const file = inspectionsWith(7, (c) => c.slice(0, 4));
    expect(fail(() => readCsv(file, inspection)).message).toMatch(/: malformed CSV at line 7: 4 fields where the header has 10/);
  });
});

describe("the warehouse build stops on these as readCsv does, naming the line and column", () => {
  it.each([
    ["an impossible date", (t: string) => t.replace("2016-03-01,2016-03-24,2016-05-10", "2016-02-30,2016-03-24,2016-05-10"), /inspections\.csv: line 2, column start_date: expected a real calendar date/],
    ["a missing column", (t: string) => lines(t).map((l) => l.split(",").slice(0, -1).join(",")).join("\n"), /inspections\.csv: line 1: missing column report_url/],
    ["a javascript: link", (t: string) => t.replace("fixture/a.pdf,0000000000000000000000000000000000000000000000000000000000000001,", "fixture/a.pdf,0000000000000000000000000000000000000000000000000000000000000001,javascript:alert(1)"), /inspections\.csv: line 2, column report_url: expected an https link/],
  ])("%s", async (_, edit, message) => {
    const err = await buildWarehouse({ dataDir: copyWith(fixtureDir, "inspections.csv", edit) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvError);
    expect((err as Error).message).toMatch(message);
  });
});

describe("tables checked in DuckDB (bulk in warehouse/tables.ts) fail as readCsv fails them", () => {
  // Each case: the fixture file edited, and what readCsv says of the edited file, which the build must repeat.
  const themes = "report-themes.csv";
  it.each([
    ["an unknown section", themes, (t: string) => t.replace("928-sif-2016-05-10,leadership,summary,weakness,1", "928-sif-2016-05-10,leadership,nowhere,weakness,1")],
    ["a count of nothing", themes, (t: string) => t.replace("928-sif-2016-05-10,leadership,summary,weakness,1", "928-sif-2016-05-10,leadership,summary,weakness,0")],
    ["a theme id with capitals, after blank lines and a value over two lines", themes, (t: string) =>
      lines(t).flatMap((l, i) => (i === 1 ? ["", l, ""] : [l])).join("\n").replace("928-sif-2016-05-10,all,improve", '"928-sif-\n2016-05-10",all,improve').replace(",leadership,summary", ",Leadership,summary")],
    ["a missing column", "judgements.csv", (t: string) => lines(t).map((l) => l.split(",").slice(0, -1).join(",")).join("\n")],
    ["an empty grade label", "judgements.csv", (t: string) => t.replace("928-sif-2016-05-10,sif_help_protection,Inadequate,", "928-sif-2016-05-10,sif_help_protection,,")],
  ])("%s", async (_, file, edit) => {
    const dir = copyWith(fixtureDir, file, edit);
    const expected = fail(() => readCsv(path.join(dir, file), file === themes ? reportThemeCount : judgement));
    const err = await buildWarehouse({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvError);
    expect((err as Error).message).toBe(expected.message);
    expect(expected.message).toMatch(/line \d+(, column \w+|: missing column)/);
  });

  it("a snippet's length is counted as zod counts it, not in bytes", async () => {
    const snippets = "report-theme-snippets.csv";
    // 200 ellipses (600 bytes) and 150 emoji (300 UTF-16 units, 150 code points) are within the limit of 200; 201 ellipses are not
    const dir = copyWith(fixtureDir, snippets, (t) =>
      t
        .replace("Leaders need a clearer plan for improvement.", "…".repeat(200))
        .replace("Improve the recruitment and retention of social workers.", "😀".repeat(150))
        .replace("The stability of the workforce.", "…".repeat(201)),
    );
    const expected = fail(() => readCsv(path.join(dir, snippets), reportThemeSnippet));
    expect(expected.message).toMatch(/line 4, column snippet:/);
    const err = await buildWarehouse({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvError);
    expect((err as Error).message).toBe(expected.message);
  });

  it("a row that is not CSV names the file", async () => {
    const err = await buildWarehouse({ dataDir: copyWith(fixtureDir, themes, (t) => t + '928-x,all,"improve,weakness\n') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvError);
    expect((err as Error).message).toMatch(/report-themes\.csv: malformed CSV/);
  });
});
