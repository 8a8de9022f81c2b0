import zlib from "node:zlib";
import { loadSearchReports, searchCorpus } from "../../loaders/report-search/corpus.ts";
import { buildIndex } from "../components/passage-search.ts";

// The MiniSearch index of every passage (ids are positions in search-passages.json.gz), built here
// once so the page only loads it; gzip-compressed, fetched only when a search is made.
const corpus = searchCorpus(await loadSearchReports());
process.stdout.write(zlib.gzipSync(JSON.stringify(buildIndex(corpus.text))));
