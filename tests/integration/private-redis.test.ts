/**
 * One private redis-server per data folder: a start on a folder whose recorded owner still runs
 * is refused; a server left running by an owner that is gone (a SIGKILLed `serve`) is shut down
 * with its data saved before the new one starts on that data. (The whole story with real
 * `serve` processes is tests/faults/serve-killed-redis.test.ts.)
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import {
  OWNER_FILE,
  type PrivateRedis,
  PrivateRedisInUseError,
  startPrivateRedis,
} from "../../src/redis-server.ts";
import { tempDir } from "../helpers/store.ts";

const started: PrivateRedis[] = [];
afterEach(async () => {
  for (const redis of started.splice(0).reverse()) await redis.stop();
});

async function start(dir: string): Promise<PrivateRedis> {
  const redis = await startPrivateRedis({ dir });
  started.push(redis);
  return redis;
}

/** The pid of a process that has ended. */
function endedPid(): number {
  const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(ended.stdout.toString());
}

async function withRedis<T>(url: string, use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

describe("a private redis-server's folder", { timeout: 30_000 }, () => {
  it("refuses a second server while its owner runs", async () => {
    const dir = tempDir();
    const first = await start(dir);
    const refused = await startPrivateRedis({ dir }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PrivateRedisInUseError);
    expect((refused as Error).message).toContain(
      `Another Koordinators process (pid ${process.pid}) is already running`,
    );
    expect((refused as Error).message).toContain(first.url);
    expect(await withRedis(first.url, (r) => r.ping())).toBe("PONG");
  });

  it("shuts down a server whose owner is gone, its data saved, and starts the only one", async () => {
    const dir = tempDir();
    const left = await start(dir);
    const leftPid = await withRedis(left.url, async (r) => {
      await r.set("queued", "before the kill");
      return Number(/process_id:(\d+)/.exec(await r.info("server"))?.[1]);
    });
    // As after `kill -9 <serve>`: the owner recorded is a process that has ended.
    const owner = endedPid();
    writeFileSync(join(dir, OWNER_FILE), `${owner}\n`);

    const next = await start(dir);
    expect(next.replaced).toEqual({ url: left.url, pid: leftPid, owner });
    expect(await withRedis(left.url, (r) => r.ping()).catch(() => "gone")).toBe("gone");
    expect(await withRedis(next.url, (r) => r.get("queued"))).toBe("before the kill");
  });

  it("refuses when a server runs there and no owner is recorded", async () => {
    const dir = tempDir();
    const unknown = await start(dir);
    rmSync(join(dir, OWNER_FILE));
    const refused = await startPrivateRedis({ dir }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PrivateRedisInUseError);
    expect((refused as Error).message).toContain("no running Koordinators process is recorded");
    expect(await withRedis(unknown.url, (r) => r.ping())).toBe("PONG");
  });
});
