/**
 * Reminders through the real worker (`createWorker`, the app's send-reminder processor, its
 * Web API client) in its own process (bench/reminder-worker.ts) and the emulator in this one:
 * 20 institutions, each on 30 tasks, in their own channels.
 * - Limit on: the emulator answers 429 beyond 1 message/s/channel; the app paces itself with
 *   its Redis channel gate. Ideal: k messages per channel need k − 1 seconds.
 * - Limit off (emulator and gate): messages/s against raw BullMQ — no-op jobs with the same
 *   options and concurrency on the same Redis, in a worker process of their own too, measured
 *   the same way (first to last completion), at each concurrency of BENCH_CONCURRENCY; and
 *   against a bare post: jobs that only post the same messages (the run's own, as the emulator
 *   received them) through the same Web API client to a fresh emulator, so the figure shows
 *   what the app's own work (store, compose, sent marks) costs beyond Slack's call itself.
 * The worker process's CPU time per message (from /proc) is the steadiest figure.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import { createDb, type Db, migrateToLatest } from "../db/client.ts";
import { setMapping } from "../db/contacts.ts";
import { insertCutoff } from "../db/cutoffs.ts";
import { DEFAULT_JOB_OPTIONS, QUEUE_NAME } from "../jobs/index.ts";
import { emulatorSlack, testConfig } from "../src/config.ts";
import type { ImportedReport } from "../src/domain/types.ts";
import { type Emulator, isCall, startEmulator } from "../src/emulator/server.ts";
import { applyImport } from "../src/import/apply-import.ts";
import { type PrivateRedis, startPrivateRedis } from "../src/redis-server.ts";
import { replan } from "../src/reminders/schedule.ts";
import type { BlocksMessage } from "../src/slack/web.ts";
import { systemClock } from "../src/time.ts";
import { report as bundledReport, tempDir } from "../tests/helpers/store.ts";
import { cpuMs, type MessagingProcess, spawnMessaging } from "./processes.ts";
import type { FromWorker, ToWorker } from "./reminder-worker.ts";
import { type BenchOutcome, int, pct, type TableRow } from "./report.ts";
import { dropStore, freshStoreUrl } from "./store.ts";

const INSTITUTIONS = 20;
const TASKS = 30;
/** Worker concurrencies of the limit-off runs (the limit-on run uses the first). */
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? "4,16").split(",").map(Number);

/** What one run sent: messages, 429s seen, makespan (first to last post) in ms, CPU per message. */
export interface ReminderRun {
  concurrency: number;
  messages: number;
  rateLimited: number;
  duplicates: number;
  makespanMs: number;
  perSecond: number;
  /** The worker process's CPU (user + system) per message, ms. */
  workerCpuMs: number;
  /** This process's CPU per message (the emulator answering, the bench counting), ms. */
  emulatorCpuMs: number;
  /** When each channel's first post arrived, first to last channel (ms): the first round's spread. */
  firstPostSpreadMs: number;
  /** Gaps between consecutive posts in one channel (ms): where pacing spends time beyond 1 s. */
  channelGapMs: { min: number; median: number; max: number };
}

/** The floor at one concurrency: no-op jobs per second and the worker process's CPU per job. */
export interface FloorRun {
  concurrency: number;
  perSecond: number;
  workerCpuMs: number;
}

