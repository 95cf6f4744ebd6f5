/**
 * Replies written while the app was stopped: Slack never delivers their events, so the
 * collection job — run at start through the real worker, then by hand — must store them, once.
 */

import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listNamedReplies } from "../../db/replies.ts";
import { collect, jobIds } from "../../jobs/index.ts";
import type { ReplyJson } from "../../src/cli/replies.ts";
import { type Emulator, isCall, startEmulator } from "../../src/emulator/server.ts";
import { type PrivateRedis, startPrivateRedis } from "../../src/redis-server.ts";
import { createJobWebClient } from "../../src/slack/web.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { NO_ENV_FILE } from "../helpers/env.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { tempDir } from "../helpers/store.ts";
import {
  addPeople,
  jobDepsOf,
  PEOPLE,
  reminderThread,
  type ThreadFixture,
} from "../replies/support.ts";

let emulator: Emulator;
let redis: PrivateRedis;
let dir: string;
let t: TestApp;
let logs: LogWatch;
let f: ThreadFixture;
const posted: string[] = [];

const start = (logger?: LogWatch) =>
  startTestApp({ emulator, dir, logger: logger?.logger, config: { redisUrl: redis.url } });

beforeAll(async () => {
  emulator = await startEmulator();
  redis = await startPrivateRedis({ dir: tempDir(), persist: false });
  dir = tempDir();
  addPeople(emulator);
  const first = await start();
  f = await reminderThread(
    { db: first.app.db, emulator },
    { code: "LM", channel: "C0LMDOWN", tasks: ["2", "14", "19"] },
  );
  await first.stop();

  // The app is down: people answer in the thread, the bot's own messages sit there too.
  for (const [user, text] of [
    [PEOPLE.outsider, "Vēl strādājam pie šī."],
    [PEOPLE.anna, "14: Pārbaudīti 12 komersanti."],
    [PEOPLE.janis, "2: Pētījums publicēts."],
  ] as const)
    posted.push(
      emulator.postAsUser({ channelId: f.channel, userId: user, threadTs: f.threadTs, text }),
    );
  await createJobWebClient(emulator.botToken, emulator.apiUrl).chat.postMessage({
    channel: f.channel,
    thread_ts: f.threadTs,
    text: "Atgādinājums (turpinājums)",
  });

  logs = watchLogs();
  t = await start(logs);
});
afterAll(async () => {
  await t?.stop();
  await redis?.stop();
  await emulator?.stop();
});

const reactionsOn = (ts: string) =>
  emulator.calls.filter((c) => c.method === "reactions.add" && c.args.timestamp === ts && c.ok);

describe("the collection job", () => {
  it("picks up, at start and through the worker, the replies sent while the app was down", async () => {
    // The start run (and, on a fresh scheduler, its first run) may race: wait on what is visible.
    const past = { includePast: true };
    for (const ts of posted)
      await emulator.waitFor(
        isCall("reactions.add", (c) => c.args.timestamp === ts),
        10_000,
        past,
      );
    const prompt = (c: { args: Record<string, unknown> }) =>
      c.args.user === PEOPLE.outsider && Array.isArray(c.args.blocks) && c.args.blocks.length > 2;
    await emulator.waitFor(isCall("chat.postEphemeral", prompt), 5_000, past);
    const replies = await listNamedReplies(t.app.db, f.cutoffId);
    expect(replies.map((r) => [r.ts, r.taskNumber, r.userId, r.verified, r.source])).toEqual([
      [posted[0], null, PEOPLE.outsider, false, "collect"],
      [posted[1], "14", PEOPLE.anna, true, "collect"],
      [posted[2], "2", PEOPLE.janis, true, "collect"],
    ]);
    for (const ts of posted) expect(reactionsOn(ts)).toHaveLength(1);
    const prompts = emulator.ephemerals.filter((e) => e.user === PEOPLE.outsider);
    expect(prompts.map((e) => e.text)).toEqual([
      expect.stringContaining("nepārbaudīta"),
      expect.stringContaining("Pie kura uzdevuma"),
    ]);
  });

  it("stores nothing twice when run again, directly or through the worker", async () => {
    const direct = await collect.process({ trigger: "manual" }, jobDepsOf(t));
    expect(direct).toMatchObject({ threads: 1, messages: 5, created: 0, edited: 0 });
    await runThroughWorker();
    expect(await listNamedReplies(t.app.db, f.cutoffId)).toHaveLength(3);
    for (const ts of posted) expect(reactionsOn(ts)).toHaveLength(1);
  });

  it("waits out a 429 (Retry-After) and then collects", async () => {
    const late = emulator.postAsUser({
      channelId: f.channel,
      userId: PEOPLE.anna,
      threadTs: f.threadTs,
      text: "19: Apmācības notikušas.",
    });
    emulator.failNext("conversations.replies", { error: "ratelimited", retryAfter: 1 });
    const reacted = emulator.waitFor(
      isCall("reactions.add", (c) => c.args.timestamp === late),
      8_000,
    );
    await runThroughWorker();
    await reacted;
    const limited = emulator.calls.filter(
      (c) => c.method === "conversations.replies" && c.status === 429,
    );
    expect(limited).toHaveLength(1);
    const replies = await listNamedReplies(t.app.db, f.cutoffId);
    expect(replies.find((r) => r.ts === late)?.taskNumber).toBe("19");
  });

  it("is what `replies --cutoff <id> --json` lists", async () => {
    const cli = join(import.meta.dirname, "../../src/cli.ts");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", cli, "replies", "--cutoff", String(f.cutoffId), "--json"],
      {
        env: { ...process.env, ...NO_ENV_FILE, DATABASE_URL: t.config.databaseUrl, DATA_DIR: dir },
      },
    );
    const listed = JSON.parse(stdout) as ReplyJson[];
    expect(listed.map((r) => [r.institution, r.task, r.user, r.source])).toEqual([
      ["LM", null, PEOPLE.outsider, "collect"],
      ["LM", "14", PEOPLE.anna, "collect"],
      ["LM", "2", PEOPLE.janis, "collect"],
      ["LM", "19", PEOPLE.anna, "collect"],
    ]);
    expect(listed[1]).toMatchObject({
      verified: true,
      statusClaim: null,
      files: [],
      withdrawnAt: null,
    });
  });
});

/** Adds a manual collection run to the app's queue and waits for the worker to finish it. */
async function runThroughWorker(): Promise<void> {
  const queue = t.app.queue;
  if (!queue) throw new Error("no queue");
  const data: collect.Data = { trigger: "manual", at: new Date().toISOString() };
  const before = logs.lines.filter((l) => l.msg === "reminder threads collected").length;
  await queue.add(collect.name, data, { jobId: jobIds[collect.name](data) });
  await logs.waitFor(
    () => logs.lines.filter((l) => l.msg === "reminder threads collected").length > before,
    10_000,
  );
}
