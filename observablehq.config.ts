// Site configuration. The site must work offline on locked-down networks: no web fonts
// (globalStylesheets is emptied to drop the default Google Fonts link), no CDN imports
// (pages import client libraries explicitly from node_modules), no external links in chrome.
export default {
  root: "src",
  // Separate output folders let several builds run side by side (tests, bench).
  output: process.env.SITE_OUTPUT ?? "dist",
  title: "Children's services inspections",
  globalStylesheets: [],
  style: "style.css",
  // An inline empty icon stops the browser asking the server for /favicon.ico.
  head: `<link rel="icon" href="data:,">`,
  search: false,
  linkify: false,
  footer: "Published Ofsted inspection outcomes for English local authority children's services, read from the reports by this product. Figures link to the rows in data/ and the report they came from.",
};