/** Runs both measurements and the raw BullMQ floor. */
export async function benchReminders(): Promise<BenchOutcome> {
  const redis = await startPrivateRedis({ dir: tempDir(), persist: false });
  try {
    const perChannel = Number(process.env.BENCH_REMINDER_ROUNDS ?? 6);
    const limited = await sendAll(redis, perChannel, true, CONCURRENCIES[0] ?? 4);
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
    ];
    const open: ReminderRun[] = [];
    const floors: FloorRun[] = [];
    const posts: FloorRun[] = [];
    const rounds = Number(process.env.BENCH_REMINDER_OPEN_ROUNDS ?? 30);
    for (const concurrency of CONCURRENCIES) {
      const sentMessages: BlocksMessage[] = [];
      const run = await sendAll(redis, rounds, false, concurrency, sentMessages);
      const floor = await rawBullmq(redis, run.messages, concurrency);
      const post = await rawBullmq(redis, run.messages, concurrency, sentMessages);
      open.push(run);
      floors.push(floor);
      posts.push(post);
      rows.push({
        benchmark: `reminders, limit off: ${run.messages} messages (${INSTITUTIONS} institutions × ${TASKS} tasks), concurrency ${concurrency}`,
        ours: `${int(run.perSecond)} msg/s (${run.duplicates} duplicates), worker ${run.workerCpuMs.toFixed(2)} ms CPU/msg`,
        floor: `${int(floor.perSecond)} no-op jobs/s (raw BullMQ), worker ${floor.workerCpuMs.toFixed(2)} ms CPU/job`,
        ratio: pct(run.perSecond / floor.perSecond),
        target: "≥ 50%",
        met: run.perSecond / floor.perSecond >= 0.5,
      });
      rows.push({
        benchmark: `reminders, limit off, against a bare post of the same ${run.messages} messages, concurrency ${concurrency}`,
        ours: `${int(run.perSecond)} msg/s, worker ${run.workerCpuMs.toFixed(2)} ms CPU/msg`,
        floor: `${int(post.perSecond)} posts/s (BullMQ job + chat.postMessage only), worker ${post.workerCpuMs.toFixed(2)} ms CPU/post`,
        ratio: pct(run.perSecond / post.perSecond),
        target: "—",
        met: null,
      });
    }
    return { name: "reminders", rows, details: { limited, open, floors, posts } };
  } finally {
    await redis.stop();
  }
}

/** The worker process (bench/reminder-worker.ts), loaded and connected, not yet working. */
async function startWorker(
  env: Record<string, string>,
): Promise<MessagingProcess<ToWorker, FromWorker>> {
  const worker = spawnMessaging<ToWorker, FromWorker>("bench/reminder-worker.ts", env);
  try {
    await worker.next((m) => m.type === "ready");
  } catch (error) {
    await worker.stop();
    throw error;
  }
  return worker;
}

/**
 * 20 institutions × 30 tasks, `rounds` cut-offs each asking now, all reminders queued, then
 * the worker process started: each reminder sent once.
 */
async function sendAll(
  redis: PrivateRedis,
  rounds: number,
  limit: boolean,
  concurrency: number,
  keep?: BlocksMessage[],
): Promise<ReminderRun> {
  const emulator = await startEmulator();
  const url = await freshStoreUrl("reminders");
  const db = createDb(url);
  const prefix = `bench-rem-${limit ? "on" : "off"}-${Date.now()}`;
  const producer = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAME, { connection: producer, prefix });
  let worker: MessagingProcess<ToWorker, FromWorker> | undefined;
  try {
    const config = testConfig({
      slack: emulatorSlack(emulator.botToken, emulator.apiUrl),
      databaseUrl: url,
    });
    await prepare(db, emulator, rounds);
    await replan({ db, config, clock: systemClock, queue });
    if (limit) emulator.setRateLimit({ method: "chat.postMessage", perChannelPerSecond: 1 });
    worker = await startWorker({
      MODE: "app",
      REDIS_URL: redis.url,
      PREFIX: prefix,
      CONCURRENCY: String(concurrency),
      DATABASE_URL: url,
      SLACK_API_URL: emulator.apiUrl,
      SLACK_BOT_TOKEN: emulator.botToken,
      GATE: limit ? "on" : "off",
    });
    const expected = INSTITUTIONS * rounds;
    const sent = () =>
      emulator.calls.filter((c) => c.method === "chat.postMessage" && c.ok && c.status === 200);
    const cpuBefore = cpuMs(worker.child.pid);
    const ownBefore = process.cpuUsage();
    worker.send({ type: "go" });
    await emulator
      .waitFor(
        isCall("chat.postMessage", () => sent().length >= expected),
        120_000,
        { includePast: true },
      )
      .catch(() => {
        throw new Error(`only ${sent().length} of ${expected} reminders posted`);
      });
    const workerCpu = cpuMs(worker.child.pid) - cpuBefore;
    const own = process.cpuUsage(ownBefore);
    const times = sent().map((c) => c.at);
    const makespanMs = Math.max(...times) - Math.min(...times);
    const roots = new Set(
      sent().map((c) => `${c.args.channel}:${JSON.stringify(c.args.metadata)}`),
    );
    const messages = sent().length;
    const { firstPostSpreadMs, channelGapMs } = pacing(sent());
    keep?.push(...sent().map((c) => asMessage(c.args)));
    return {
      concurrency,
      messages,
      rateLimited: emulator.calls.filter((c) => c.status === 429).length,
      duplicates: messages - roots.size,
      makespanMs,
      perSecond: (messages - 1) / (makespanMs / 1000),
      workerCpuMs: workerCpu / messages,
      emulatorCpuMs: (own.user + own.system) / 1000 / messages,
      firstPostSpreadMs,
      channelGapMs,
    };
  } finally {
    await worker?.stop();
    await queue.close();
    producer.disconnect();
    await db.destroy();
    await dropStore(url);
    await emulator.stop();
  }
}

