/**
 * Import of the bundled report (parse + write into a fresh store; target < 300 ms) and the
 * digest build (store → model → document → Slack thread; target < 1 s at 10,000 tasks) for
 * the report's 35 rows, 1,000 and 10,000 generated rows, each in a reporting period. Times
 * are the median of several runs in this process, after one warm-up run.
 */
import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { createDb, migrateToLatest } from "../db/client.ts";
import { BUNDLED_REPORT_PATH } from "../db/seeds/index.ts";
import { buildDigestModel } from "../src/digest/build.ts";
import { digestDocument } from "../src/digest/document.ts";
import { renderDigestThread } from "../src/digest/render-slack.ts";
import { applyImport } from "../src/import/apply-import.ts";
import { parseReport } from "../src/import/parse-report.ts";
import { type BenchOutcome, median, type TableRow } from "./report.ts";
import { dropStore, freshStoreUrl, prepareStore } from "./store.ts";

const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 5);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/** Import of the bundled report: parse alone, then parse + write into a fresh store. */
export async function benchImport(): Promise<BenchOutcome> {
  const text = readFileSync(BUNDLED_REPORT_PATH, "utf8");
  const parse: number[] = [];
  const full: number[] = [];
  const again: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const url = await freshStoreUrl("import");
    const db = createDb(url);
    try {
      await migrateToLatest(db);
      const ctx = { actor: "bench", at: new Date().toISOString(), source: "report.txt" };
      const p = await timed(async () => parseReport(text));
      const f = await timed(() => applyImport(db, parseReport(text), ctx));
      const a = await timed(() => applyImport(db, parseReport(text), ctx));
      if (i === 0) continue; // warm-up
      parse.push(p);
      full.push(f);
      again.push(a);
    } finally {
      await db.destroy();
      await dropStore(url);
    }
  }
  const ms = median(full);
  const rows: TableRow[] = [
    {
      benchmark: "import of the bundled report (35 rows): parse + write, fresh store",
      ours: `${ms.toFixed(0)} ms (parse ${median(parse).toFixed(0)} ms; re-import, no change, ${median(again).toFixed(0)} ms)`,
      floor: "—",
      ratio: "—",
      target: "< 300 ms",
      met: ms < 300,
    },
  ];
  return { name: "import", rows, details: { parse, full, again } };
}

/** The digest for 35, 1,000 and 10,000 rows. */
export async function benchDigest(): Promise<BenchOutcome> {
  const rows: TableRow[] = [];
  const details: Record<string, number[]> = {};
  for (const [label, generated] of [
    ["report (35 rows)", undefined],
    ["1,000 rows", 1_000],
    ["10,000 rows", 10_000],
  ] as const) {
    const url = await freshStoreUrl("digest");
    const store = await prepareStore(url, generated);
    const db = createDb(store.url);
    try {
      const times: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const t = await timed(async () => {
          const now = DateTime.utc();
          const model = await buildDigestModel(db, { now, zone: "Europe/Riga" });
          const doc = digestDocument(model, {
            locale: "lv",
            zone: "Europe/Riga",
            variant: "digest",
          });
          renderDigestThread(doc);
        });
        if (i > 0) times.push(t);
      }
      details[label] = times;
      const ms = median(times);
      rows.push({
        benchmark: `digest build (store → model → document → Slack thread), ${label}`,
        ours: `${ms.toFixed(0)} ms`,
        floor: "—",
        ratio: "—",
        target: "< 1 s at 10,000",
        met: generated === 10_000 ? ms < 1000 : null,
      });
    } finally {
      await db.destroy();
      await dropStore(url);
    }
  }
  return { name: "digest", rows, details };
}
