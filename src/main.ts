import { randomBytes } from "node:crypto";
import type { AddressInfo, Server } from "node:net";
import { join } from "node:path";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { CommandDeps } from "../commands/index.ts";
import { createDb, type Db, migrateToLatest } from "../db/client.ts";
import { enqueueJob, QUEUE_NAME } from "../jobs/index.ts";
import type { JobDeps } from "../jobs/types.ts";
import { registerListeners } from "./app.ts";
import { type Config, LOCAL_CHANNEL_ID, LOCAL_USER_ID } from "./config.ts";
import { planDigests } from "./digest/schedule.ts";
import { localSlackFile, writeLocalSlackFile } from "./emulator/local-file.ts";
import { type Emulator, startEmulator } from "./emulator/server.ts";
import { seedIfEmpty } from "./import/seed.ts";
import { createLogger, type Logger } from "./logger.ts";
import { assertPortFree, PortInUseError } from "./port-in-use.ts";
import { PrivateRedisInUseError, startPrivateRedis } from "./redis-server.ts";
import { redisChannelGate } from "./reminders/channel-gate.ts";
import { type PlanResult, replan } from "./reminders/schedule.ts";
import { scheduleCollection } from "./replies/schedule.ts";
import { boltLogger } from "./slack/bolt-logger.ts";
import { createLocaleResolver } from "./slack/locale.ts";
import { createJobWebClient } from "./slack/web.ts";
import { type Clock, systemClock } from "./time.ts";
import { createWorker } from "./worker.ts";

/** A running app: where it listens and how to stop it (receiver → workers → queue → Redis → db). */
export interface Running {
  /** Base URL of the HTTP endpoint ("http://127.0.0.1:3000"); `/slack/events`, `/healthz`. */
  url: string;
  port: number;
  db: Db;
  logger: Logger;
  /** The built-in Slack emulator in local mode, else null. */
  emulator: Emulator | null;
  /** The job queue, or null when Redis could not be reached at start (reminders off). */
  queue: Queue | null;
  /** The configuration in force (in local mode: with the emulator's token and secret). */
  config: Config;
  /** Rebuilds the reminder plan from the store (one cut-off or all). */
  replan(cutoffId?: number): Promise<PlanResult | null>;
  stop(): Promise<void>;
}

/** Options for tests and scale-out: clock, logger, queue prefix, which parts to run. */
export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** Skip importing the bundled report into an empty store. */
  skipSeed?: boolean;
  /** BullMQ key prefix; tests use a fresh one each. Default "koordinators". */
  queuePrefix?: string;
  /** Run the BullMQ worker in this process (default true; `serve --no-worker` says false). */
  worker?: boolean;
  /** Run the Slack receiver (default true; the `worker` command says false). */
  receiver?: boolean;
}

/**
 * Opens the store (migrating it), imports the bundled report into an empty store, connects to
 * Redis (or starts a private redis-server under DATA_DIR when REDIS_URL is unset), rebuilds
 * the reminder plan from the store, starts the worker, and starts the Bolt app: HTTP
 * (`POST /slack/events`, `GET /healthz`) or Socket Mode. With no Slack credentials (local
 * mode) it first starts the Slack emulator and points the app at it.
 * Without Redis, `/task` and the store still work; reminders wait (a clear warning says why).
 * The only place that builds the db, Redis connections, the queue, the worker and the Slack client.
 * @throws PortInUseError when PORT is taken (checked first: nothing is started or opened);
 *   PrivateRedisInUseError when REDIS_URL is unset and another running app owns DATA_DIR's
 *   private Redis; MigrationError when a migration fails (everything opened is closed).
 */
