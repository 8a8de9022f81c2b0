/**
 * One authority's pre-inspection briefing as a standalone HTML file, for emailing: inline CSS, the
 * timeline as inline SVG, no script and nothing fetched from anywhere. The same profile the site
 * shows at /authorities/<la_code>, from the same warehouse views.
 *
 *   npx tsx scripts/briefing.ts --authority "West Northamptonshire" --as-at 2024-06-01
 *   npx tsx scripts/briefing.ts --authority 330 --out birmingham.html
 *
 * --as-at defaults to the date of the latest report in the data (a former authority: its last day).
 * --data reads another folder in the layout of data/ (tests use a fixture).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CsvError, readCsv, writeFileAtomic } from "../lib/csv.ts";
import { dataDir as defaultDataDir } from "../lib/paths.ts";
import { authority } from "../schema/canonical.ts";
import { AmbiguousAuthorityError, buildResolver, normaliseName } from "../loaders/authorities/resolve.ts";
import { buildWarehouse } from "../warehouse/build.ts";
import { profileDocuments } from "../src/data/authorities/documents.ts";
import { areaDocuments } from "../src/data/authorities/area.ts";
import { formatDate } from "../src/components/dates.ts";
import { decodeProfile } from "../src/components/profile/document.ts";
import { esc } from "../src/components/profile/html.ts";
import { renderProfile } from "../src/components/profile/render.ts";
import { snapshot } from "../src/components/profile/snapshot.ts";
import { profileCss } from "../src/components/profile/style.ts";
import { areaCss, renderArea, type AreaFile } from "../src/components/area-profile.ts";

const usage = `usage: npm run briefing -- --authority <name or code> [--as-at YYYY-MM-DD] [--out file.html | --out folder] [--data folder]
  --as-at  the date the briefing is as at (default: the latest report in the data)
  --out    the file to write, or a folder to write briefing-<la code>-<date>.html into (default: that name here)
  --data   a folder in the layout of data/ (default: data/)`;

class BriefingError extends Error {}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const pageCss = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1e23; margin: 1.5rem auto; max-width: 1100px; padding: 0 1rem; line-height: 1.45; }
h1 { font-family: Georgia, "Times New Roman", serif; font-size: 1.8rem; margin: 0 0 0.2rem; }
.as-at { margin: 0 0 0.4rem; font-weight: 600; }
.caption { color: #555; font-size: 0.85rem; }
a { color: #1a56a6; }
@media print {
  @page { size: A4; margin: 9mm 10mm 10mm; }
  body { margin: 0; max-width: none; padding: 0; }
  h1 { font-size: 15pt; }
}
`;

async function writeBriefing(options: { authority: string; asAt?: string; out?: string; dataDir?: string }): Promise<string> {
  const dataDir = options.dataDir ?? defaultDataDir;
  if (options.asAt !== undefined && !validDate(options.asAt)) throw new BriefingError(`--as-at must be a real date written YYYY-MM-DD, got "${options.asAt}"`);
  if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) throw new BriefingError(`--data ${dataDir}: no such folder`);
  for (const f of ["authorities.csv", "inspections.csv"]) {
    if (!fs.existsSync(path.join(dataDir, f))) throw new BriefingError(`--data ${dataDir}: not a data folder (no ${f})`);
  }
  const rows = readCsv(path.join(dataDir, "authorities.csv"), authority);
  const resolver = buildResolver(rows);
  let laCode: string | null;
  try {
    laCode = resolver.resolve(options.authority, options.asAt);
  } catch (e) {
    if (e instanceof AmbiguousAuthorityError) {
      const names = e.candidates.map((c) => `${rows.find((a) => a.la_code === c)?.name} (${c})`).join(", ");
      throw new BriefingError(`"${options.authority}" names more than one authority: ${names}. Give the LA code, or an --as-at date on which only one existed.`);
    }
    throw e;
  }
  if (!laCode) {
    const q = normaliseName(options.authority);
    const sameName = rows.filter((a) => [a.name, ...a.aliases].some((n) => normaliseName(n) === q));
    if (options.asAt && sameName.length) {
      const spans = sameName.map((a) => `${a.name} (${a.la_code}) existed ${a.valid_from ? `from ${a.valid_from}` : ""}${a.valid_from && a.valid_to ? " " : ""}${a.valid_to ? `until ${a.valid_to}` : ""}`);
      throw new BriefingError(`"${options.authority}" did not exist on ${options.asAt}: ${spans.join("; ")}`);
    }
    const near = rows.filter((a) => q.length >= 3 && [a.name, ...a.aliases].some((n) => normaliseName(n).includes(q))).map((a) => `${a.name} (${a.la_code})`);
    throw new BriefingError(
      `unknown authority "${options.authority}": no name, alias, LA code, GSS code or Ofsted URN in ${path.join(dataDir, "authorities.csv")} matches${near.length ? `. Did you mean ${near.slice(0, 5).join(", ")}?` : ""}`,
    );
  }
  const who = rows.find((a) => a.la_code === laCode)!;

  const wh = await buildWarehouse({ dataDir });
  let documents;
  let area: AreaFile | undefined;
  try {
    documents = await profileDocuments(wh, laCode);
    area = (await areaDocuments(wh, laCode)).get(laCode);
  } finally {
    wh.close();
  }
  const file = documents.profiles.get(laCode);
  const own = documents.histories.get(laCode);
  if (!file || !own) {
    const successors = who.successors.map((c) => `${rows.find((a) => a.la_code === c)?.name} (${c})`).join(", ");
    throw new BriefingError(`${who.name} (${laCode}) has no graded inspection in the data, so it has no briefing${successors ? `; see its successors ${successors}` : ""}`);
  }
  // Any date: the whole history, as the page has it once the reader picks a date.
  const profile = decodeProfile(file, { own, distribution: documents.distribution });
  const lastReport = profile.who.data_last_published;
  if (options.asAt && lastReport && options.asAt > lastReport) {
    throw new BriefingError(`--as-at ${options.asAt} is after the last report in the data (published ${lastReport}): a briefing cannot know what was published since`);
  }
  const asAt = options.asAt ?? profile.who.default_as_at;
  const first = profile.inspections[0];
  if (!asAt || !first) throw new BriefingError(`no graded inspection of ${who.name} (${laCode}) or of an authority it replaced is in the data`);
  if (who.valid_from && asAt < who.valid_from) throw new BriefingError(`${who.name} (${laCode}) did not exist on ${asAt}: it was created on ${who.valid_from}`);
  if (who.valid_to && asAt > who.valid_to) {
    throw new BriefingError(`${who.name} (${laCode}) no longer existed on ${asAt}: its last day was ${who.valid_to}; its successors are ${who.successors.join(", ")}`);
  }
  if (asAt < first.published_date) {
    throw new BriefingError(`no graded inspection of ${who.name} (${laCode}) or of an authority it replaced was published on or before ${asAt}: the first was published on ${first.published_date}`);
  }

  const snap = snapshot(profile, asAt);
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(who.name)}: pre-inspection briefing as at ${esc(formatDate(asAt))}</title>
<style>${pageCss}${profileCss}${areaCss}</style>
</head>
<body>
<main class="profile">
<h1>${esc(who.name)}</h1>
<p class="as-at">Pre-inspection briefing profile as at ${esc(formatDate(asAt))}</p>
${renderProfile(snap, { links: false, area: renderArea(area, asAt, { links: false }) })}
</main>
</body>
</html>
`;
  const name = `briefing-${laCode}-${asAt}.html`;
  const given = options.out ? path.resolve(options.out) : null;
  const out = given === null ? path.resolve(name) : fs.existsSync(given) && fs.statSync(given).isDirectory() ? path.join(given, name) : given;
  if (!fs.existsSync(path.dirname(out))) throw new BriefingError(`--out ${options.out}: the folder ${path.dirname(out)} does not exist`);
  writeFileAtomic(out, html);
  return out;
}

let values;
try {
  ({ values } = parseArgs({
    options: { authority: { type: "string" }, "as-at": { type: "string" }, out: { type: "string" }, data: { type: "string" }, help: { type: "boolean", short: "h" } },
  }));
} catch (e) {
  console.error(`briefing: ${(e as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.authority) {
  console.error(`briefing: --authority is required\n${usage}`);
  process.exit(2);
}
try {
  console.log(await writeBriefing({ authority: values.authority, asAt: values["as-at"], out: values.out, dataDir: values.data }));
} catch (e) {
  // Bad input (a CSV that fails its schema, a file that cannot be written) is a message, not a stack trace.
  if (!(e instanceof BriefingError || e instanceof CsvError || (e as NodeJS.ErrnoException).code)) throw e;
  console.error(`briefing: ${(e as Error).message}`);
  process.exit(1);
}
