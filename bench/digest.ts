/**
 * How long one digest takes for the bundled report's 35 tasks, end to end in process: build the
 * model from a SQLite store (report + a passed and a current cut-off + 16 scripted replies),
 * write the document, render the chart PNG and the DOCX. Median of RUNS runs after a warm-up.
 * Run: `npx tsx bench/digest.ts` (prints JSON). Posting to Slack is not included.
 */
import { DateTime } from "luxon";
import { buildDigestModel } from "../src/digest/build.ts";
import { renderStatusChart } from "../src/digest/chart.ts";
import { digestDocument } from "../src/digest/document.ts";
import { renderDigestDocx } from "../src/digest/render-docx.ts";
import { renderDigestParent, renderDigestThread } from "../src/digest/render-slack.ts";
import { NOW, scriptStore } from "../tests/digest/support.ts";
import { importedStore } from "../tests/helpers/store.ts";

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const { db } = await importedStore();
await scriptStore(db);
const phases: Record<"model" | "slack" | "chart" | "docx" | "total", number[]> = {
  model: [],
  slack: [],
  chart: [],
  docx: [],
  total: [],
};
for (let run = 0; run <= RUNS; run++) {
  const t0 = performance.now();
  const model = await buildDigestModel(db, { now: DateTime.fromISO(NOW), zone: "Europe/Riga" });
  const t1 = performance.now();
  const doc = digestDocument(model, { locale: "lv", zone: "Europe/Riga", variant: "digest" });
  renderDigestParent(doc, "lv");
  renderDigestThread(doc);
  const t2 = performance.now();
  const chart = await renderStatusChart(model.institutions, "lv", model.cutoff?.title ?? null);
  const t3 = performance.now();
  await renderDigestDocx(doc, model, "lv", chart);
  const t4 = performance.now();
  if (run === 0) continue; // warm-up: module loading and JIT
  phases.model.push(t1 - t0);
  phases.slack.push(t2 - t1);
  phases.chart.push(t3 - t2);
  phases.docx.push(t4 - t3);
  phases.total.push(t4 - t0);
}
await db.destroy();
const result = Object.fromEntries(
  Object.entries(phases).map(([k, v]) => [k, Math.round(median(v) * 10) / 10]),
);
process.stdout.write(`${JSON.stringify({ runs: RUNS, tasks: 35, medianMs: result }, null, 2)}\n`);
