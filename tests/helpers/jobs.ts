import { Redis } from "ioredis";
import type { Db } from "../../db/client.ts";
import type { JobDeps } from "../../jobs/types.ts";
import { type Config, emulatorSlack, testConfig } from "../../src/config.ts";
import { type Emulator, startEmulator } from "../../src/emulator/server.ts";
import { createLogger } from "../../src/logger.ts";
import { type PrivateRedis, startPrivateRedis } from "../../src/redis-server.ts";
import { redisChannelGate } from "../../src/reminders/channel-gate.ts";
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
