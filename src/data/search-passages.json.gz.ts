import zlib from "node:zlib";
import { loadSearchReports, searchCorpus } from "../../loaders/report-search/corpus.ts";

// Every passage of every report, with its report (by position in search-reports.json), section,
// page and themes, gzip-compressed: fetched by the search page only when a search is made.
const reports = await loadSearchReports();
const corpus = searchCorpus(reports);
const sections = [...new Set(corpus.section)];
const themeIds = [...new Set(corpus.themes.flat())].sort();
const payload = {
  reports: reports.map((r) => r.inspection_id),
  sections,
  themeIds,
  report: corpus.report,
  section: corpus.section.map((s) => sections.indexOf(s)),
  page: corpus.page,
  text: corpus.text,
  themes: corpus.themes.map((ts) => ts.map((t) => themeIds.indexOf(t))),
};
process.stdout.write(zlib.gzipSync(JSON.stringify(payload)));
