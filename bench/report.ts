/**
 * The benchmarks' common output: one Markdown table (each figure beside its floor or ideal,
 * measured in the same run) and one JSON file per benchmark under bench/results/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";

/** One line of the table. `met` null: no target (informative figure). */
export interface TableRow {
  benchmark: string;
  ours: string;
  floor: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

/** What a benchmark returns: its table rows and the raw figures for the JSON file. */
export interface BenchOutcome {
  name: string;
  rows: TableRow[];
  details: unknown;
}

/** The Markdown table of every row. */
export function markdownTable(rows: TableRow[]): string {
  const lines = [
    "| benchmark | ours | floor / ideal (same run) | ratio | target | met |",
    "| --- | --- | --- | --- | --- | :---: |",
  ];
  for (const r of rows)
    lines.push(
      `| ${r.benchmark} | ${r.ours} | ${r.floor} | ${r.ratio} | ${r.target} | ${r.met === null ? "—" : r.met ? "yes" : "**no**"} |`,
    );
  return lines.join("\n");
}

/** Writes bench/results/<name>.json with the machine's description. */
export function writeResult(outcome: BenchOutcome): void {
  mkdirSync("bench/results", { recursive: true });
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? "" };
  writeFileSync(
    `bench/results/${outcome.name}.json`,
    `${JSON.stringify({ at: new Date().toISOString(), machine, rows: outcome.rows, details: outcome.details }, null, 2)}\n`,
  );
}

/** The median of `values` (0 when empty). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** "1,234" style integer. */
export function int(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** A percentage with no decimals. */
export function pct(n: number): string {
  return `${Math.round(n * 100)}%`;
}
