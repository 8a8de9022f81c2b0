import { describe, expect, it } from "vitest";
import { datesIn, implausiblePublication, inspectionDates, publishedDate } from "../../loaders/reports/dates.ts";

const lines = (...texts: string[]) => texts.map((text) => ({ text, page: 1 }));

// Date lines as printed in real reports of the corpus (the file named after each case).
describe("inspection and publication dates", () => {
  it.each([
    ["Barnsley 2014", "Inspection date: 2 June 2014 – 25 June 2014", "2014-06-02", "2014-06-25"],
    ["Doncaster 2018", "Inspection dates: 9–24 November 2017", "2017-11-09", "2017-11-24"],
    ["Sunderland 2018", "Inspection date: 23 April–18 May 2018", "2018-04-23", "2018-05-18"],
    ["Bradford 2014", "Inspection date: 18 Feb 2014 – 12 March 2014", "2014-02-18", "2014-03-12"],
    ["Redbridge 2016", "Inspection date: 12/09/2016 to 06/10/2016", "2016-09-12", "2016-10-06"],
    ["Medway 2013", "Inspection dates:\t15-19 July 2013", "2013-07-15", "2013-07-19"],
    ["Dorset 2025", "Inspection dates: 17 to 21 March 2025", "2025-03-17", "2025-03-21"],
  ])("%s", (_, line, start, end) => {
    expect(inspectionDates(lines(line))).toMatchObject({ start, end });
  });

  it("a split inspection counts the fieldwork of each period (South Tyneside 2023) and may wrap (Derbyshire 2019)", () => {
    expect(inspectionDates(lines("Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023"))).toEqual({ start: "2022-12-05", end: "2023-02-15", fieldworkDays: 7 });
    expect(inspectionDates(lines("Inspection dates: 8 July 2019 to 12 July 2019 and 7 August 2019 to", "8 August 2019"))).toEqual({ start: "2019-07-08", end: "2019-08-08", fieldworkDays: 7 });
  });

  it("the report's own publication date wins; else the file name; else the PDF metadata", () => {
    // Hull 2015: the file is named 10 February (the LSCB report appended to it), the SIF report says 3 February.
    expect(publishedDate(lines("Report published: 3 February 2015"), "x/single inspection of la children's services as pdf - 10 february 2015.pdf")).toEqual({ date: "2015-02-03", from: "report", rejected: [] });
    expect(publishedDate(lines("Inspection dates: 17 to 21 March 2025"), "x/children's services inspection - 09 may 2025.pdf")).toEqual({ date: "2025-05-09", from: "file name", rejected: [] });
    expect(publishedDate([], "x/50276411.pdf", "2025-05-07")).toEqual({ date: "2025-05-07", from: "PDF metadata", rejected: [] });
    expect(datesIn("no dates here")).toEqual([]);
  });
});

describe("a publication date must be plausible for the fieldwork", () => {
  const end = "2020-03-06";
  const today = "2026-12-04";
  it("after the fieldwork, within a year of it, and not in the future", () => {
    expect(implausiblePublication("2020-04-06", end, today)).toBeNull();
    expect(implausiblePublication("2099-01-01", end, today)).toBe("2099-01-01 is in the future");
    expect(implausiblePublication("2020-03-01", end, today)).toBe("2020-03-01 is not after the fieldwork, which ended on 2020-03-06");
    expect(implausiblePublication("2021-06-01", end, today)).toBe("2021-06-01 is more than 365 days after the fieldwork ended on 2020-03-06");
  });

  it("an implausible file-name date gives way to the metadata; with none plausible there is no date, and the reasons say why", () => {
    expect(publishedDate([], "x/report - 01 january 2099.pdf", "2020-04-01", end, today)).toEqual({
      date: "2020-04-01",
      from: "PDF metadata",
      rejected: ["the file name date 2099-01-01 is in the future"],
    });
    expect(publishedDate([], "x/report - 01 january 2099.pdf", "2015-01-01", end, today)).toEqual({
      date: null,
      rejected: ["the file name date 2099-01-01 is in the future", "the PDF metadata date 2015-01-01 is not after the fieldwork, which ended on 2020-03-06"],
    });
  });
});
