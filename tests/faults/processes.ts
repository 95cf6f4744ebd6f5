/**
 * What the `npm start` fault tests (launcher-exit, sigint) read from /proc and the private
 * Redis, and their clean-up of the process group they start.
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { afterEach } from "vitest";

/**
 * Kills, after each test of the calling file, whatever is left of the process group a test
 * started (npm run detached, as its leader). Returns the function a test hands its child to.
 */
export function killGroupAfterEach(): (child: ChildProcess) => void {
  let npm: ChildProcess | null = null;
  afterEach(() => {
    if (npm?.pid) {
      try {
        process.kill(-npm.pid, "SIGKILL");
      } catch {}
    }
    npm = null;
  });
  return (child) => {
    npm = child;
  };
}

/** A process that has ended: gone, or a zombie nobody has reaped yet. */
export function ended(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return /^[ZX]$/.test(stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3));
  } catch {
    return true;
  }
}

/** The parent pid of `pid`, from /proc. */
export function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

/** The pid of the redis-server at `url` (its INFO server's process_id). */
export async function redisPid(url: string): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    return Number(/process_id:(\d+)/.exec(await redis.info("server"))?.[1]);
  } finally {
    redis.disconnect();
  }
}
