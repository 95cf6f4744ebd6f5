/**
 * `worker` without REDIS_URL next to a running app on the same DATA_DIR takes that app's jobs on
 * its private Redis instead of being refused for wanting a second redis-server on the data.
 */
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUE_NAME } from "../../jobs/index.ts";
import { type PrivateRedis, startPrivateRedis } from "../../src/redis-server.ts";
import { type CliChild, localModeEnv, spawnCli, until } from "../faults/support.ts";
import { tempDir } from "../helpers/store.ts";

let redis: PrivateRedis;
let dataDir: string;
let worker: CliChild | null = null;

beforeAll(async () => {
  // This test process owns the folder's private Redis, as a running `serve` would.
  dataDir = tempDir();
  redis = await startPrivateRedis({ dir: join(dataDir, "redis"), persist: false });
});
afterAll(async () => {
  if (worker && worker.child.exitCode === null) worker.child.kill("SIGKILL");
  await redis?.stop();
});

// Spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("npm run cli -- worker next to a running app", { timeout: 90_000 }, () => {
  it("uses that app's private Redis, starts none of its own, and stops cleanly", async () => {
    const prefix = `adopt${process.pid}`;
    worker = spawnCli(["worker"], { ...localModeEnv(dataDir), QUEUE_PREFIX: prefix });
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE_NAME, { connection, prefix });
    try {
      // The worker's BullMQ Worker shows up among the app's Redis clients and its banner is
      // printed, which comes after (or it ended: refused).
      const { child, output } = worker;
      const banner = `Koordinators darba process darbojas (rinda „${prefix}”)`;
      await until(
        async () =>
          child.exitCode !== null ||
          ((await queue.getWorkers()).length > 0 && output().includes(banner)),
        60_000,
      );
      expect(child.exitCode, output()).toBeNull();
      expect(output()).toContain(banner);
      expect(worker.output()).not.toContain("private redis-server started");
      expect(worker.output()).not.toContain("jau darbojas ar savu privāto Redis");
      worker.child.kill("SIGTERM");
      expect(await worker.exited).toBe(0);
      // The app's Redis is left running for the app.
      expect(await connection.ping()).toBe("PONG");
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });
});
