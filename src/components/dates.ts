/**
 * The one date format of the authority profile, its area section and its report themes, on the site
 * and in the standalone briefing: d3's formatter, so that the browser and Node print the same words
 * (Intl's month abbreviations differ between ICU versions: "Sep" or "Sept").
 */
import {utcFormat, utcParse} from "d3-time-format";

const day = utcFormat("%-d %b %Y");
const month = utcFormat("%B %Y");
const parseDay = utcParse("%Y-%m-%d");
const parseMonth = utcParse("%Y-%m");

/** 2019-08-01 -> "1 Aug 2019"; nothing -> "–". */
export function formatDate(iso: string | null | undefined): string {
  const d = iso ? parseDay(iso) : null;
  return d ? day(d) : "–";
}

/** A date known to the month, 2017-03 -> "March 2017" (a whole date is formatted as a day). */
export function formatMonth(isoMonth: string | null | undefined): string {
  const d = isoMonth ? parseMonth(isoMonth) : null;
  return d ? month(d) : formatDate(isoMonth);
}
