/**
 * `serve` and the bare-Bolt floor under the endpoint bench's "every task asked" load only
 * (10,000-row store, no answer reused), at one concurrency, rounds alternating: CPU ms per
 * request and requests/s of each round, and their medians. Writes nothing under bench/results:
 * for comparing code on one machine, and for profiling (`BENCH_APP_NODE_FLAGS="--cpu-prof
 * --cpu-prof-dir=/tmp/prof"`: the profile is written when the app stops).
 *
 * Also the app asked task-endpoint.ts's 35 tasks in turn (answers reused), so the difference
 * of its CPU per request from the "every task asked" rounds is the composition of an answer as
 * it costs in `serve`.
 *
 * `npx tsx bench/task-serve.ts [rounds] [concurrency]`; `TASK_SERVE_STORE=<path>`: a prepared
 * store to copy (e.g. task-compose.ts's), else one is made; `BENCH_REQUESTS` per round (1000);
 * `TASK_SERVE_WARMUP`: requests of the warm-up at concurrency 10 (default: every task once, as
 * task-endpoint.ts warms up; 1000 shows the rounds of a process still compiling).
 */
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { removeTempDirs, tempDir } from "../tests/helpers/store.ts";
import { runLoad } from "./load.ts";
import { cpuMs, type ServedProcess } from "./processes.ts";
import { median } from "./report.ts";
import { prepareStore } from "./store.ts";
import { SECRET, spawnApp, spawnFloor, startTaskBench, USERS } from "./task-servers.ts";

const ROUNDS = Number(process.argv[2] ?? 7);
const CONCURRENCY = Number(process.argv[3] ?? 1);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);

const url = join(tempDir("koordinators-serve-"), "serve.db");
const source = process.env.TASK_SERVE_STORE;
if (source && existsSync(source)) copyFileSync(source, url);
const numbers =
  source && existsSync(source) ? await numbersOf(url) : (await prepareStore(url, 10_000)).numbers;

async function numbersOf(path: string): Promise<string[]> {
  const { createDb } = await import("../db/client.ts");
  const { currentProgramme } = await import("../db/programmes.ts");
  const db = createDb(path);
  try {
    const programme = await currentProgramme(db);
    const rows = await db
      .selectFrom("tasks")
      .select("number")
      .where("programme_id", "=", programme?.id ?? -1)
      .orderBy("position")
      .execute();
    return rows.map((r) => r.number);
  } finally {
    await db.destroy();
  }
}

const bench = await startTaskBench();
const { emulator, redis } = bench;
const floor = await spawnFloor(bench);
const app = await spawnApp(bench, url);
let i = 0;
const every = () => numbers[(i++ * 7919) % numbers.length] ?? "14";
/** task-endpoint.ts's "35 tasks asked": answers reused, so the app composes almost none. */
const few = numbers.filter((_, k) => k % Math.floor(numbers.length / 35) === 0).slice(0, 35);
let j = 0;
const reused = () => few[j++ % few.length] ?? "14";
/** [user, system] CPU ms of a process so far (/proc/<pid>/stat, 100 ticks a second). */
function userSys(pid: number | undefined): [number, number] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return [Number(fields[11]) * 10, Number(fields[12]) * 10];
}
const once = async (server: ServedProcess, concurrency: number, text = every) => {
  const cpu0 = cpuMs(server.child.pid);
  const us0 = userSys(server.child.pid);
  const r = await runLoad({
    appUrl: server.url,
    signingSecret: SECRET,
    emulator,
    concurrency,
    requests: REQUESTS,
    text,
    users: USERS,
  });
  if (r.errors > 0) throw new Error(`${r.errors} errors`);
  const us1 = userSys(server.child.pid);
  return {
    rps: r.rps,
    cpu: (cpuMs(server.child.pid) - cpu0) / r.requests,
    sys: (us1[1] - us0[1]) / r.requests,
  };
};
try {
  // Warm-up (JIT, caches), as task-endpoint.ts's: every question once, at concurrency 10.
  const warm = Number(process.env.TASK_SERVE_WARMUP ?? Math.max(REQUESTS, numbers.length));
  for (const server of [floor, app]) {
    const w = await runLoad({
      appUrl: server.url,
      signingSecret: SECRET,
      emulator,
      concurrency: 10,
      requests: warm,
      text: every,
      users: USERS,
    });
    if (w.errors > 0) throw new Error(`${w.errors} errors`);
  }
  const out = {
    floor: [] as Array<{ rps: number; cpu: number; sys: number }>,
    app: [] as Array<{ rps: number; cpu: number; sys: number }>,
    "app, 35 tasks asked": [] as Array<{ rps: number; cpu: number; sys: number }>,
  };
  for (let r = 0; r < ROUNDS; r++) {
    out.floor.push(await once(floor, CONCURRENCY));
    out.app.push(await once(app, CONCURRENCY));
    out["app, 35 tasks asked"].push(await once(app, CONCURRENCY, reused));
  }
  for (const [name, rounds] of Object.entries(out))
    process.stdout.write(
      `${name}: ${rounds.map((x) => `${x.rps.toFixed(0)}/${x.cpu.toFixed(3)}`).join(" ")} req/s / ms CPU; median ${median(rounds.map((x) => x.rps)).toFixed(0)} req/s, ${median(rounds.map((x) => x.cpu)).toFixed(3)} ms CPU/req (least ${Math.min(...rounds.map((x) => x.cpu)).toFixed(3)}; system ${median(rounds.map((x) => x.sys)).toFixed(3)})\n`,
    );
  const ratio = median(out.app.map((x) => x.rps)) / median(out.floor.map((x) => x.rps));
  process.stdout.write(`app/floor throughput ${(ratio * 100).toFixed(0)}%\n`);
} finally {
  await app.stop();
  await floor.stop();
  await redis.stop();
  await emulator.stop();
  removeTempDirs();
}
