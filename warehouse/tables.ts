import type { z } from "zod";
import { accounting, authority, inspection, judgement } from "../schema/canonical.ts";
import {
  framework,
  gradeLabel,
  judgementArea,
  kentAnnexRow,
  nationalFigure,
  schedulingRule,
  theme,
} from "../schema/reference.ts";
import { reorganisation } from "../schema/authority-reference.ts";
import { reportTheme, reportThemeCount, reportThemeSnippet } from "../schema/report-themes.ts";
import { slacPublishedFigure, statedAccounting, statedFrameworkRule, statedInspection, statedJudgement, statedStatement } from "../schema/stated.ts";
import { areaMeasure, areaNeighbour, areaReportAccount, areaSource, areaStatistic } from "../schema/area.ts";

/** Every CSV in data/ that the warehouse loads, with the schema it must pass first. */
export interface TableSpec {
  table: string;
  file: string;
  schema: z.ZodType;
  /** Grows with history (rows per report): checked against its schema in DuckDB (warehouse/validate.ts), not row by row in JS. */
  bulk?: true;
}

export const tables: TableSpec[] = [
  { table: "authorities", file: "authorities.csv", schema: authority },
  { table: "inspections", file: "inspections.csv", schema: inspection, bulk: true },
  { table: "judgements", file: "judgements.csv", schema: judgement, bulk: true },
  { table: "ingest_accounting", file: "ingest-accounting.csv", schema: accounting, bulk: true },
  { table: "frameworks", file: "reference/frameworks.csv", schema: framework },
  { table: "themes", file: "reference/themes.csv", schema: theme },
  { table: "judgement_areas", file: "reference/judgement-areas.csv", schema: judgementArea },
  { table: "grade_scale", file: "reference/grade-scale.csv", schema: gradeLabel },
  { table: "scheduling_rules", file: "reference/scheduling-rules.csv", schema: schedulingRule },
  { table: "national_figures", file: "reference/national-figures.csv", schema: nationalFigure },
  { table: "kent_annex1", file: "reference/kent-annex1.csv", schema: kentAnnexRow },
  { table: "reorganisations", file: "reference/reorganisations.csv", schema: reorganisation },
  { table: "report_themes", file: "report-themes.csv", schema: reportThemeCount, bulk: true },
  { table: "report_theme_snippets", file: "report-theme-snippets.csv", schema: reportThemeSnippet, bulk: true },
  { table: "report_theme_taxonomy", file: "reference/report-themes.csv", schema: reportTheme },
  { table: "stated_inspections", file: "stated-inspections.csv", schema: statedInspection, bulk: true },
  { table: "stated_judgements", file: "stated-judgements.csv", schema: statedJudgement, bulk: true },
  { table: "stated_statements", file: "stated-statements.csv", schema: statedStatement, bulk: true },
  { table: "stated_accounting", file: "stated-accounting.csv", schema: statedAccounting, bulk: true },
  { table: "stated_framework_rules", file: "reference/stated-framework-rules.csv", schema: statedFrameworkRule },
  { table: "slac_published_figures", file: "reference/slac-published-figures.csv", schema: slacPublishedFigure },
  { table: "area_statistics", file: "area-statistics.csv", schema: areaStatistic },
  { table: "area_neighbours", file: "area-neighbours.csv", schema: areaNeighbour },
  { table: "area_report_accounting", file: "area-report-accounting.csv", schema: areaReportAccount, bulk: true },
  { table: "area_measures", file: "reference/area-measures.csv", schema: areaMeasure },
  { table: "area_sources", file: "reference/area-sources.csv", schema: areaSource },
];
