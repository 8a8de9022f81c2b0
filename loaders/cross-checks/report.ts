import path from "node:path";
import { toCsvText } from "../../lib/csv.ts";
import { buildWarehouse } from "../../warehouse/build.ts";
import type { D2iSummaryRow, D2iVerdict, KentComparisonRow, KentVerdict } from "../../schema/cross-checks.ts";
import { readOurRows } from "./common.ts";
import { checkVerdicts, compareD2i, d2iFile, readD2i, readD2iVerdicts, summarise, type D2iResult } from "./d2i.ts";
import { annexGradeCounts, checkKentVerdicts, compareKent, readKentInputs, readKentVerdicts, type KentResult } from "./kent.ts";

export const crossChecksDir = (dataDir: string) => path.join(dataDir, "cross-checks");

export interface NationalFigureCheck {
  figure_id: string;
  measure: string;
  unit: string;
  published: number;
  computed: number;
  difference: number;
  agrees: boolean;
  basis: string;
}

export interface CrossChecks {
  d2i: D2iResult;
  d2iVerdicts: D2iVerdict[];
  d2iSummary: D2iSummaryRow[];
  kent: KentResult;
  kentVerdicts: KentVerdict[];
  annexCounts: { overall: number[]; lscb: number[] };
  national: NationalFigureCheck[];
}

export async function runCrossChecks(opts: { dataDir: string; sourcesDir: string }): Promise<CrossChecks> {
  const ours = readOurRows(opts.dataDir);
  const dir = crossChecksDir(opts.dataDir);
  const d2i = compareD2i(readD2i(d2iFile(opts.sourcesDir)), ours);
  const d2iVerdicts = readD2iVerdicts(path.join(dir, "d2i-verdicts.csv"));
  const kentInputs = readKentInputs(opts.dataDir);
  const wh = await buildWarehouse({ dataDir: opts.dataDir });
  let national: NationalFigureCheck[];
  try {
    national = await wh.query<NationalFigureCheck>(
      "SELECT figure_id, measure, unit, published, computed, difference, agrees, basis FROM national_figures_check",
    );
  } finally {
    wh.close();
  }
  return {
    d2i,
    d2iVerdicts,
    d2iSummary: summarise(d2i.comparisons, d2iVerdicts),
    kent: compareKent(kentInputs, ours),
    kentVerdicts: readKentVerdicts(path.join(dir, "kent-annex1-verdicts.csv")),
    annexCounts: {
      overall: annexGradeCounts(ours.gradeScale, kentInputs.annex, "overall_as_published"),
      lscb: annexGradeCounts(ours.gradeScale, kentInputs.annex, "lscb_as_published"),
    },
    national,
  };
}

/** The files the CLI writes, by path relative to the project root, with their text. */
export function crossCheckOutputs(c: CrossChecks): Record<string, string> {
  const summaryColumns = ["field", "compared", "agreements", "label_only", "disagreements", "theirs_wrong", "ours_wrong_fixed", "ambiguous", "without_verdict"];
  const kentColumns: (keyof KentComparisonRow)[] = [
    "annex_row", "authority", "la_code", "inspection_id", "published_date", "overall_paper", "overall_ours",
    "exceptions_paper", "exceptions_ours", "lscb_paper", "lscb_ours", "status",
  ];
  const national = c.national.map((n) => ({ ...n, agrees: n.agrees ? "yes" : "no" }));
  return {
    "data/cross-checks/d2i-comparison-summary.csv": toCsvText(c.d2iSummary, summaryColumns),
    "data/cross-checks/kent-annex1-comparison.csv": toCsvText(c.kent.rows, kentColumns),
    "data/cross-checks/national-figures-comparison.csv": toCsvText(national, Object.keys(national[0] ?? {})),
    "docs/cross-checks.md": markdown(c),
  };
}

