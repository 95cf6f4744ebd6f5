/**
 * What the fault suites share: a store (SQLite file, or PostgreSQL with TEST_DATABASE=postgres)
 * with the bundled report and three institutions mapped to channels, a private Redis, the
 * emulator, the app's queue, and the real CLI in child processes (`worker`, `serve`).
 */

import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import { afterAll } from "vitest";
import { createDb, type Db, migrateToLatest } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { QUEUE_NAME } from "../../jobs/index.ts";
import { type Config, testConfig } from "../../src/config.ts";
import { type Emulator, startEmulator } from "../../src/emulator/server.ts";
import type { RecordedCall } from "../../src/emulator/types.ts";
import { seedIfEmpty } from "../../src/import/seed.ts";
import { type PrivateRedis, startPrivateRedis } from "../../src/redis-server.ts";
import { replan } from "../../src/reminders/schedule.ts";
import { systemClock } from "../../src/time.ts";
import { NO_ENV_FILE } from "../helpers/env.ts";
import { createTestDatabase } from "../helpers/postgres.ts";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";

/** The institutions of tasks 1, 5 and 14, each with its channel and contact. */
export const MAPPED = [
  { code: "LM", channel: "C0FLM", user: "U0FANNA" },
  { code: "IEM", channel: "C0FIEM", user: "U0FIVARS" },
  { code: "IZM", channel: "C0FIZM", user: "U0FINESE" },
] as const;

/** The signing secret the children and the test client share. */
export const SECRET = "fault-signing-secret";

/** A store, a Redis, an emulator and the app's queue. */
export interface FaultWorld {
  db: Db;
  databaseUrl: string;
  dir: string;
  emulator: Emulator;
  redis: PrivateRedis;
  prefix: string;
  config: Config;
  queue: Queue;
  connection: Redis;
  /** Adds a cut-off `inMs` from now on tasks 1, 5, 14; returns its id. */
  addCutoff(inMs: number): Promise<number>;
  /** Rebuilds the plan (as the app does) for one cut-off. */
  replan(cutoffId: number): Promise<void>;
  /** Environment for `node src/cli.ts …` children on this world. */
  env(extra?: Record<string, string>): Record<string, string>;
  stop(): Promise<void>;
}

let worlds = 0;

/**
 * Builds a {@link FaultWorld}: `persistRedis` keeps Redis' data across a restart; `sqlite`
 * uses a SQLite file whatever TEST_DATABASE says.
 */
export async function faultWorld(
  opts: { persistRedis?: boolean; sqlite?: boolean } = {},
): Promise<FaultWorld> {
  const dir = tempDir("koordinators-fault-");
  const databaseUrl = opts.sqlite ? join(dir, "app.db") : await testDatabaseUrl(dir, "app.db");
  const db = createDb(databaseUrl);
  await migrateToLatest(db);
  await seedIfEmpty(db, systemClock);
  const emulator = await startEmulator();
  const redis = await startPrivateRedis({ dir: join(dir, "redis"), persist: opts.persistRedis });
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const prefix = `fault${process.pid}x${++worlds}`;
  const queue = new Queue(QUEUE_NAME, { connection, prefix });
  // Some suites stop Redis on purpose: the test's own connection just waits for it.
  connection.on("error", () => {});
  queue.on("error", () => {});
  const config = testConfig({
    slack: {
      mode: "http",
      botToken: emulator.botToken,
      signingSecret: SECRET,
      appToken: null,
      apiUrl: emulator.apiUrl,
    },
    databaseUrl,
    dataDir: dir,
    redisUrl: redis.url,
    queuePrefix: prefix,
    secretaryUserIds: ["U0FSEC"],
  });
  const now = new Date().toISOString();
  for (const m of MAPPED) {
    emulator.addChannel({ id: m.channel, name: m.code.toLowerCase() });
    emulator.addUser({ id: m.user, name: m.user.toLowerCase(), locale: "lv-LV" });
    const inst = await findInstitution(db, m.code);
    if (!inst) throw new Error(`no institution ${m.code}`);
    await setMapping(db, inst.id, m.channel, [m.user], now);
  }
  emulator.addUser({ id: "U0FSEC", name: "sekretars", locale: "lv-LV" });
  return {
    db,
    databaseUrl,
    dir,
    emulator,
    redis,
    prefix,
    config,
    queue,
    connection,
    async addCutoff(inMs) {
      const programme = await currentProgramme(db);
      const cutoff = await insertCutoff(db, {
        programmeId: programme?.id ?? 0,
        at: DateTime.utc().plus({ milliseconds: inMs }).toISO() ?? "",
        title: "Informatīvais ziņojums MK",
        taskNumbers: ["1", "5", "14"],
        createdBy: "U0FSEC",
        createdAt: new Date().toISOString(),
      });
      return cutoff.id;
    },
    async replan(cutoffId) {
      await replan({ db, config, clock: systemClock, queue }, cutoffId);
    },
    env(extra = {}) {
      return {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        SLACK_BOT_TOKEN: emulator.botToken,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: emulator.apiUrl,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: prefix,
        DATA_DIR: dir,
        JOB_LOCK_MS: "1000",
        LOG_LEVEL: "warn",
        SECRETARY_USER_IDS: "U0FSEC",
        ...extra,
      };
    },
    async stop() {
      await queue.close();
      connection.disconnect();
      await redis.stop();
      await emulator.stop();
      await db.destroy();
    },
  };
}

