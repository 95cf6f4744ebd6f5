/**
 * `serve` SIGKILLed: its private redis-server cannot be taken along and keeps running on
 * DATA_DIR/redis. The next `serve` on the same DATA_DIR shuts that one down with its data saved
 * (`SHUTDOWN SAVE`) before starting its own, so one server writes the data and what was queued
 * before the kill is still there; a second `serve` while the first runs is refused.
 */
import { readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { QUEUE_NAME } from "../../jobs/index.ts";
import { RUNNING_FILE } from "../../src/redis-server.ts";
import { tempDir } from "../helpers/store.ts";
import { type CliChild, healthy, localModeEnv, spawnCli, until } from "./support.ts";

const dir = tempDir();
const redisDir = join(dir, "redis");
const children: CliChild[] = [];

afterAll(() => {
  for (const c of children) c.child.kill("SIGKILL");
  // A server the test left behind (a failed step): redis-server runs in its --dir.
  for (const pid of redisServersIn(redisDir)) process.kill(pid, "SIGKILL");
});

const env = localModeEnv(dir);

/** The redis-server processes working in `folder` (Redis changes into its --dir). */
function redisServersIn(folder: string): number[] {
  let target: string;
  try {
    target = realpathSync(folder);
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
      if (/^[ZX]$/.test(state) || !stat.includes("(redis-server)")) continue;
      if (readlinkSync(`/proc/${entry}/cwd`) === target) found.push(Number(entry));
    } catch {}
  }
  return found;
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

/** `serve` on the test's DATA_DIR, up once it answers /healthz (its URL from local-slack.json). */
async function serve(after = ""): Promise<{ serve: CliChild; url: string }> {
  const child = spawnCli(["serve"], env);
  children.push(child);
  let url = "";
  await until(async () => {
    try {
      url = (JSON.parse(readFileSync(join(dir, "local-slack.json"), "utf8")) as { appUrl: string })
        .appUrl;
    } catch {
      return false;
    }
    return url !== after;
  }, 90_000);
  await healthy(url);
  return { serve: child, url };
}

describe.runIf(process.platform === "linux")("serve killed with SIGKILL", () => {
  it("the next serve shuts the left server down with its data and starts the only one; a second serve is refused", async () => {
    const first = await serve();
    const [left] = redisServersIn(redisDir);
    expect(redisServersIn(redisDir)).toHaveLength(1);
    expect(parentOf(left ?? 0)).toBe(first.serve.child.pid);

    // A job queued on the app's Redis (under a prefix of its own, which the app never touches).
    const before = new Redis(readFileSync(join(redisDir, RUNNING_FILE), "utf8").trim(), {
      maxRetriesPerRequest: null,
    });
    const queued = new Queue(QUEUE_NAME, { connection: before, prefix: "survivor" });
    await queued.add("marker", { queued: "before the kill" }, { jobId: "m1", delay: 86_400_000 });
    await queued.close();
    before.disconnect();

    first.serve.child.kill("SIGKILL");
    await first.serve.exited;
    // The owner is gone; its server is not.
    expect(redisServersIn(redisDir)).toEqual([left]);

    const second = await serve(first.url);
    const now = redisServersIn(redisDir);
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(left);
    expect(parentOf(now[0] ?? 0)).toBe(second.serve.child.pid);
    expect(second.serve.output()).toContain(
      "a private redis-server left running by a stopped app (its owner pid is gone) was shut down",
    );
    const after = new Redis(readFileSync(join(redisDir, RUNNING_FILE), "utf8").trim(), {
      maxRetriesPerRequest: null,
    });
    const survived = new Queue(QUEUE_NAME, { connection: after, prefix: "survivor" });
    const job = await survived.getJob("m1");
    expect(job?.data).toEqual({ queued: "before the kill" });
    expect(await job?.getState()).toBe("delayed");
    await survived.close();
    after.disconnect();

    // A second serve on the same DATA_DIR while this one runs: refused, nothing started.
    const third = spawnCli(["serve", "--lang", "en"], env);
    children.push(third);
    expect(await third.exited).toBe(1);
    expect(third.output()).toContain(
      `Another Koordinators process (pid ${second.serve.child.pid}) is already running with its private Redis`,
    );
    expect(redisServersIn(redisDir)).toEqual(now);
    await healthy(second.url, 5_000);

    second.serve.child.kill("SIGTERM");
    expect(await second.serve.exited).toBe(0);
    await until(async () => redisServersIn(redisDir).length === 0, 10_000);
  }, 180_000);
});