const pct = (n: number, d: number) => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`);
const cell = (s: string | number | null | undefined) => String(s ?? "").replaceAll("|", "\\|").replaceAll("\n", " ");
const table = (head: string[], rows: (string | number | null | undefined)[][]) =>
  [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
const short = (sourceFile: string) => sourceFile.replace(/^ofsted-reports\/\d+_/, "").replace(/children's services inspection - /, "").replace(/\.pdf$/, "");
const counts = (xs: number[]) => xs.join(" / ");

function markdown(c: CrossChecks): string {
  const s = (field: string) => c.d2iSummary.find((r) => r.field === field)!;
  const grades = s("all ILACS grades");
  const all = s("all fields");
  const check = checkVerdicts(c.d2i.comparisons, c.d2iVerdicts);
  const verdictOf = new Map(c.d2iVerdicts.map((v) => [`${v.source_file}/${v.field}`, v]));
  const disagreements = c.d2i.comparisons.filter((x) => x.outcome === "disagree");
  const labelPairs = new Map<string, number>();
  for (const x of c.d2i.comparisons.filter((x) => x.outcome === "label_only")) {
    const k = `"${x.theirs}" (theirs) and "${x.ours}" (ours)`;
    labelPairs.set(k, (labelPairs.get(k) ?? 0) + 1);
  }
  const oursWrong = c.d2iVerdicts.filter((v) => v.verdict === "ours_wrong_fixed");

  const k = c.kent;
  const kentCompared = k.fields.filter((f) => f.field !== "report");
  const byField = (field: string) => {
    const fs = kentCompared.filter((f) => f.field === field);
    return `${fs.filter((f) => f.agrees).length} of ${fs.length}`;
  };
  const kentCheck = checkKentVerdicts(k.fields, c.kentVerdicts);
  const kentVerdictOf = new Map(c.kentVerdicts.map((v) => [`${v.annex_row}/${v.field}`, v]));
  const nat = new Map(c.national.map((n) => [n.figure_id, n]));
  const n = (id: string) => nat.get(id)?.computed ?? NaN;

  return `# Cross-checks