/** The reminders the emulator received for a cut-off, per reminder id (successful posts only). */
export function postsByReminder(emulator: Emulator, cutoffId: number): Map<number, RecordedCall[]> {
  const out = new Map<number, RecordedCall[]>();
  for (const call of emulator.calls) {
    if (call.method !== "chat.postMessage" || !call.ok) continue;
    const meta = call.args.metadata as
      | { event_payload?: { reminder_id?: number; cutoff_id?: number } }
      | undefined;
    if (meta?.event_payload?.cutoff_id !== cutoffId) continue;
    const id = Number(meta.event_payload.reminder_id);
    out.set(id, [...(out.get(id) ?? []), call]);
  }
  return out;
}

/** Duplicates and losses of a cut-off's due reminders: posts beyond one, and rows not sent once. */
export async function countOutcome(
  w: FaultWorld,
  cutoffId: number,
): Promise<{ expected: number; duplicates: number; losses: number }> {
  const rows = (await listReminders(w.db, cutoffId)).filter((r) => r.scheduledAt <= nowIso());
  const due = rows.filter((r) => r.state !== "skipped");
  const posts = postsByReminder(w.emulator, cutoffId);
  let duplicates = 0;
  let losses = 0;
  for (const r of due) {
    const n = posts.get(r.id)?.length ?? 0;
    if (n > 1) duplicates += n - 1;
    if (n === 0 || r.state !== "sent") losses++;
  }
  return { expected: due.length, duplicates, losses };
}

const nowIso = () => new Date().toISOString();

/** A child process running the real CLI. */
export interface CliChild {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything it wrote so far (stdout and stderr). */
  output(): string;
}

/** Runs `node --import tsx src/cli.ts <args>` with `env`. */
export function spawnCli(args: string[], env: Record<string, string>): CliChild {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(process.cwd(), "src/cli.ts"), ...args],
    { env: { ...NO_ENV_FILE, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, exited, output: () => out };
}

/** Re-checks `check` (a store or queue query) every 50 ms until it holds. */
export async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once `GET url/healthz` answers 200 (a `serve` child is up). */
export async function healthy(url: string, timeoutMs = 30_000): Promise<void> {
  await until(
    () =>
      fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
    timeoutMs,
  );
}

/**
 * The environment of an app process in local mode with a private Redis under `dir`, whatever a
 * developer's `.env` or shell says: no Slack credentials, no REDIS_URL or DATABASE_URL.
 */
export function localModeEnv(dir: string): Record<string, string> {
  return {
    ...NO_ENV_FILE,
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    SLACK_BOT_TOKEN: "",
    SLACK_SIGNING_SECRET: "",
    SLACK_APP_TOKEN: "",
    REDIS_URL: "",
    DATABASE_URL: "",
    DATA_DIR: dir,
    PORT: "0",
    LOG_LEVEL: "info",
  };
}

/**
 * The stores the migration suites run on, for `describe.each`: a name and a function giving a
 * fresh, empty store's URL each call (a SQLite file in a temp dir; a PostgreSQL database).
 */
export const MIGRATION_STORES = [
  ["SQLite", async () => join(tempDir(), "migrate.db")],
  ["PostgreSQL", createTestDatabase],
] as const;

/**
 * For a suite at a file's top level: a function opening the store at a URL, every store it
 * opened closed in the suite's `afterAll` (registered here).
 */
export function storeOpener(): (url: string) => Db {
  const opened: Db[] = [];
  afterAll(async () => {
    for (const db of opened) await db.destroy();
  });
  return (url) => {
    const db = createDb(url);
    opened.push(db);
    return db;
  };
}

/** Four `migrate` processes of the real CLI started at once on the store at `url`. */
export function migrateAtOnce(url: string): CliChild[] {
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    DATABASE_URL: url,
    LOG_LEVEL: "warn",
  };
  return Array.from({ length: 4 }, () => spawnCli(["migrate"], env));
}
