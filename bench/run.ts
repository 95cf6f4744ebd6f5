/**
 * `npm run bench [-- name…]`: every benchmark in bench/ (or the named ones), one after another,
 * each figure beside its floor or ideal measured in the same run. Prints one Markdown table
 * and writes bench/results/<name>.json per benchmark plus bench/results/summary.md.
 * Names: task-endpoint, reminders, import, digest.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { removeTempDirs } from "../tests/helpers/store.ts";
import { benchDigest, benchImport } from "./import-digest.ts";
import { benchReminders } from "./reminders.ts";
import { type BenchOutcome, markdownTable, type TableRow, writeResult } from "./report.ts";
import { benchTaskEndpoint } from "./task-endpoint.ts";

const BENCHES: Record<string, () => Promise<BenchOutcome>> = {
  "task-endpoint": benchTaskEndpoint,
  reminders: benchReminders,
  import: benchImport,
  digest: benchDigest,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown benchmark ${unknown.join(", ")}; known: ${Object.keys(BENCHES).join(", ")}\n`,
  );
  process.exit(2);
}
const rows: TableRow[] = [];
try {
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    process.stderr.write(`bench: ${name}…\n`);
    const outcome = await bench();
    writeResult(outcome);
    rows.push(...outcome.rows);
  }
} finally {
  // The temp dirs the benchmarks made (SQLite stores, Redis and app data): each benchmark
  // has stopped its processes by the time it returns or throws.
  removeTempDirs();
}
const table = markdownTable(rows);
process.stdout.write(`${table}\n`);
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/summary.md", `${table}\n`);
