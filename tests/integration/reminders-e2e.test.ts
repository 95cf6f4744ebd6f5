import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { findThread } from "../../db/threads.ts";
import { QUEUE_NAME } from "../../jobs/index.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { isCall, startEmulator } from "../../src/emulator/server.ts";
import { type PrivateRedis, startPrivateRedis } from "../../src/redis-server.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { NO_ENV_FILE } from "../helpers/env.ts";
import { tempDir } from "../helpers/store.ts";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function offsets(text: string) {
  const parsed = parseOffsets(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.offsets;
}

async function redis(): Promise<PrivateRedis> {
  const r = await startPrivateRedis({ dir: tempDir(), persist: false });
  cleanups.push(() => r.stop());
  return r;
}

/** Maps LM to #lm (anna) and IEM to #iem (ivars); adds a cut-off `inMs` from now on tasks 1, 5, 14. */
async function scenario(t: TestApp, inMs: number): Promise<number> {
  for (const [id, name] of [
    ["C0LM", "lm"],
    ["C0IEM", "iem"],
  ] as const)
    t.emulator.addChannel({ id, name });
  for (const id of ["U0ANNA", "U0IVARS", "U0SEC"])
    t.emulator.addUser({ id, name: id.toLowerCase(), locale: "lv-LV" });
  return seedCutoff(t.app.db, inMs);
}

async function seedCutoff(db: Db, inMs: number): Promise<number> {
  const now = new Date().toISOString();
  const lm = await findInstitution(db, "LM");
  const iem = await findInstitution(db, "IEM");
  await setMapping(db, lm?.id ?? 0, "C0LM", ["U0ANNA"], now);
  await setMapping(db, iem?.id ?? 0, "C0IEM", ["U0IVARS"], now);
  const programme = await currentProgramme(db);
  const cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: DateTime.utc().plus({ milliseconds: inMs }).toISO() ?? "",
    title: "Informatīvais ziņojums MK",
    taskNumbers: ["1", "5", "14"],
    createdBy: "U0SEC",
    createdAt: now,
  });
  return cutoff.id;
}

const roots = (t: TestApp, channel: string) =>
  (t.emulator.messages.get(channel) ?? []).filter((m) => !m.thread_ts || m.thread_ts === m.ts);

describe("reminders end to end (real app, real Redis, emulator)", () => {
  it("a cut-off seconds ahead with second offsets produces threads, follow-ups and the overdue summary", async () => {
    const t = await startTestApp({
      config: { reminderOffsets: offsets("PT3S,PT1S"), secretaryUserIds: ["U0SEC"] },
    });
    cleanups.push(() => t.stop());
    const cutoffId = await scenario(t, 4_000);
    await t.app.replan(cutoffId);

    const first = await t.emulator.waitFor(
      isCall("chat.postMessage", (c) => c.args.channel === "C0LM"),
      5_000,
      { includePast: true },
    );
    expect(first.ok).toBe(true);
    const follow = await t.emulator.waitFor(
      isCall(
        "chat.postMessage",
        (c) => c.args.channel === "C0LM" && c.args.thread_ts === first.response.ts,
      ),
      6_000,
      { includePast: true },
    );
    expect(follow.ok).toBe(true);
    const summary = await t.emulator.waitFor(
      isCall("chat.postMessage", (c) => String(c.args.text ?? "").includes("Nav atbildējušas")),
      8_000,
      { includePast: true },
    );
    expect(String(summary.args.text)).toContain("LM");
    expect(roots(t, "C0LM")).toHaveLength(1);
    expect(roots(t, "C0IEM")).toHaveLength(1);
    const lm = await findInstitution(t.app.db, "LM");
    expect((await findThread(t.app.db, cutoffId, lm?.id ?? 0))?.threadTs).toBe(first.response.ts);
  });

  it("rebuilds the plan from the store when Redis lost everything", async () => {
    const r = await redis();
    const dir = tempDir();
    const emulator = await startEmulator();
    cleanups.push(() => emulator.stop());
    const config = { redisUrl: r.url, queuePrefix: "rebuild" };
    const t1 = await startTestApp({ config, dir, emulator });
    await scenario(t1, 30 * 24 * 3600_000);
    await t1.app.replan();
    const connection = new Redis(r.url, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE_NAME, { connection, prefix: "rebuild" });
    cleanups.push(async () => {
      await queue.close();
      connection.disconnect();
    });
    const planned = async () =>
      (await queue.getDelayed())
        .filter((j) => j.name === "send-reminder" || j.name === "overdue-summary")
        .map((j) => j.id)
        .sort();
    const before = await planned();
    expect(before.length).toBe(3 * 4 + 1); // LM, IEM, IZM × (14, 7, 1 days, overdue) + the secretary's summary
    await t1.stop();

    const wipe = new Redis(r.url);
    await wipe.flushall();
    wipe.disconnect();
    expect(await planned()).toHaveLength(0);

    const t2 = await startTestApp({ config, dir, emulator });
    cleanups.push(() => t2.stop());
    expect(await planned()).toEqual(before);
    await t2.app.replan();
    expect(await planned()).toEqual(before);
  });

  it("a worker killed mid-send: the reminder is posted exactly once", async () => {
    const r = await redis();
    const dir = tempDir();
    const emulator = await startEmulator();
    cleanups.push(() => emulator.stop());
    const config = { redisUrl: r.url, queuePrefix: "kill", jobLockMs: 1_000 };
    const t = await startTestApp({ config, dir, emulator, worker: false });
    cleanups.push(() => t.stop());
    // Ten days ahead: the 14-day reminders are due now.
    const cutoffId = await scenario(t, 10 * 24 * 3600_000);

    const child = spawnWorker(t, r.url, "kill");
    cleanups.push(async () => child.kill("SIGKILL"));
    await t.app.replan();
    // The moment Slack has the message, the worker dies: before (or just after) it records it.
    await emulator.waitFor(
      isCall("chat.postMessage", (c) => c.args.channel === "C0LM"),
      15_000,
    );
    child.kill("SIGKILL");

    const rescue = await startTestApp({ config, dir, emulator });
    cleanups.push(() => rescue.stop());
    const lm = await findInstitution(t.app.db, "LM");
    await until(async () => {
      const rows = await listReminders(t.app.db, cutoffId);
      return rows.some((x) => x.institutionId === lm?.id && x.state === "sent");
    });
    expect((await findThread(t.app.db, cutoffId, lm?.id ?? 0))?.channelId).toBe("C0LM");
    expect(roots(t, "C0LM")).toHaveLength(1);
    expect(roots(t, "C0IEM")).toHaveLength(1);
  }, 40_000);
});

/** Runs `koordinators worker` in a child process against the test's store, Redis and emulator. */
function spawnWorker(t: TestApp, redisUrl: string, prefix: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", join(process.cwd(), "src/cli.ts"), "worker"], {
    env: {
      ...NO_ENV_FILE,
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: t.emulator.botToken,
      SLACK_SIGNING_SECRET: "child-secret",
      SLACK_API_URL: t.emulator.apiUrl,
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      JOB_LOCK_MS: "1000",
      LOG_LEVEL: "silent",
    },
    stdio: "ignore",
  });
}

/** Re-checks a condition on the store until it holds (each check is a query, not a sleep on time). */
async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
