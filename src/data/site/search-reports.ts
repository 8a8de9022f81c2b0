import { SEARCH_REPORTS_SQL } from "../../../loaders/report-search/corpus.ts";
import { columns } from "../../../warehouse/print.ts";

// Every ingested report as the search shows and filters it (view search_reports); small, loaded with the page.
export default columns(SEARCH_REPORTS_SQL);
