import { execFile } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUE_NAME } from "../../jobs/index.ts";
import { type PrivateRedis, RUNNING_FILE, startPrivateRedis } from "../../src/redis-server.ts";
import { NO_ENV_FILE } from "../helpers/env.ts";
import { tempDir } from "../helpers/store.ts";

const run = promisify(execFile);
let redis: PrivateRedis;
let dir: string;

beforeAll(async () => {
  redis = await startPrivateRedis({ dir: tempDir(), persist: false });
  dir = tempDir();
});
afterAll(async () => {
  await redis?.stop();
});

/** Runs the real CLI (as `npm run cli` does) on this test's store; never throws on exit codes. */
async function cli(args: string[], env: Record<string, string> = {}) {
  const base = {
    ...NO_ENV_FILE,
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    DATABASE_URL: join(dir, "cli.db"),
    DATA_DIR: dir,
    LOG_LEVEL: "warn",
    QUEUE_PREFIX: "clitest",
  };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "src/cli.ts", ...args],
      {
        env: { ...base, ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

// Every step spawns the real CLI (a Node process with tsx): seconds each on a busy machine.
describe("admin CLI (acts as the trusted user cli)", { timeout: 180_000 }, () => {
  it("bootstraps a secretary, maps an institution and shows it", async () => {
    const granted = await cli(["role", "add", "U0FIRST01", "secretary"]);
    expect(granted.stdout).toContain("U0FIRST01 tagad ir sekretārs");
    const set = await cli(["institution", "set", "IEM", "C0IEM0001", "U0ANNA001", "U0JANIS01"]);
    expect(set.code).toBe(0);
    expect(set.stderr).toContain("REDIS_URL nav iestatīts");
    const english = await cli([
      "institution",
      "set",
      "IEM",
      "C0IEM0001",
      "U0ANNA001",
      "U0JANIS01",
      "--lang",
      "en",
    ]);
    expect(english.stderr).toContain("REDIS_URL is not set");
    const shown = await cli(["institution", "show", "iem", "--lang", "en"]);
    expect(shown.stdout).toContain("#C0IEM0001");
    expect(shown.stdout).toContain("U0ANNA001");
    expect(shown.stdout).not.toContain("<@"); // no Slack markup in a terminal
  });

  it("adds a cut-off, schedules its jobs on REDIS_URL, and prints list and plan as JSON", async () => {
    const added = await cli(["cutoff", "add", "2099-02-02", "--tasks", "1,14", "Ziņojums", "MK"], {
      REDIS_URL: redis.url,
    });
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("Ziņojums MK");
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE_NAME, { connection, prefix: "clitest" });
    expect(await queue.getDelayedCount()).toBeGreaterThan(0);
    await queue.close();
    connection.disconnect();

    const list = JSON.parse((await cli(["cutoff", "list", "--json"])).stdout) as Array<{
      id: number;
      taskNumbers: string[];
    }>;
    expect(list).toMatchObject([{ taskNumbers: ["1", "14"] }]);
    const plan = JSON.parse((await cli(["cutoff", "plan", String(list[0]?.id), "--json"])).stdout);
    expect(plan.institutions.map((i: { code: string }) => i.code)).toContain("IEM");
    expect(plan.scheduling).toBe("later");
  });

  it("without REDIS_URL, schedules on the running app's private Redis under DATA_DIR, never on a stranger's", async () => {
    // A stale running.url naming a Redis whose folder is not DATA_DIR/redis (the test's other
    // server, as after a killed app whose port was reused) is ignored.
    mkdirSync(join(dir, "redis"), { recursive: true });
    writeFileSync(join(dir, "redis", RUNNING_FILE), `${redis.url}\n`);
    const stale = await cli(["cutoff", "add", "2099-03-03", "--tasks", "14", "Svešs"]);
    expect(stale.code).toBe(0);
    expect(stale.stderr).toContain("nav atrasta strādājoša lietotne");

    const own = await startPrivateRedis({ dir: join(dir, "redis"), persist: false });
    try {
      const added = await cli(["cutoff", "add", "2099-04-04", "--tasks", "14", "Savs"]);
      expect(added.code).toBe(0);
      expect(added.stderr).not.toContain("REDIS_URL nav iestatīts");
      const connection = new Redis(own.url, { maxRetriesPerRequest: null });
      const queue = new Queue(QUEUE_NAME, { connection, prefix: "clitest" });
      expect(await queue.getDelayedCount()).toBeGreaterThan(0);
      await queue.close();
      connection.disconnect();
    } finally {
      await own.stop();
    }
    expect(existsSync(join(dir, "redis", RUNNING_FILE))).toBe(false);
  });

  it("exits 2 on usage errors and 1 when something is not found", async () => {
    const bad = await cli(["cutoff", "add", "2099-02-31", "X"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("neeksistē");
    expect((await cli(["cutoff", "remove", "999"])).code).toBe(1);
    expect((await cli(["institution", "show", "ZZZ"])).code).toBe(1);
    expect((await cli(["role", "add", "U0X"])).code).toBe(2);
  });
});
