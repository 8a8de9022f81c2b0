import { JSDOM } from "jsdom";
import type { SiteFile } from "../../../warehouse/print.ts";
import { stockCounts, type GradeSpell, type LiveAuthority } from "../../components/as-at.ts";
import { decodeColumns, type Columns } from "../../components/columns.ts";
import { stockBars } from "../../components/stock-bars.ts";
import spellsFile from "./national-grade-spells.ts";
import authoritiesFile from "./national-authorities.ts";
import themesFile from "./national-themes.ts";
import totalsFile from "./totals.ts";

// The home page's first chart as it first shows (latest date held, first theme), drawn at build time
// from the very files and functions the page uses, so that it shows before the page's scripts have
// loaded; the page replaces it with the live chart. An SVG holding Plot's figure (legend and bars)
// in a foreignObject, for an <img>.
const width = 960;

const chart: SiteFile = async (wh, name) => {
  const read = async (file: SiteFile, member: string) => JSON.parse(Object.values(await file(wh, member))[0]!);
  const [[totals], [theme], spells, authorities] = await Promise.all([
    read(totalsFile, "totals"),
    read(themesFile, "national-themes"),
    read(spellsFile, "national-grade-spells").then((c: Columns) => decodeColumns(c) as unknown as GradeSpell[]),
    read(authoritiesFile, "national-authorities") as Promise<LiveAuthority[]>,
  ]);
  const asAt: string = totals.last_published;
  const { document } = new JSDOM("").window;
  const figure = stockBars(stockCounts(spells, authorities, asAt, theme.theme), { width, document });
  figure.style.margin = "0";
  const svg = figure.tagName === "svg" ? figure : figure.querySelector(":scope > svg")!;
  // The legend's swatches are one line above the bars.
  const height = Number(svg.getAttribute("height")) + (figure === svg ? 0 : 40);
  const body = new document.defaultView!.XMLSerializer().serializeToString(figure);
  return {
    [`${name}.svg`]: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><foreignObject width="${width}" height="${height}">${body}</foreignObject></svg>`,
  };
};
export default chart;
