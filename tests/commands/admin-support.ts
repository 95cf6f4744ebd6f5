/**
 * Shared setup for the admin command suites: a real SQLite with the report imported, a real
 * reminder queue on a private redis-server (never the machine's Redis), a fixed clock, and
 * `deps.replan` wired to the real planner — exactly what `main.ts` builds.
 */
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { taskCommand } from "../../commands/task.ts";
import type { CommandContext, CommandDeps, Reply } from "../../commands/types.ts";
import { auditFor } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { QUEUE_NAME } from "../../jobs/index.ts";
import { type Config, testConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { type PrivateRedis, startPrivateRedis } from "../../src/redis-server.ts";
import { replan } from "../../src/reminders/schedule.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { importedStore, tempDir } from "../helpers/store.ts";

/** The secretary of `testConfig` (SECRETARY_USER_IDS). */
export const SECRETARY = "U0SECRETARY";
/** Someone with no role. */
export const MEMBER = "U0MEMBER01";

/** A command context for `userId` (Latvian unless told otherwise). */
export function as(userId: string, locale: "lv" | "en" = "lv"): CommandContext {
  return { userId, locale, channelId: "C0TEST0001" };
}

/**
 * Command deps over a store alone, as the store-only suites build them: `db`, a clock fixed at
 * `at` (UTC ISO; default 2026-12-01T10:00:00Z), `testConfig(config)`, a silent logger, and a
 * `replan` that plans nothing (no queue).
 */
export function storeDeps(
  db: Db,
  at = "2026-12-01T10:00:00Z",
  config: Partial<Config> = {},
): CommandDeps {
  return {
    db,
    clock: fixedClock(at),
    config: testConfig(config),
    logger: createLogger("silent"),
    replan: async () => null,
  };
}

/**
 * `/task text` as `user` through the command's own parse and handle on `deps`: the reply, and
 * its blocks as text (`shown`).
 */
export async function runTask(
  deps: CommandDeps,
  text: string,
  user: string,
  locale: "lv" | "en" = "lv",
): Promise<Reply & { shown: string }> {
  const reply = await taskCommand.handle(taskCommand.parse(text), deps, as(user, locale));
  return { ...reply, shown: blocksToText(reply.blocks) };
}

/** A started private Redis and one connection to it, shared by a test file. */
export interface RedisBox {
  redis: PrivateRedis;
  connection: Redis;
  stop(): Promise<void>;
}

/** Starts a private, non-persistent redis-server on a free port. */
export async function startRedis(): Promise<RedisBox> {
  const redis = await startPrivateRedis({ dir: tempDir(), persist: false });
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  return {
    redis,
    connection,
    async stop() {
      connection.disconnect();
      await redis.stop();
    },
  };
}

/** One test's world: its own store, its own queue prefix, a movable clock. */
export interface AdminWorld {
  deps: CommandDeps;
  db: Db;
  queue: Queue;
  clock: ReturnType<typeof fixedClock>;
  stop(): Promise<void>;
}

let counter = 0;

/** Builds an {@link AdminWorld} at `now` (UTC ISO) on `box`'s Redis. */
export async function adminWorld(
  box: RedisBox,
  opts: { now?: string; config?: Partial<Config> } = {},
): Promise<AdminWorld> {
  const { db } = await importedStore();
  const clock = fixedClock(opts.now ?? "2026-11-29T12:00:00Z");
  const config = testConfig(opts.config);
  const prefix = `admin${process.pid}-${++counter}`;
  const queue = new Queue(QUEUE_NAME, { connection: box.connection, prefix });
  const deps: CommandDeps = {
    db,
    clock,
    config,
    logger: createLogger("silent"),
    replan: (cutoffId) => replan({ db, config, clock, queue }, cutoffId),
  };
  return {
    deps,
    db,
    queue,
    clock,
    async stop() {
      await queue.close();
      await db.destroy();
    },
  };
}

/** The current test's {@link AdminWorld}, and the file's Redis for building more worlds. */
export interface AdminSuite extends AdminWorld {
  readonly box: RedisBox;
}

/**
 * Registers a test file's hooks: one private Redis for the file (`beforeAll`/`afterAll`) and a
 * fresh {@link AdminWorld} built with `opts` for every test (`beforeEach`/`afterEach`). Call it
 * at the top level of the file; the returned object reads the current test's world.
 * @throws Error when read outside a test (before the hooks ran).
 */
export function adminSuite(opts: Parameters<typeof adminWorld>[1] = {}): AdminSuite {
  let box: RedisBox | undefined;
  let world: AdminWorld | undefined;
  beforeAll(async () => {
    box = await startRedis();
  });
  afterAll(async () => {
    await box?.stop();
  });
  beforeEach(async () => {
    world = await adminWorld(suite.box, opts);
  });
  afterEach(async () => {
    await world?.stop();
  });
  const current = (): AdminWorld => {
    if (!world) throw new Error("the admin world exists only inside a test");
    return world;
  };
  const suite: AdminSuite = {
    get box() {
      if (!box) throw new Error("the Redis of the suite exists only inside a test");
      return box;
    },
    get deps() {
      return current().deps;
    },
    get db() {
      return current().db;
    },
    get queue() {
      return current().queue;
    },
    get clock() {
      return current().clock;
    },
    stop: () => current().stop(),
  };
  return suite;
}

/** The reply as text (mrkdwn links readable), after checking its blocks are valid Block Kit. */
export function shown(reply: Reply): string {
  const problems = validateBlocks(reply.blocks, "message");
  if (problems.length > 0) throw new Error(`invalid blocks: ${problems.join("; ")}`);
  return JSON.stringify(reply.blocks) + blocksToText(reply.blocks);
}

/** Ids of the delayed jobs in the queue, sorted. */
export async function delayedJobIds(queue: Queue): Promise<string[]> {
  const jobs = await queue.getJobs(["delayed", "waiting"]);
  return jobs.map((j) => j?.id ?? "").sort();
}

/** Audit rows of one entity, newest first, with before/after decoded. */
export async function auditOf(db: Db, entity: Parameters<typeof auditFor>[1], key: string) {
  const rows = await auditFor(db, entity, key);
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}

/**
 * Stores a cut-off of the current programme straight in the store, as older data or another
 * process left it (no `/cutoff`, nothing planned), created by {@link SECRETARY} at `createdAt`
 * (UTC ISO), due `at`, its explicit scope `tasks`. Returns its id.
 */
export async function storeCutoff(
  db: Db,
  c: { at: string; tasks: string[]; title: string; createdAt: string },
): Promise<number> {
  const programme = await currentProgramme(db);
  const stored = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: c.at,
    title: c.title,
    taskNumbers: c.tasks,
    createdBy: SECRETARY,
    createdAt: c.createdAt,
  });
  return stored.id;
}
