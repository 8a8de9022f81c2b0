/** Wall times of one measurement repeated, in milliseconds. */
export interface Timing {
  runs: number[];
  min: number;
  median: number;
}

export function summarise(runs: number[]): Timing {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { runs, min: sorted[0]!, median };
}

/** Run `fn` `repeat` times in sequence, timing each call. */
export async function timeRepeated(repeat: number, fn: () => Promise<unknown> | unknown): Promise<Timing> {
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  return summarise(runs);
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function formatBytes(bytes: number): string {
  const fixed = (n: number, digits: number) => n.toFixed(digits).replace(/\.0+$/, "");
  if (bytes >= 1024 * 1024) return `${fixed(bytes / 1024 / 1024, 2)} MB`;
  if (bytes >= 1024) return `${fixed(bytes / 1024, 1)} KB`;
  return `${bytes} B`;
}

export function formatRatio(r: number): string {
  return r >= 10 ? `${Math.round(r)}x` : `${r.toFixed(2)}x`;
}

/** A plain-text table with a header rule, columns padded to their widest cell. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? "").padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Print a command's progress to stderr so that stdout holds only the results. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
