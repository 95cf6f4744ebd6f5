/**
 * Reminders through the real worker (`createWorker`, the app's send-reminder processor, its
 * Web API client) and the emulator: 20 institutions, each on 30 tasks, in their own channels.
 * - Limit on: the emulator answers 429 beyond 1 message/s/channel; the app paces itself with
 *   its Redis channel gate. Ideal: k messages per channel need k − 1 seconds.
 * - Limit off (emulator and gate): messages/s against raw BullMQ — no-op jobs with the same
 *   options and concurrency on the same Redis, measured the same way (first to last completion).
 */
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import { createDb, type Db, migrateToLatest } from "../db/client.ts";
import { setMapping } from "../db/contacts.ts";
import { insertCutoff } from "../db/cutoffs.ts";
import { DEFAULT_JOB_OPTIONS, QUEUE_NAME } from "../jobs/index.ts";
import { testConfig } from "../src/config.ts";
import type { ImportedReport } from "../src/domain/types.ts";
import { type Emulator, isCall, startEmulator } from "../src/emulator/server.ts";
import { applyImport } from "../src/import/apply-import.ts";
import { createLogger } from "../src/logger.ts";
import { type PrivateRedis, startPrivateRedis } from "../src/redis-server.ts";
import { type ChannelGate, redisChannelGate } from "../src/reminders/channel-gate.ts";
import { replan } from "../src/reminders/schedule.ts";
import { createJobWebClient } from "../src/slack/web.ts";
import { systemClock } from "../src/time.ts";
import { createWorker } from "../src/worker.ts";
import { report as bundledReport, tempDir } from "../tests/helpers/store.ts";
import { type BenchOutcome, int, pct, type TableRow } from "./report.ts";
import { dropStore, freshStoreUrl } from "./store.ts";

const INSTITUTIONS = 20;
const TASKS = 30;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

/** What one run sent: messages, 429s seen, makespan (first to last post) in ms. */
export interface ReminderRun {
  messages: number;
  rateLimited: number;
  duplicates: number;
  makespanMs: number;
  perSecond: number;
}

/** Runs both measurements and the raw BullMQ floor. */
export async function benchReminders(): Promise<BenchOutcome> {
  const redis = await startPrivateRedis({ dir: tempDir(), persist: false });
  try {
    const perChannel = Number(process.env.BENCH_REMINDER_ROUNDS ?? 6);
    const limited = await sendAll(redis, perChannel, true);
    const open = await sendAll(redis, Number(process.env.BENCH_REMINDER_OPEN_ROUNDS ?? 30), false);
    const raw = await rawBullmq(redis, open.messages);
    const idealMs = (perChannel - 1) * 1000;
    const idealRate = (INSTITUTIONS * (perChannel - 1)) / (idealMs / 1000);
    const rows: TableRow[] = [
      {
        benchmark: `reminders, limit on (1/s/channel): ${INSTITUTIONS} institutions × ${TASKS} tasks, ${perChannel} per channel`,
        ours: `${limited.messages} messages in ${(limited.makespanMs / 1000).toFixed(2)} s: ${((INSTITUTIONS * (perChannel - 1)) / (limited.makespanMs / 1000)).toFixed(1)} msg/s, ${limited.rateLimited} × 429, ${limited.duplicates} duplicates`,
        floor: `${(idealMs / 1000).toFixed(2)} s: ${idealRate.toFixed(1)} msg/s`,
        ratio: pct(idealMs / limited.makespanMs),
        target: "≥ 90%, zero 429s",
        met: idealMs / limited.makespanMs >= 0.9 && limited.rateLimited === 0,
      },
      {
        benchmark: `reminders, limit off: ${open.messages} messages (${INSTITUTIONS} institutions × ${TASKS} tasks), concurrency ${CONCURRENCY}`,
        ours: `${int(open.perSecond)} msg/s (${open.duplicates} duplicates)`,
        floor: `${int(raw)} no-op jobs/s (raw BullMQ)`,
        ratio: pct(open.perSecond / raw),
        target: "≥ 50%",
        met: open.perSecond / raw >= 0.5,
      },
    ];
    return { name: "reminders", rows, details: { limited, open, rawJobsPerSecond: raw } };
  } finally {
    await redis.stop();
  }
}

