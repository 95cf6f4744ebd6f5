/**
 * The CLI's `cutoff move` next to a running app: it reaches the app's private Redis under
 * DATA_DIR (as its re-plan does) and queues the same refresh of the reminder threads' roots as
 * `/cutoff move`, so the app's worker rewrites each root with the new time and the answer says
 * so. Without a queue (no app under DATA_DIR) it promises no refresh. Real app, emulator,
 * worker and CLI process.
 */
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { findThread } from "../../db/threads.ts";
import { process as sendReminder } from "../../jobs/send-reminder.ts";
import type { JobContext } from "../../jobs/types.ts";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { runCli } from "../cli/run-cli.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { addPeople, jobDepsOf, PEOPLE } from "../replies/support.ts";

let t: TestApp;
const noJob = { job: {} as Job, token: undefined } satisfies JobContext;

beforeAll(async () => {
  t = await startTestApp({ config: { secretaryUserIds: [PEOPLE.secretary] } });
  addPeople(t.emulator);
});
afterAll(async () => {
  await t?.stop();
});

/** LM mapped to a channel, a cut-off on task 14, its first reminder posted: the thread's root. */
async function postedReminder(): Promise<{ cutoffId: number; channel: string; rootTs: string }> {
  const channel = "C0CLIROOT";
  t.emulator.addChannel({ id: channel, name: "cli-root" });
  const now = new Date().toISOString();
  const lm = await findInstitution(t.app.db, "LM");
  const programme = await currentProgramme(t.app.db);
  if (!lm || !programme) throw new Error("no LM or programme");
  await setMapping(t.app.db, lm.id, channel, [PEOPLE.anna], now);
  const cutoff = await insertCutoff(t.app.db, {
    programmeId: programme.id,
    at: "2099-02-02T10:00:00.000Z",
    title: "CLI pārbaude",
    taskNumbers: ["14"],
    createdBy: PEOPLE.secretary,
    createdAt: now,
  });
  const { reminderOffsets: offsets, reminderTime: time, timezone: zone } = t.app.config;
  await planCutoff(t.app.db, cutoff, { offsets, time, zone }, now);
  const [first] = (await listReminders(t.app.db, cutoff.id)).filter(
    (r) => r.institutionId === lm.id && r.state === "planned" && r.kind !== "overdue",
  );
  if (!first) throw new Error("no reminder planned");
  const data = { reminderId: first.id, cutoffId: cutoff.id, at: first.scheduledAt };
  expect(await sendReminder(data, jobDepsOf(t), noJob)).toBe("sent");
  const thread = await findThread(t.app.db, cutoff.id, lm.id);
  if (!thread) throw new Error("no thread");
  return { cutoffId: cutoff.id, channel, rootTs: thread.threadTs };
}

/** The root's blocks as JSON once they satisfy `ok` (polled, at most 20 s). */
async function untilRoot(channel: string, ts: string, ok: (text: string) => boolean) {
  const end = Date.now() + 20_000;
  for (;;) {
    const root = t.emulator.messagesIn(channel).find((m) => m.ts === ts);
    const text = JSON.stringify(root?.blocks ?? []);
    if (ok(text) || Date.now() > end) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("CLI cutoff move and the reminder threads' roots", { timeout: 120_000 }, () => {
  it("queues the roots' refresh on the running app's Redis; the worker shows the new time", async () => {
    const { cutoffId, channel, rootTs } = await postedReminder();
    expect(JSON.stringify(t.emulator.messagesIn(channel).find((m) => m.ts === rootTs))).toContain(
      "02.02.2099. 12:00",
    );
    const env = {
      DATABASE_URL: t.config.databaseUrl,
      DATA_DIR: t.config.dataDir,
      LOG_LEVEL: "warn",
    };
    const moved = await runCli(
      ["cutoff", "move", String(cutoffId), "2099-03-03", "--time", "12:00"],
      env,
    );
    expect(moved.code).toBe(0);
    expect(moved.stderr).not.toContain("REDIS_URL nav iestatīts");
    expect(moved.stderr).not.toContain("root refresh not queued");
    expect(moved.stdout).toContain(cutoffText("lv").movedThreads(1));
    const after = await untilRoot(channel, rootTs, (text) => text.includes("03.03.2099. 12:00"));
    expect(after).toContain("līdz *otrd. 03.03.2099. 12:00*");
    expect(after).toContain("_(ziņošanas termiņš pārcelts no pirmd. 02.02.2099. 12:00)_");
  });

  it("without a queue it promises no refresh and says the app will schedule the jobs", async () => {
    const dir = tempDir();
    const env = {
      DATABASE_URL: await testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    };
    const added = await runCli(["cutoff", "add", "2099-04-01", "Bez", "rindas"], env);
    expect(added.code).toBe(0);
    const moved = await runCli(["cutoff", "move", "1", "2099-04-02", "--lang", "en"], env);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain("Cut-off #1 moved");
    expect(moved.stdout).not.toContain("will show the new time");
    expect(moved.stderr).toContain("REDIS_URL is not set");
    expect(moved.stderr).not.toContain("root refresh not queued");
  });
});
