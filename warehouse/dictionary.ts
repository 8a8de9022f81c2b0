import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Warehouse } from "./build.ts";

const sqlDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "sql");

interface Definition {
  file: string;
  kind: "view" | "macro";
  name: string;
  comment: string;
}

/** Every view and macro in warehouse/sql/tables (macros the tables need) and sql/views, in build order, with the comment written above it. */
export function viewDefinitions(): Definition[] {
  const out: Definition[] = [];
  const files = ["tables", "views"].flatMap((dir) => fs.readdirSync(path.join(sqlDir, dir)).filter((f) => f.endsWith(".sql")).sort().map((f) => path.join(dir, f)));
  for (const file of files) {
    const lines = fs.readFileSync(path.join(sqlDir, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      const m = /^CREATE OR REPLACE (VIEW|MACRO) (\w+)/.exec(line);
      if (!m) return;
      const comment: string[] = [];
      for (let j = i - 1; j >= 0 && lines[j]!.startsWith("--"); j--) comment.unshift(lines[j]!.replace(/^--\s?/, ""));
      out.push({ file, kind: m[1] === "VIEW" ? "view" : "macro", name: m[2]!, comment: comment.join(" ").trim() });
    });
  }
  return out;
}

const cell = (s: string) => s.replaceAll("|", "\\|");

/**
 * docs/warehouse-views.md: each view's comment and columns (DESCRIBE) and each macro's parameters,
 * read from the built warehouse, so the page cannot drift from the SQL.
 */
export async function dataDictionary(wh: Warehouse): Promise<string> {
  const out = [
    "# Warehouse views and macros",
    "",
    "Generated from `warehouse/sql/views/` and the macros in `warehouse/sql/tables/` by `npm run docs:views` (test/dictionary.test.ts fails when it is",
    "out of date): each view's or macro's header comment, and its columns as DuckDB describes them. Build",
    "order is file order; a view reads only what files before it define. The canonical and reference",
    "tables are in [data-dictionary.md](data-dictionary.md).",
    "",
  ];
  let file = "";
  for (const d of viewDefinitions()) {
    if (d.file !== file) {
      file = d.file;
      out.push(`## ${file}`, "");
    }
    out.push(`### ${d.name} (${d.kind})`, "", d.comment || "(no header comment)", "");
    if (d.kind === "view") {
      const cols = await wh.query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${d.name}`);
      out.push("| column | type |", "| --- | --- |", ...cols.map((c) => `| ${cell(c.column_name)} | ${cell(c.column_type)} |`), "");
    } else {
      const [fn] = await wh.query<{ parameters: string[]; function_type: string }>(
        `SELECT parameters, function_type FROM duckdb_functions() WHERE function_name = $name AND schema_name = 'main' LIMIT 1`,
        { name: d.name },
      );
      out.push(`${fn?.function_type === "table_macro" ? "Table macro" : "Macro"}: \`${d.name}(${(fn?.parameters ?? []).join(", ")})\``, "");
    }
  }
  return out.join("\n");
}