Three independent checks of the ingested rows (\`data/inspections.csv\`, \`data/judgements.csv\`), each
disagreement read against the report itself. Regenerate this page and the comparison files with
\`npx tsx loaders/cross-checks/cli.ts\`; \`test/cross-checks.test.ts\` fails when they are stale, when a
disagreement has no verdict, or when a verdict matches nothing.

| file | what it holds |
| --- | --- |
| \`data/cross-checks/d2i-verdicts.csv\` | one row per disagreement with the Data to Insight scrape, with the verdict and a quote from the report (hand-written) |
| \`data/cross-checks/d2i-comparison-summary.csv\` | per field: values compared, agreements, label-only differences, disagreements by verdict |
| \`data/cross-checks/kent-annex1-verdicts.csv\` | one row per disagreement with seed 004's Annex 1, explained from the report (hand-written) |
| \`data/cross-checks/kent-annex1-comparison.csv\` | the 33 Annex 1 rows beside our SIF reports |
| \`data/cross-checks/national-figures-comparison.csv\` | seed 004's section 5 figures beside ours (view \`national_figures_check\`, \`warehouse/sql/views/60_national_figures_check.sql\`) |

Code: \`loaders/cross-checks/\` (\`d2i.ts\`, \`kent.ts\`, \`report.ts\` writes this page); schemas: \`schema/cross-checks.ts\`.

## 1. ILACS grades and dates against the Data to Insight scrape

\`../shared/data/d2i-ilacs-history.csv\` is a public scrape of the same report files (${c.d2i.rows} rows). A
row joins our inspection by the report's folder URN and file name (\`<urn>_<name>/<pdf_filename>\` is our
\`source_file\`). ${c.d2i.rows - c.d2i.notIngested.length} rows join an ingested report; ${c.d2i.notIngested.length} are files we quarantined
(${[...new Set(c.d2i.notIngested.map((x) => x.reason))].join("; ")}), which the scrape marks \`data_unreadable\`;
${c.d2i.missingFromTheirs.length} ingested reports have no scrape row.

How values are compared:

- **Grades** on the 1-4 scale of \`data/reference/grade-scale.csv\` (labels matched ignoring case and
  spacing), for every report we hold as ILACS (the five grade columns of each). Same grade with a different
  label is an agreement, counted apart as label-only. The scrape's \`inspection_pre_dates_judgement\` (care
  leavers before January 2023) and \`not_reported_post_reform\` (overall effectiveness from April 2026)
  agree when we hold no such judgement. A blank on an ILACS report where we hold a grade is a disagreement
  (the report publishes it); a label off the scale (\`to requires improvement\`) is a disagreement.
- **Dates** as calendar dates: publication on every joined report, start and end wherever the scrape
  holds them, and a blank start or end on an ILACS report is a disagreement.
- **Type**: the scrape's \`short\` / \`standard\` against our ILACS inspection type, where the scrape
  holds one (its "inspection duration longer than standard framework" counts as standard). Both sides
  derive it from the length of fieldwork; a blank is not compared again.
- \`data_unreadable\` and the scrape's blanks on the SIF, LSCB and LAC reports hold nothing and are not compared.

${table(
  ["field", "compared", "agree", "of which label only", "disagree", "theirs wrong", "ours wrong, fixed", "ambiguous", "no verdict"],
  c.d2iSummary.map((r) => [r.field, r.compared, r.agreements, r.label_only, r.disagreements, r.theirs_wrong, r.ours_wrong_fixed, r.ambiguous, r.without_verdict]),
)}

**Agreement.** On ILACS grades ${grades.agreements} of ${grades.compared} values agree as compared (${pct(grades.agreements, grades.compared)}).
Each of the ${grades.disagreements} disagreements was read in the report: ${grades.theirs_wrong} theirs wrong, ${grades.ambiguous} ambiguous, and
${grades.ours_wrong_fixed} of ours wrong and fixed, so agreement after the verdicts is
${pct(grades.compared - grades.without_verdict, grades.compared)}. Over every field, ${all.agreements} of ${all.compared} agree (${pct(all.agreements, all.compared)}); the ${all.disagreements}
disagreements are ${all.theirs_wrong} theirs wrong and ${all.ambiguous} ambiguous, and ${all.ours_wrong_fixed} of ours were wrong and are fixed${oursWrong.length ? `: ${oursWrong.map((v) => `${short(v.source_file)} ${v.field}`).join(", ")}` : ""}.
Disagreements without a verdict: ${check.withoutVerdict.length}; stale verdict rows: ${check.stale.length}.

**Label-only differences** (same grade): ${[...labelPairs].map(([k, v]) => `${k} ${v}`).join("; ")}. The scrape
lower-cases labels and shortens "requires improvement to be good" to "requires improvement".

**What the disagreements are.**
- Misread judgement tables: St Helens 2023 has help and protection, children in care and care leavers each
  one row up (the table's first rows shifted); Oxfordshire 2018 and Rochdale 2018 have children in care
  as "requires improvement", the grade of the row above, where the report says Good; Nottingham 2019 and
  Southend 2019 leave overall blank and read help and protection as "to requires improvement" (grades wrapped
  over two lines).
- Care leavers graded before they were a separate judgement: Nottingham 2022 and Redcar and Cleveland 2022
  (fieldwork July 2022) judge children in care and care leavers together; the scrape gives care leavers the
  overall grade.
- Dates not read: Brighton and Hove 2024, Nottingham 2022, Redcar and Cleveland 2022 (the scrape has their
  grades but blank dates).
- Split fieldwork: Derbyshire 2019, South Tyneside 2023, Devon 2025 were inspected in two blocks; the scrape
  ends the inspection at the end of the first block, we at the end of the last.
- Framework: Doncaster's January 2018 report is a SIF re-inspection (fieldwork November 2017, before ILACS);
  the scrape types it an ILACS standard inspection.
- Publication dates (ambiguous): six SIF reports print a "Report published" date one to seven days before
  the date in their file name (Ofsted's listing), which the scrape uses. We keep the printed date (see
  \`docs/ingest.md\`); the report cannot say on which day the file went online.

${table(
  ["report", "field", "theirs", "ours", "verdict", "evidence"],
  disagreements.map((x) => {
    const v = verdictOf.get(`${x.source_file}/${x.field}`);
    return [short(x.source_file), x.field, x.theirs || "(blank)", x.ours || "(none)", v?.verdict ?? "NO VERDICT", v?.evidence ?? ""];
  }),
)}

## 2. Seed 004 Annex 1 (the Kent mapping paper)

The paper (dated 28 October 2014) lists 33 authorities with a published SIF report between November 2013
and October 2014 (${c.kent.rows.length} rows in \`data/reference/kent-annex1.csv\`). The report we set beside each row is the
authority's first SIF report, published in that window (${k.rows.filter((r) => r.inspection_id).length} of ${k.rows.length} found; every one of
them is the authority's first SIF report, since the SIF began in November 2013). Our rows hold
${k.notInAnnex.length === 0 ? "no other" : `${k.notInAnnex.length} other`} first SIF report${k.notInAnnex.length === 1 ? "" : "s"} published in the window${k.notInAnnex.length ? `: ${k.notInAnnex.map((i) => i.inspection_id).join(", ")}` : ""}, so the paper's list and
ours are the same list but for Bournemouth, whose report is not in the corpus.

Exceptions are compared as issue 3 defines them: the sub-judgements whose grade differs from overall
effectiveness, as a set of judgement and grade (Annex 1's "Child Protection" is help and protection,
"Children in Care" is children looked after and achieving permanence).

- Overall effectiveness agrees for ${byField("overall")} authorities, the LSCB grade for ${byField("lscb")}, the exceptions for ${byField("exceptions")}.
- Every difference is explained (${c.kentVerdicts.length} verdict rows; ${kentCheck.withoutVerdict.length} without a verdict, ${kentCheck.stale.length} stale):
  ${[...new Set(c.kentVerdicts.map((v) => v.verdict))].map((kind) => `${c.kentVerdicts.filter((v) => v.verdict === kind).length} ${kind}`).join(", ")}.
  The paper lists adoption or care leavers only where they differ from children in care as well as from
  overall (Bolton, Bradford, Coventry, Knowsley, Portsmouth); it breaks its own rule once, for Manchester,
  where care leavers (requires improvement, as children in care) are listed. Nothing of ours is wrong.
  The benchmarking view \`kent_annex1_check\` (\`warehouse/sql/views/26_kent_check.sql\`) applies the paper's
  rule instead, and there only Manchester differs: the same finding seen from the other side.
- The paper's own sums: Annex 1's overall column is ${counts(c.annexCounts.overall)} (outstanding / good / requires improvement /
  inadequate), as section 5 says (0 / 9 / 18 / 6). Its LSCB column sums to ${counts(c.annexCounts.lscb)} while section 5 says
  0 / 11 / 15 / 6: section 5 has one inadequate LSCB too few. The reports bear out the annex: ${n("sif_lscb_inadequate")} of our
  ${n("sif_lscb_total")} reports grade the LSCB inadequate.

${table(
  ["row", "authority", "our report", "overall (paper / ours)", "exceptions (paper / ours)", "LSCB (paper / ours)", "status"],
  k.rows.map((r) => [
    r.annex_row,
    r.authority,
    r.inspection_id ?? "-",
    `${r.overall_paper} / ${r.overall_ours || "-"}`,
    `${r.exceptions_paper || "none"} / ${r.inspection_id ? r.exceptions_ours || "none" : "-"}`,
    `${r.lscb_paper} / ${r.lscb_ours || "-"}`,
    r.status === "agrees" ? "agrees" : `${r.status} (${[...kentVerdictOf.values()].filter((v) => v.annex_row === r.annex_row).map((v) => v.verdict).join(", ")})`,
  ]),
)}

## 3. Seed 004 section 5: national figures for the SIF period

The view \`national_figures_check\` recomputes each SIF figure of \`data/reference/national-figures.csv\` from our
rows for its window (the first SIF report of each authority published 1 November 2013 to 31 October 2014).
A count agrees when equal, a percentage when it rounds to the published whole number, the projected cycle
when it falls inside the published range.

${table(
  ["figure", "published", "computed", "difference", "agrees", "how computed"],
  c.national.map((x) => [x.figure_id, x.published, x.computed, x.difference, x.agrees ? "yes" : "no", x.basis]),
)}

Why they differ:

- **Bournemouth.** The one report the paper counted that the corpus lacks (overall requires improvement,
  LSCB requires improvement in Annex 1) accounts for overall requires improvement ${n("sif_overall_requires_improvement")} against 18, the total
  ${n("sif_overall_total")} against 33, and authorities inspected ${n("sif_authorities_inspected_pct")}% (${n("sif_overall_total")} of 152) against 22% (33 of 152 is 21.7%).
- **LSCB.** Ours are ${n("sif_lscb_good")} good, ${n("sif_lscb_requires_improvement")} requires improvement, ${n("sif_lscb_inadequate")} inadequate; with Bournemouth's requires improvement that
  is Annex 1's 0 / 11 / 15 / 7. Section 5's 6 inadequate is one short of its own annex.
- **Shares.** The paper's 71% failing to meet the standard is not 24 of 33 (72.7%) either; ours is 23 of 32
  (${n("sif_overall_not_good_pct")}%). For LSCBs, 21 of 32 is ${n("sif_lscb_not_good_pct")}% on both counts; the paper wrote 65%, truncating.
- **Inspected, not yet published.** Paragraph 4.8 names six (Rotherham, Isle of Wight, Rochdale, Bristol,
  Lincolnshire, Plymouth); our rows give ${n("sif_inspected_unpublished")}, the seventh being Surrey (fieldwork from 21 October 2014,
  published 3 June 2015).
- **Pace.** ${n("sif_projected_cycle_years_min")} years at the pace of SIF fieldwork in the window, inside the paper's 3.5 - 4 years. The paper
  does not say how it projected; this reading (fieldwork started, published or not) is ours.
`;
}
