import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../lib/paths.ts";
import { buildWarehouse, type Warehouse } from "../warehouse/build.ts";
import { type Timing, progress, timeRepeated } from "./measure.ts";

/** One named view or table macro, as the warehouse defines it after a build. */
export interface NamedQuery {
  name: string;
  kind: "view" | "table macro";
  /** The FROM clause that evaluates it: the view, or the macro called with representative arguments. */
  from: string;
  /** How the report names it: the view, or the macro call with its arguments. */
  call: string;
}

export interface QueryTiming extends NamedQuery {
  rows?: number;
  timing?: Timing;
  error?: string;
  /** Set (to the limit, ms) when a run was interrupted for taking longer than the limit. */
  timedOut?: number;
}

export interface WarehouseBench {
  dataDir: string;
  build?: Timing;
  error?: string;
  inspections: number;
  judgements: number;
  representative?: Representative;
  queries: QueryTiming[];
  /** Peak resident memory of the process that ran the bench (set when run in a child process): builds and every query. */
  maxRssBytes?: number;
  /** Its peak resident memory when the builds were done, before any view or macro was queried: the build's own peak. */
  buildMaxRssBytes?: number;
}

/** Argument values that make a macro cover the whole data: the full date range, the busiest framework and authority. */
export interface Representative {
  firstDate: string;
  lastDate: string;
  framework: string;
  laCode: string;
}

async function representative(wh: Warehouse): Promise<Representative> {
  const today = new Date().toISOString().slice(0, 10);
  const [dates] = await wh.query<{ first: string | null; last: string | null }>(
    "SELECT CAST(min(published_date) AS VARCHAR) AS first, CAST(max(published_date) AS VARCHAR) AS last FROM inspections",
  );
  const [fw] = await wh.query<{ framework: string }>(
    `SELECT f.framework FROM frameworks f LEFT JOIN inspections i USING (framework)
     WHERE f.graded GROUP BY f.framework ORDER BY count(i.inspection_id) DESC, min(f.start_date) DESC LIMIT 1`,
  );
  const [la] = await wh.query<{ la_code: string }>(
    `SELECT a.la_code FROM authorities a LEFT JOIN inspections i USING (la_code)
     GROUP BY a.la_code ORDER BY count(i.inspection_id) DESC, a.la_code LIMIT 1`,
  );
  return { firstDate: dates?.first ?? today, lastDate: dates?.last ?? today, framework: fw?.framework ?? "", laCode: la?.la_code ?? "" };
}

/** A macro argument chosen by the parameter's name; undefined when the name says nothing usable. */
function argumentFor(parameter: string, rep: Representative): string | undefined {
  const p = parameter.toLowerCase();
  if (/(^|_)(fw|framework)$/.test(p)) return `'${rep.framework}'`;
  if (/la_code|authority|(^|_)la$/.test(p)) return `'${rep.laCode}'`;
  if (/(^|_)(from|start|since|earliest|begin)(_|$)/.test(p)) return `DATE '${rep.firstDate}'`;
  if (/date|as_at|(^|_)(at|to|until|end|latest|d)$/.test(p)) return `DATE '${rep.lastDate}'`;
  return undefined;
}

/** Every user view and table macro, discovered from DuckDB's catalogue rather than a fixed list. */
async function discoverNamedQueries(wh: Warehouse, rep: Representative): Promise<(NamedQuery & { error?: string })[]> {
  const views = await wh.query<{ name: string }>(
    "SELECT view_name AS name FROM duckdb_views() WHERE NOT internal AND NOT temporary ORDER BY view_name",
  );
  const macros = await wh.query<{ name: string; parameters: string[] }>(
    "SELECT DISTINCT function_name AS name, parameters FROM duckdb_functions() WHERE function_type = 'table_macro' AND NOT internal ORDER BY function_name",
  );
  return [
    ...views.map((v) => ({ name: v.name, kind: "view" as const, from: `"${v.name}"`, call: v.name })),
    ...macros.map((m) => {
      const args = m.parameters.map((p) => argumentFor(p, rep));
      const missing = m.parameters.filter((_, i) => args[i] === undefined);
      return {
        name: m.name,
        kind: "table macro" as const,
        from: `"${m.name}"(${args.join(", ")})`,
        call: `${m.name}(${m.parameters.map((p, i) => args[i]?.replace(/^DATE '(.*)'$/, "$1") ?? p).join(", ")})`,
        ...(missing.length ? { error: `no representative value for parameter ${missing.join(", ")}` } : {}),
      };
    }),
  ];
}

class QueryTimeout extends Error {}