/** The first round's spread and the gaps between posts per channel, from the emulator's record. */
function pacing(posts: ReadonlyArray<{ at: number; args: Record<string, unknown> }>) {
  const byChannel = new Map<string, number[]>();
  for (const p of posts) {
    const list = byChannel.get(String(p.args.channel)) ?? [];
    list.push(p.at);
    byChannel.set(String(p.args.channel), list);
  }
  const firsts = [...byChannel.values()].map((t) => Math.min(...t));
  const gaps = [...byChannel.values()]
    .flatMap((t) =>
      t.sort((a, b) => a - b).flatMap((at, i) => (i > 0 ? [at - (t[i - 1] ?? at)] : [])),
    )
    .sort((a, b) => a - b);
  return {
    firstPostSpreadMs: Math.max(...firsts) - Math.min(...firsts),
    channelGapMs: {
      min: gaps[0] ?? 0,
      median: gaps[Math.floor(gaps.length / 2)] ?? 0,
      max: gaps[gaps.length - 1] ?? 0,
    },
  };
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

/** A post the emulator received, as the arguments `postBlocks` takes (JSON arguments decoded). */
function asMessage(args: Record<string, unknown>): BlocksMessage {
  const decoded = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);
  const { channel, text, blocks, metadata } = args;
  return {
    channel: String(channel),
    text: String(text),
    blocks: decoded(blocks),
    ...(metadata ? { metadata: decoded(metadata) } : {}),
  };
}

/**
 * Raw BullMQ: `count` no-op jobs with the app's job options, then a worker process with the
 * same concurrency: completions per second (first to last) and its CPU per job. Given
 * `messages`, the jobs instead post them (job `i` the `i`-th, modulo their number) through
 * the app's Web API client to a fresh emulator with their channels and no limit: the bare post.
 */
async function rawBullmq(
  redis: PrivateRedis,
  count: number,
  concurrency: number,
  messages?: BlocksMessage[],
): Promise<FloorRun> {
  const prefix = `bench-raw-${Date.now()}`;
  const producer = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue("noop", { connection: producer, prefix });
  const emulator = messages ? await startEmulator() : undefined;
  let worker: MessagingProcess<ToWorker, FromWorker> | undefined;
  try {
    const postEnv: Record<string, string> = {};
    if (emulator && messages) {
      for (const channel of new Set(messages.map((m) => m.channel)))
        emulator.addChannel({ id: channel, name: channel.toLowerCase() });
      const file = join(tempDir(), "messages.json");
      writeFileSync(file, JSON.stringify(messages));
      Object.assign(postEnv, {
        MESSAGES_FILE: file,
        SLACK_API_URL: emulator.apiUrl,
        SLACK_BOT_TOKEN: emulator.botToken,
      });
    }
    await queue.addBulk(
      Array.from({ length: count }, (_, i) => ({
        name: "noop",
        data: { i },
        opts: { ...DEFAULT_JOB_OPTIONS, jobId: `noop-${i}` },
      })),
    );
    worker = await startWorker({
      MODE: messages ? "post" : "noop",
      REDIS_URL: redis.url,
      PREFIX: prefix,
      CONCURRENCY: String(concurrency),
      COUNT: String(count),
      ...postEnv,
    });
    const cpuBefore = cpuMs(worker.child.pid);
    worker.send({ type: "go" });
    const done = await worker.next((m) => m.type === "done");
    const cpu = cpuMs(worker.child.pid) - cpuBefore;
    const spanMs = done.type === "done" ? done.spanMs : Number.NaN;
    return { concurrency, perSecond: (count - 1) / (spanMs / 1000), workerCpuMs: cpu / count };
  } finally {
    await worker?.stop();
    await queue.close();
    producer.disconnect();
    await emulator?.stop();
  }
}
