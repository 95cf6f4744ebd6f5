/**
 * A micro-benchmark of `/task N` with no answer reused, in process: `taskCommand.handle` (the
 * read snapshot, the answer cache's bookkeeping, the programme context, the task's reads, its
 * status and its Block Kit) over every task of the 10,000-row bench store in the order
 * task-endpoint.ts asks them, lv and en in turn, as the endpoint's "every task asked" rows do
 * without the HTTP and Bolt around it. Prints the CPU µs per answer of each round, their median
 * and the least (the steadiest on a shared machine). Not part of `npm run bench` (no floor):
 * for comparing code on one machine. The first round, one answer to every task, is a warm-up
 * and not counted; with `0` rounds only it runs (to trace what V8 compiles meanwhile:
 * `node --trace-opt --trace-deopt --import tsx bench/task-compose.ts 0`).
 *
 * `npx tsx bench/task-compose.ts [rounds]`; `TASK_COMPOSE_STORE=<path>` keeps the prepared
 * SQLite store there and reuses it on the next run (its cut-off is 20 days ahead of when it was
 * made); `TASK_COMPOSE_ROWS` (default 10000) the generated rows. The clock moves 2 ms an answer,
 * so, as in the endpoint's run (~600 answers a second), no answer is asked again within the
 * answer cache's seconds and the programme context is read again every few thousand answers.
 * Profile with `node --cpu-prof --import tsx bench/task-compose.ts`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { taskCommand } from "../commands/task.ts";
import type { CommandDeps } from "../commands/types.ts";
import { createDb } from "../db/client.ts";
import { currentProgramme } from "../db/programmes.ts";
import { testConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import type { Clock } from "../src/time.ts";
import { tempDir } from "../tests/helpers/store.ts";
import { prepareStore } from "./store.ts";

const ROUNDS = Number(process.argv[2] ?? 7);
const ROWS = Number(process.env.TASK_COMPOSE_ROWS ?? 10_000);
const kept = process.env.TASK_COMPOSE_STORE;
const path = kept ?? join(tempDir("koordinators-compose-"), "compose.db");
if (!kept || !existsSync(path)) await prepareStore(path, ROWS);

const db = createDb(path);
const programme = await currentProgramme(db);
if (!programme) throw new Error("no programme");
const numbers = (
  await db
    .selectFrom("tasks")
    .select("number")
    .where("programme_id", "=", programme.id)
    .orderBy("position")
    .execute()
).map((r) => r.number);

let ms = Date.now();
const clock: Clock = { now: () => DateTime.fromMillis(ms, { zone: "utc" }), nowMs: () => ms };
const deps: CommandDeps = {
  db,
  clock,
  config: testConfig(),
  logger: createLogger("silent"),
  replan: async () => null,
};

/** One round: every number once, in task-endpoint.ts's order; CPU µs per answer. */
async function round(): Promise<number> {
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < numbers.length; i++) {
    ms += 2;
    const text = numbers[(i * 7919) % numbers.length] ?? "14";
    const locale = i % 2 ? "en" : "lv";
    const reply = await taskCommand.handle(taskCommand.parse(text), deps, {
      locale,
      userId: "U0BENCH1",
      channelId: "C0BENCH",
    });
    if (!reply.found) throw new Error(`/task ${text}: not found`);
  }
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / numbers.length;
}

await round(); // warm-up (JIT, prepared statements)
const rounds: number[] = [];
for (let r = 0; r < ROUNDS; r++) rounds.push(await round());
const sorted = [...rounds].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
process.stdout.write(
  `${numbers.length} tasks, ${ROUNDS} rounds: ${rounds.map((x) => x.toFixed(1)).join(" ")} µs CPU/answer; median ${median.toFixed(1)}, least ${(sorted[0] ?? 0).toFixed(1)}\n`,
);
await db.destroy();
