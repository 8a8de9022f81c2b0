import zlib from "node:zlib";
import { loadSearchReports, searchCorpus } from "../../loaders/report-search/corpus.ts";
import { buildIndex } from "../components/passage-search.ts";

// The MiniSearch index of every passage (ids are positions in search-passages.json.gz), built here
// once so the page only loads it; gzip-compressed, fetched after the first search. It needs only
// the text, so the passages are not tagged with themes here.
const corpus = searchCorpus(await loadSearchReports(), undefined, { themes: false });
process.stdout.write(zlib.gzipSync(JSON.stringify(buildIndex(corpus.text))));