export async function start(baseConfig: Config, opts: StartOptions = {}): Promise<Running> {
  // PORT first: a start that cannot listen must not start a private Redis, migrate the store
  // or load the local workspace before it finds out (Bolt's own bind still maps EADDRINUSE).
  if (opts.receiver !== false) await assertPortFree(baseConfig.port);
  const logger = opts.logger ?? createLogger(baseConfig.logLevel);
  const clock = opts.clock ?? systemClock;
  const closers: Array<() => Promise<unknown>> = [];
  // Ordered shutdown (receiver → workers → queue → Redis → db), each step given 5 s: a dead
  // Redis must not keep the process from stopping.
  const stopAll = async () => {
    for (const close of closers.splice(0).reverse()) {
      await withTimeout(close(), STOP_STEP_MS).catch((error: unknown) =>
        logger.warn({ err: String(error) }, "stop step failed"),
      );
    }
  };
  const db = createDb(baseConfig.databaseUrl);
  closers.push(() => db.destroy());
  try {
    // The private Redis first: a second app on the same DATA_DIR is refused before it migrates
    // the store or loads the local workspace (which it would write back as it stops).
    const ownRedis = baseConfig.redisUrl ? null : await startOwnRedis(baseConfig, logger, closers);
    const applied = await migrateToLatest(db);
    if (applied.length > 0) logger.info({ migrations: applied }, "store migrated");
    if (!opts.skipSeed) {
      const summary = await seedIfEmpty(db, clock);
      if (summary) logger.info({ tasks: summary.tasks }, "bundled report imported");
    }

    let config = baseConfig;
    let emulator: Emulator | null = null;
    if (config.slack.mode === "local") {
      const started = await startEmulator({ host: "127.0.0.1", port: 0 });
      await started.persistTo(join(config.dataDir, "local-workspace.json"));
      emulator = started;
      closers.push(() => started.stop());
      config = localConfig(config, started);
    }

    const prefix = opts.queuePrefix ?? config.queuePrefix;
    const redis = await connectRedis(config.redisUrl ?? ownRedis, logger, closers);
    const queue = redis ? new Queue(QUEUE_NAME, { connection: redis.producer, prefix }) : null;
    if (queue) {
      queue.on("error", (e) => logger.warn({ err: e.message }, "queue"));
      closers.push(() => queue.close());
    }
    const replanNow = async (cutoffId?: number) => {
      if (!queue) return null;
      const reminders = await replan({ db, config, clock, queue }, cutoffId);
      // Sessions and cut-offs both decide the automatic digests: re-plan them on every change.
      const digests = await planDigests({ db, config, clock, queue });
      return {
        scheduled: reminders.scheduled + digests.scheduled,
        removed: reminders.removed + digests.removed,
      };
    };
    const enqueue: CommandDeps["enqueue"] = queue
      ? (name, data) => enqueueJob(queue, name, data)
      : undefined;
    if (redis && opts.worker !== false) {
      const jobDeps: JobDeps = {
        db,
        config,
        clock,
        logger,
        slack: createJobWebClient(config.slack.botToken ?? "", config.slack.apiUrl, logger),
        gate: redisChannelGate(redis.producer, prefix),
        ...(enqueue ? { enqueue } : {}),
      };
      const worker = createWorker(jobDeps, redis.worker, {
        prefix,
        lockDurationMs: config.jobLockMs,
        stalledIntervalMs: config.jobLockMs,
      });
      closers.push(() => worker.close());
    }
    if (queue) {
      const plan = await replanNow().catch((error: unknown) => {
        logger.error({ err: String(error) }, "reminder plan not rebuilt");
        return null;
      });
      if (plan) logger.info(plan, "reminder plan rebuilt from the store");
      await scheduleCollection(queue, config.collectEveryMs).catch((error: unknown) =>
        logger.error({ err: String(error) }, "reply collection not scheduled"),
      );
      // Back after an outage: changes made meanwhile were stored but not queued (and a Redis
      // that restarted empty lost the plan), so rebuild it from the store.
      redis?.producer.on("ready", () => {
        replanNow().then(
          (again) => logger.info(again, "Redis is back: reminder plan rebuilt from the store"),
          (error: unknown) => logger.error({ err: String(error) }, "reminder plan not rebuilt"),
        );
      });
    }

    if (opts.receiver === false) {
      return {
        url: "",
        port: 0,
        db,
        logger,
        emulator,
        queue,
        config,
        replan: replanNow,
        stop: stopAll,
      };
    }
    const queueStatus = () => (!redis ? "off" : redis.producer.status === "ready" ? "up" : "down");
    const { app, server } = await startBolt(
      config,
      { db, clock, logger, config, replan: replanNow, enqueue },
      queueStatus,
    );
    closers.push(() => app.stop());
    const port = server ? (server.address() as AddressInfo).port : config.port;
    const url = `http://127.0.0.1:${port}`;
    if (emulator) await writeLocalFile(config, emulator, url);
    return { url, port, db, logger, emulator, queue, config, replan: replanNow, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * Starts the private redis-server under DATA_DIR/redis (REDIS_URL unset) and returns its URL;
 * null, with a clear warning, when it cannot start (reminders wait, `/task` still answers).
 * A server a killed app left running there is shut down first, its data saved (logged).
 * @throws PrivateRedisInUseError when another running process owns it: this app must not start.
 */
async function startOwnRedis(
  config: Config,
  logger: Logger,
  closers: Array<() => Promise<unknown>>,
): Promise<string | null> {
  try {
    const own = await startPrivateRedis({ dir: join(config.dataDir, "redis"), supervise: true });
    closers.push(() => own.stop());
    if (own.replaced) {
      const { url, pid, owner } = own.replaced;
      logger.warn(
        // Not `pid`: the log line's own field is this process's.
        { url, redisPid: pid, ownerPid: owner },
        "a private redis-server left running by a stopped app (its owner pid is gone) was shut down, its data saved, before starting a new one on the same data",
      );
    }
    logger.info({ url: own.url }, "private redis-server started");
    return own.url;
  } catch (error) {
    if (error instanceof PrivateRedisInUseError) throw error;
    logger.warn(
      `${error instanceof Error ? error.message : String(error)} Until then reminders are off; /task still answers from the store.`,
    );
    return null;
  }
}

/**
 * Two Redis connections (producer: fail fast when Redis is down, so a command never hangs;
 * worker: blocking, `maxRetriesPerRequest: null` as BullMQ requires) to `url` (REDIS_URL or the
 * private server). Null, with a clear warning, when there is no URL or it cannot be reached.
 */
async function connectRedis(
  url: string | null,
  logger: Logger,
  closers: Array<() => Promise<unknown>>,
) {
  if (!url) return null;
  const producer = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: true,
  });
  const worker = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  closers.push(() => quitOrDrop(producer));
  closers.push(() => quitOrDrop(worker));
  producer.on("error", (e) => logger.warn({ err: e.message }, "redis"));
  worker.on("error", (e) => logger.warn({ err: e.message }, "redis (worker)"));
  try {
    await producer.connect();
    await worker.connect();
  } catch (error) {
    logger.warn(
      { err: String(error) },
      "Redis is not reachable: reminders are off until it is; /task still answers",
    );
    return null;
  }
  return { producer, worker };
}

/** Time one shutdown step may take, in ms. */
const STOP_STEP_MS = 5_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([
    work,
    new Promise<undefined>((_, fail) =>
      setTimeout(() => fail(new Error(`timed out after ${ms} ms`)), ms).unref(),
    ),
  ]);
}