/** 20 institutions × 30 tasks, `rounds` cut-offs each asking now; all reminders sent once. */
async function sendAll(redis: PrivateRedis, rounds: number, limit: boolean): Promise<ReminderRun> {
  const emulator = await startEmulator();
  const url = await freshStoreUrl("reminders");
  const db = createDb(url);
  const prefix = `bench-rem-${limit ? "on" : "off"}-${Date.now()}`;
  const producer = new Redis(redis.url, { maxRetriesPerRequest: null });
  const consumer = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAME, { connection: producer, prefix });
  try {
    const config = testConfig({
      slack: {
        mode: "http",
        botToken: emulator.botToken,
        signingSecret: "s",
        appToken: null,
        apiUrl: emulator.apiUrl,
      },
      databaseUrl: url,
    });
    await prepare(db, emulator, rounds);
    await replan({ db, config, clock: systemClock, queue });
    if (limit) emulator.setRateLimit({ method: "chat.postMessage", perChannelPerSecond: 1 });
    const open: ChannelGate = { tryAcquire: async () => 0 };
    const worker = createWorker(
      {
        db,
        config,
        clock: systemClock,
        logger: createLogger("silent"),
        slack: createJobWebClient(emulator.botToken, emulator.apiUrl),
        gate: limit ? redisChannelGate(producer, prefix) : open,
      },
      consumer,
      { prefix, concurrency: CONCURRENCY },
    );
    const expected = INSTITUTIONS * rounds;
    const sent = () =>
      emulator.calls.filter((c) => c.method === "chat.postMessage" && c.ok && c.status === 200);
    await emulator
      .waitFor(
        isCall("chat.postMessage", () => sent().length >= expected),
        120_000,
        { includePast: true },
      )
      .catch(() => {
        throw new Error(`only ${sent().length} of ${expected} reminders posted`);
      });
    await worker.close();
    const times = sent().map((c) => c.at);
    const makespanMs = Math.max(...times) - Math.min(...times);
    const roots = new Set(
      sent().map((c) => `${c.args.channel}:${JSON.stringify(c.args.metadata)}`),
    );
    return {
      messages: sent().length,
      rateLimited: emulator.calls.filter((c) => c.status === 429).length,
      duplicates: sent().length - roots.size,
      makespanMs,
      perSecond: (sent().length - 1) / (makespanMs / 1000),
    };
  } finally {
    await queue.close();
    producer.disconnect();
    consumer.disconnect();
    await db.destroy();
    await dropStore(url);
    await emulator.stop();
  }
}

/** The store: 30 tasks shared by 20 institutions, each mapped to its channel and contact. */
async function prepare(db: Db, emulator: Emulator, rounds: number): Promise<void> {
  await migrateToLatest(db);
  const institutions = bundledReport().institutions.slice(0, INSTITUTIONS);
  const report: ImportedReport = {
    programme: { code: "bench-reminders", title: "Atgādinājumu etalons" },
    institutions,
    tasks: Array.from({ length: TASKS }, (_, i) => ({
      number: String(i + 1),
      parent: null,
      section: "I" as const,
      title: `Uzdevums ${i + 1}: uzlabot sadarbību un informācijas apmaiņu`,
      deadline: { text: "2027.gads", due: "2027-12-31", recurrence: null },
      institutions: institutions.map((inst, j) => ({
        code: inst.code,
        role: j === 0 ? ("responsible" as const) : ("co_responsible" as const),
      })),
      status: "partial" as const,
      indicator: "Rādītājs",
      progress: "Izpildes gaita.",
    })),
  };
  const at = new Date().toISOString();
  await applyImport(db, report, { actor: "bench", at, source: "generated" });
  const rows = await db.selectFrom("institutions").select(["id", "code"]).execute();
  for (const [i, inst] of rows
    .filter((r) => institutions.some((x) => x.code === r.code))
    .entries()) {
    const channel = `C0REM${String(i).padStart(3, "0")}`;
    const user = `U0REM${String(i).padStart(3, "0")}`;
    emulator.addChannel({ id: channel, name: `rem-${i}` });
    emulator.addUser({ id: user, name: `rem.${i}`, locale: "lv-LV" });
    await setMapping(db, inst.id, channel, [user], at);
  }
  const programme = await db
    .selectFrom("programmes")
    .select("id")
    .where("code", "=", "bench-reminders")
    .executeTakeFirstOrThrow();
  for (let r = 0; r < rounds; r++)
    await insertCutoff(db, {
      programmeId: programme.id,
      // Ten days ahead: the 14-day reminder is due now (the older ones are superseded).
      at: DateTime.utc().plus({ days: 10, minutes: r }).toISO() ?? "",
      title: `Ziņojums ${r + 1}`,
      taskNumbers: null,
      createdBy: "U0BENCH",
      createdAt: at,
    });
}

/** Raw BullMQ: `count` no-op jobs, same options and concurrency; completions per second. */
async function rawBullmq(redis: PrivateRedis, count: number): Promise<number> {
  const prefix = `bench-raw-${Date.now()}`;
  const producer = new Redis(redis.url, { maxRetriesPerRequest: null });
  const consumer = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue("noop", { connection: producer, prefix });
  try {
    await queue.addBulk(
      Array.from({ length: count }, (_, i) => ({
        name: "noop",
        data: { i },
        opts: { ...DEFAULT_JOB_OPTIONS, jobId: `noop-${i}` },
      })),
    );
    const times: number[] = [];
    const worker = new Worker("noop", async () => {}, {
      connection: consumer,
      prefix,
      concurrency: CONCURRENCY,
    });
    await new Promise<void>((done) => {
      worker.on("completed", () => {
        times.push(performance.now());
        if (times.length === count) done();
      });
    });
    await worker.close();
    const span = (Math.max(...times) - Math.min(...times)) / 1000;
    return (count - 1) / span;
  } finally {
    await queue.close();
    producer.disconnect();
    consumer.disconnect();
  }
}
