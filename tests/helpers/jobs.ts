import { Redis } from "ioredis";
import type { Db } from "../../db/client.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { currentProgramme } from "../../db/programmes.ts";
import type { JobDeps } from "../../jobs/types.ts";
import { type Config, emulatorSlack, testConfig } from "../../src/config.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { type Emulator, startEmulator } from "../../src/emulator/server.ts";
import { createLogger } from "../../src/logger.ts";
import { type PrivateRedis, startPrivateRedis } from "../../src/redis-server.ts";
import { redisChannelGate, waitingChannelGate } from "../../src/reminders/channel-gate.ts";
import { createJobWebClient } from "../../src/slack/web.ts";
import type { Clock } from "../../src/time.ts";
import { importedStore, tempDir } from "./store.ts";

/** Real collaborators for job processors: SQLite with the report, the emulator, a private Redis. */
export interface JobWorld {
  deps: JobDeps;
  db: Db;
  emulator: Emulator;
  redis: PrivateRedis;
  connection: Redis;
  prefix: string;
  stop(): Promise<void>;
}

let counter = 0;

/** Builds a {@link JobWorld}; `config` overrides the test config, `clock` fixes time. */
export async function jobWorld(opts: {
  clock: Clock;
  config?: Partial<Config>;
}): Promise<JobWorld> {
  const { db } = await importedStore();
  const emulator = await startEmulator();
  const redis = await startPrivateRedis({ dir: tempDir(), persist: false });
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const prefix = `test${process.pid}-${++counter}`;
  const config = testConfig({
    slack: emulatorSlack(emulator.botToken, emulator.apiUrl),
    ...opts.config,
  });
  const deps: JobDeps = {
    db,
    config,
    clock: opts.clock,
    logger: createLogger("silent"),
    slack: createJobWebClient(emulator.botToken, emulator.apiUrl),
    gate: redisChannelGate(connection, prefix),
  };
  return {
    deps,
    db,
    emulator,
    redis,
    connection,
    prefix,
    async stop() {
      connection.disconnect();
      await redis.stop();
      await emulator.stop();
      await db.destroy();
    },
  };
}

/**
 * A {@link jobWorld} for the reminder suites: one reminder a day before each cut-off
 * (REMINDER_OFFSETS "P1D"), `config` on top, and a channel gate that waits 50 ms between sends
 * (waitingChannelGate) instead of the Redis one.
 * @throws Error when "P1D" is not read as an offset.
 */
export async function dayBeforeWorld(opts: {
  clock: Clock;
  config?: Partial<Config>;
}): Promise<JobWorld> {
  const offsets = parseOffsets("P1D");
  if (!offsets.ok) throw new Error(offsets.error);
  const w = await jobWorld({
    clock: opts.clock,
    config: { ...opts.config, reminderOffsets: offsets.offsets },
  });
  w.deps = { ...w.deps, gate: waitingChannelGate(50) };
  return w;
}

/**
 * Stores cut-off `title` (default "Pārbaude") of the current programme on task 5 (LM, IEM, IZM)
 * at 2027-01-10T20:00:00.000Z, created by "cli" at 2027-01-10T08:00:00Z; returns its id.
 */
export async function storeTestCutoff(db: Db, title = "Pārbaude"): Promise<number> {
  const programme = await currentProgramme(db);
  const cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: "2027-01-10T20:00:00.000Z",
    title,
    taskNumbers: ["5"],
    createdBy: "cli",
    createdAt: "2027-01-10T08:00:00Z",
  });
  return cutoff.id;
}