/** QUIT when Redis answers; otherwise (it is down) drop the connection at once. */
async function quitOrDrop(connection: Redis): Promise<void> {
  if (connection.status !== "ready") {
    connection.disconnect();
    return;
  }
  await withTimeout(connection.quit(), 2_000).catch(() => connection.disconnect());
}

async function writeLocalFile(config: Config, emulator: Emulator, url: string): Promise<void> {
  await writeLocalSlackFile(
    {
      appUrl: url,
      emulatorUrl: emulator.url,
      signingSecret: config.slack.signingSecret ?? "",
      userId: LOCAL_USER.id,
      channelId: LOCAL_CHANNEL.id,
      teamId: emulator.identity.teamId,
    },
    localSlackFile(config.dataDir),
  );
}

/**
 * The emulator's local user and channel, so `npm run slack` has someone to be; the channel is
 * also the working group's (digests) unless WORKGROUP_CHANNEL_ID names another. The user is
 * named as a person (`@sekretars`, the secretary locally), not like the channel; set at every
 * start, so a saved workspace with the earlier default `darba.grupa` reads the new name.
 */
const LOCAL_USER = { id: LOCAL_USER_ID, name: "sekretars", locale: "lv-LV" };
const LOCAL_CHANNEL = { id: LOCAL_CHANNEL_ID, name: "darba-grupa" };

function localConfig(config: Config, emulator: Emulator): Config {
  emulator.addUser(LOCAL_USER);
  emulator.addChannel({ ...LOCAL_CHANNEL, members: [LOCAL_USER.id] });
  return {
    ...config,
    // The local workspace is the working group's own: its digests need no setting to be seen.
    // loadConfig already says so; this is for configurations built as literals (tests).
    workgroupChannelId: config.workgroupChannelId ?? LOCAL_CHANNEL.id,
    slack: {
      ...config.slack,
      botToken: emulator.botToken,
      signingSecret: randomBytes(16).toString("hex"),
      apiUrl: emulator.apiUrl,
    },
  };
}

async function startBolt(
  config: Config,
  deps: CommandDeps,
  queueStatus: () => "up" | "down" | "off",
) {
  const { db, logger } = deps;
  const token = config.slack.botToken ?? undefined;
  const health = {
    path: "/healthz",
    method: ["GET"],
    handler: async (_req: unknown, res: import("node:http").ServerResponse) => {
      const ok = await db
        .selectFrom("programmes")
        .select("id")
        .limit(1)
        .execute()
        .then(
          () => true,
          () => false,
        );
      // `ok` is whether the app can answer (the store); the queue may be down meanwhile.
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok, queue: queueStatus() }));
    },
  };
  const common = {
    token,
    logger: boltLogger(logger),
    logLevel: LogLevel.INFO,
    clientOptions: { slackApiUrl: config.slack.apiUrl },
    // No listener uses `context.conversation`; Bolt's default in-memory store would look every
    // request up and build an Error for each miss (a cost on every /task).
    convoStore: false as const,
  };
  let app: App;
  if (config.slack.mode === "socket") {
    app = new App({
      ...common,
      socketMode: true,
      appToken: config.slack.appToken ?? undefined,
      customRoutes: [health],
      installerOptions: { port: config.port },
    });
  } else {
    const receiver = new HTTPReceiver({
      signingSecret: config.slack.signingSecret ?? "",
      endpoints: "/slack/events",
      customRoutes: [health],
      logger: common.logger,
      processBeforeResponse: false,
    });
    app = new App({ ...common, receiver });
  }
  const client = app.client;
  registerListeners(app, {
    ...deps,
    slack: client,
    locales: createLocaleResolver(client, config.defaultLocale, {
      db,
      slackLocale: config.slackLocale,
    }),
  });
  const started = (await app.start(config.port).catch((error: unknown) => {
    throw (error as NodeJS.ErrnoException).code === "EADDRINUSE"
      ? new PortInUseError(config.port, { cause: error })
      : error;
  })) as unknown;
  const server =
    started && typeof (started as Server).address === "function" ? (started as Server) : null;
  return { app, server };
}
