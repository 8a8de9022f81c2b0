// Site configuration. The site must work offline on locked-down networks: no web fonts
// (globalStylesheets is emptied to drop the default Google Fonts link), no CDN imports
// (pages import client libraries explicitly from node_modules), no external links in chrome.
import { openWarehouse } from "./warehouse/cached.ts";

/** The site's pages, in the order the header lists them. */
const nav: [string, string][] = [
  ["National picture", "/"],
  ["Benchmarking", "/benchmarking"],
  ["Authorities", "/authorities/"],
  ["Coverage", "/coverage"],
  ["Proportionality", "/proportionality"],
  ["Forward look", "/forward-look"],
  ["What inspectors write", "/themes"],
  ["Search reports", "/search"],
  ["Data held", "/counts"],
];

export default {
  root: "src",
  // Separate output folders let several builds run side by side (tests, bench).
  output: process.env.SITE_OUTPUT || "dist",
  title: "Children's services inspections",
  globalStylesheets: [],
  style: "style.css",
  // Framework's <html> has no lang attribute; set it before anything renders. The inline empty
  // icon stops the browser asking the server for /favicon.ico.
  head: `<script>document.documentElement.lang = "en-GB";</script><link rel="icon" href="data:,">`,
  // A plain header nav replaces Framework's sidebar, whose toggle and lists fail axe checks.
  sidebar: false,
  header: `<nav class="site-nav" aria-label="Site"><strong>Children's services inspections</strong>${nav
    .map(([name, path]) => `<a href="${path}">${name}</a>`)
    .join("")}</nav>`,
  search: false,
  // One profile page per authority the warehouse's view profiled_authorities names
  // (src/authorities/[la_code].md).
  async *dynamicPaths() {
    const wh = await openWarehouse();
    try {
      const rows = await wh.query<{ la_code: string }>("SELECT la_code FROM profiled_authorities ORDER BY la_code");
      for (const r of rows) yield `/authorities/${r.la_code}`;
    } finally {
      wh.close();
    }
  },
  // While scripts/build.ts runs the data loaders itself (it sets SITE_BUILD_PID), a .ts loader
  // Framework reaches first waits for that run's output instead of running twice.
  interpreters: process.env.SITE_BUILD_PID ? { ".ts": ["node_modules/.bin/tsx", "scripts/await-loader.ts"] } : {},
  linkify: false,
  footer: "Published Ofsted inspection outcomes for English local authority children's services, read from the reports by this product. Figures link to the rows in data/ and the report they came from.",
};
