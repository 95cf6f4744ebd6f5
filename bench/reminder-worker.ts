/**
 * The reminders benchmark's worker, run as its own process so the figure is the app's and
 * not Slack's (the emulator stays in the bench process, as Slack is elsewhere in production):
 * - `app`: the app's worker (`createWorker`, the send-reminder processor, the Web API client)
 *   on DATABASE_URL, posting to SLACK_API_URL; pacing through the Redis channel gate when
 *   GATE=on, none when off (the emulator's limit is off too);
 * - `noop`: the floor, raw BullMQ: a Worker with a no-op processor on the queue "noop", the
 *   same options and concurrency; reports when COUNT jobs completed;
 * - `post`: the second floor, a bare post: a Worker on the queue "noop" whose processor posts
 *   job `i`'s message, read from MESSAGES_FILE (the app's own reminders of the same run, as the
 *   emulator received them), through the app's Web API client (`createJobWebClient`,
 *   `postBlocks`) and nothing else: no store, no compose, no gate.
 * Env: MODE, REDIS_URL, PREFIX, CONCURRENCY, and for `app` DATABASE_URL, SLACK_API_URL,
 * SLACK_BOT_TOKEN, GATE; for `noop` COUNT; for `post` COUNT, MESSAGES_FILE, SLACK_API_URL,
 * SLACK_BOT_TOKEN. IPC: sends "ready" once loaded and connected,
 * starts working on "go", sends { done, spanMs } (noop) and exits on "stop" or SIGTERM.
 */
import { readFileSync } from "node:fs";
import { type Job, Worker } from "bullmq";
import { Redis } from "ioredis";
import { createDb } from "../db/client.ts";
import { emulatorSlack, testConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { type ChannelGate, redisChannelGate } from "../src/reminders/channel-gate.ts";
import { type BlocksMessage, createJobWebClient, postBlocks } from "../src/slack/web.ts";
import { systemClock } from "../src/time.ts";
import { createWorker } from "../src/worker.ts";

/** What the bench process tells the worker process. */
export type ToWorker = { type: "go" } | { type: "stop" };
/** What the worker process tells the bench process. */
export type FromWorker = { type: "ready" } | { type: "done"; spanMs: number };

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const send = (message: FromWorker) => process.send?.(message);

const mode = env("MODE");
const prefix = env("PREFIX");
const concurrency = Number(env("CONCURRENCY"));
const producer = new Redis(env("REDIS_URL"), { maxRetriesPerRequest: null });
const consumer = new Redis(env("REDIS_URL"), { maxRetriesPerRequest: null });
let close: () => Promise<void> = async () => {};

/** Starts the app's worker; pacing through the Redis gate or none. */
function startApp(): void {
  const url = env("DATABASE_URL");
  const token = env("SLACK_BOT_TOKEN");
  const apiUrl = env("SLACK_API_URL");
  const db = createDb(url);
  const config = testConfig({
    slack: emulatorSlack(token, apiUrl),
    databaseUrl: url,
  });
  const open: ChannelGate = { tryAcquire: async () => 0 };
  const worker = createWorker(
    {
      db,
      config,
      clock: systemClock,
      logger: createLogger("silent"),
      slack: createJobWebClient(token, apiUrl),
      gate: env("GATE") === "on" ? redisChannelGate(producer, prefix) : open,
    },
    consumer,
    { prefix, concurrency },
  );
  close = async () => {
    await worker.close();
    await db.destroy();
  };
}

/** The floors' processors: a no-op, or a bare post of job `i`'s message (MESSAGES_FILE). */
function floorProcessor(): (job: Job<{ i: number }>) => Promise<unknown> {
  if (mode === "noop") return async () => {};
  const messages = JSON.parse(readFileSync(env("MESSAGES_FILE"), "utf8")) as BlocksMessage[];
  const slack = createJobWebClient(env("SLACK_BOT_TOKEN"), env("SLACK_API_URL"));
  return async (job) => {
    const message = messages[job.data.i % messages.length];
    if (message) await postBlocks(slack, message);
  };
}

/** Starts a floor: no-op jobs or bare posts, timed from the first to the last completion. */
function startFloor(): void {
  const count = Number(env("COUNT"));
  const times: number[] = [];
  const worker = new Worker("noop", floorProcessor(), {
    connection: consumer,
    prefix,
    concurrency,
  });
  worker.on("completed", () => {
    times.push(performance.now());
    if (times.length === count) send({ type: "done", spanMs: performance.now() - (times[0] ?? 0) });
  });
  close = () => worker.close();
}

/** Closes the worker and the connections, then exits (a CPU profile, if asked for, is written). */
function stop(): void {
  void close().finally(() => {
    producer.disconnect();
    consumer.disconnect();
    process.exit(0);
  });
}

process.on("message", (message: ToWorker) => {
  if (message.type === "stop") return stop();
  if (mode === "app") startApp();
  else startFloor();
});
process.once("SIGTERM", stop);
await Promise.all([producer.ping(), consumer.ping()]);
send({ type: "ready" });