/** Run a statement, interrupting it after `limitMs`. */
async function runWithin(wh: Warehouse, sql: string, limitMs: number): Promise<void> {
  let interrupted = false;
  const timer = setTimeout(() => {
    interrupted = true;
    wh.connection.interrupt();
  }, limitMs);
  try {
    await wh.connection.run(sql);
  } catch (e) {
    throw interrupted ? new QueryTimeout() : e;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Materialising into a temp table evaluates every column of every row inside DuckDB; a count(*)
 * would let the optimiser drop the columns a view computes, and reading rows into JS would time
 * the conversion instead of the SQL. A query over the limit is stopped and not repeated.
 */
async function timeQuery(wh: Warehouse, q: NamedQuery, repeat: number, limitMs: number): Promise<QueryTiming> {
  try {
    const timing = await timeRepeated(repeat, () => runWithin(wh, `CREATE OR REPLACE TEMP TABLE bench_result AS SELECT * FROM ${q.from}`, limitMs));
    const [row] = await wh.query<{ n: number }>("SELECT count(*) AS n FROM bench_result");
    await wh.connection.run("DROP TABLE bench_result");
    return { ...q, rows: row!.n, timing };
  } catch (e) {
    if (e instanceof QueryTimeout) return { ...q, timedOut: limitMs };
    return { ...q, error: (e as Error).message.split("\n")[0] };
  }
}

/**
 * Build the warehouse `repeat` times from `dataDir`, then time every named view and macro on the
 * last build, each stopped after `queryLimitMs`.
 */
export async function benchWarehouse(dataDir: string, repeat: number, queryLimitMs = 60_000): Promise<WarehouseBench> {
  let wh: Warehouse | undefined;
  let build: Timing;
  try {
    build = await timeRepeated(repeat, async () => {
      wh?.close();
      wh = undefined;
      wh = await buildWarehouse({ dataDir });
    });
  } catch (e) {
    return { dataDir, error: (e as Error).message.split("\n")[0], inspections: 0, judgements: 0, queries: [] };
  }
  const warehouse = wh!;
  // The process's peak so far is the builds' own (only the process's start came before them).
  const buildMaxRssBytes = process.resourceUsage().maxRSS * 1024;
  try {
    const rep = await representative(warehouse);
    const [counts] = await warehouse.query<{ inspections: number; judgements: number }>(
      "SELECT (SELECT count(*) FROM inspections) AS inspections, (SELECT count(*) FROM judgements) AS judgements",
    );
    const queries: QueryTiming[] = [];
    for (const q of await discoverNamedQueries(warehouse, rep)) {
      progress(`  ${q.kind} ${q.name}`);
      queries.push(q.error ? q : await timeQuery(warehouse, q, repeat, queryLimitMs));
    }
    return { dataDir, build, buildMaxRssBytes, inspections: counts!.inspections, judgements: counts!.judgements, representative: rep, queries };
  } finally {
    warehouse.close();
  }
}

/**
 * The same bench in a child process: a corpus too big for the heap kills the child, not the whole
 * bench, and the child's peak memory is the warehouse's alone. Its progress is passed through.
 */
export function benchWarehouseIsolated(dataDir: string, repeat: number, queryLimitMs: number, workDir: string): Promise<WarehouseBench> {
  const out = fs.mkdtempSync(path.join(workDir, "warehouse-"));
  const resultFile = path.join(out, "result.json");
  const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
  return new Promise((resolve) => {
    const child = spawn(tsx, [new URL(import.meta.url).pathname, dataDir, String(repeat), String(queryLimitMs), resultFile], {
      stdio: ["ignore", "inherit", "pipe"],
    });
    let tail = "";
    child.stderr.on("data", (d: Buffer) => {
      process.stderr.write(d);
      tail = (tail + d.toString()).slice(-4000);
    });
    child.on("close", (code, signal) => {
      if (code === 0 && fs.existsSync(resultFile)) return resolve(JSON.parse(fs.readFileSync(resultFile, "utf8")) as WarehouseBench);
      const lines = tail.split("\n").filter((l) => l.trim() && !l.startsWith("[bench]"));
      const why = lines.find((l) => /FATAL ERROR|Error:/.test(l))?.trim() ?? lines.slice(-1)[0] ?? "";
      resolve({ dataDir, error: `bench process ended with ${signal ?? `code ${code}`}: ${why.slice(0, 200)}`, inspections: 0, judgements: 0, queries: [] });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dataDir, repeat, queryLimitMs, resultFile] = process.argv.slice(2);
  const result = await benchWarehouse(dataDir!, Number(repeat), Number(queryLimitMs));
  fs.writeFileSync(resultFile!, JSON.stringify({ ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}
