/**
 * `/cutoff remove` (signed) and the CLI's `cutoff remove` next to the running app queue the same
 * refresh of the reminder threads' roots as a move: the app's worker rewrites each root to say
 * the cut-off was removed on which day and that replies are no longer expected there, keeps the
 * replies received under their tasks, and drops the how-to-reply hint, the mentions and the
 * "Submit update" buttons. Real app, emulator, worker and CLI process.
 */
import type { Job } from "bullmq";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff, replyCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { findThread } from "../../db/threads.ts";
import { process as sendReminder } from "../../jobs/send-reminder.ts";
import type { JobContext } from "../../jobs/types.ts";
import { isCall } from "../../src/emulator/server.ts";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { formatInstant } from "../../src/slack/format.ts";
import { runCli } from "../cli/run-cli.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import { addPeople, jobDepsOf, PEOPLE } from "../replies/support.ts";

/** Long enough for a starved process (a busy CI runner), short of the tests' own limit. */
const SLOW_MS = 60_000;

let t: TestApp;
let logs: LogWatch;
let channels = 0;
const noJob = { job: {} as Job, token: undefined } satisfies JobContext;

beforeAll(async () => {
  logs = watchLogs();
  t = await startTestApp({
    logger: logs.logger,
    config: { secretaryUserIds: [PEOPLE.secretary] },
  });
  addPeople(t.emulator);
}, 120_000);
afterAll(async () => {
  await t?.stop();
}, 120_000);

/** LM mapped to a fresh channel, a cut-off on tasks 5 and 14, its first reminder posted. */
async function postedReminder(): Promise<{ cutoffId: number; channel: string; rootTs: string }> {
  channels++;
  const channel = `C0RMROOT${channels}`;
  t.emulator.addChannel({ id: channel, name: `rm-root-${channels}` });
  const now = new Date().toISOString();
  const lm = await findInstitution(t.app.db, "LM");
  const programme = await currentProgramme(t.app.db);
  if (!lm || !programme) throw new Error("no LM or programme");
  await setMapping(t.app.db, lm.id, channel, [PEOPLE.anna], now);
  const cutoff = await insertCutoff(t.app.db, {
    programmeId: programme.id,
    at: "2099-02-02T13:08:00.000Z",
    title: "Noņemamais",
    taskNumbers: ["5", "14"],
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

/** Anna answers task 14 in the thread; waits until the reply is stored. */
async function answer(channel: string, rootTs: string): Promise<void> {
  const { ts } = await t.slack.userMessage({
    channelId: channel,
    threadTs: rootTs,
    text: "14: grozījumi pieņemti",
    userId: PEOPLE.anna,
  });
  await logs.waitFor((l) => l.msg === "reply stored" && l.ts === ts, SLOW_MS);
}

/**
 * The root's blocks as JSON once they satisfy `ok`: at once, or after the chat.update that
 * makes them so (event-driven: the emulator stores the update before it records the call). The
 * wait is long enough for a starved worker (a busy CI runner: the refresh job waits out its
 * window, then reads the store); after it the blocks are returned as they are, for the
 * assertions to show what the root says instead.
 */
async function untilRoot(channel: string, ts: string, ok: (text: string) => boolean) {
  const text = () =>
    JSON.stringify(t.emulator.messagesIn(channel).find((m) => m.ts === ts)?.blocks ?? []);
  if (ok(text())) return text();
  const updated = isCall(
    "chat.update",
    (c) => c.ok && c.args.channel === channel && c.args.ts === ts && ok(text()),
  );
  await t.emulator.waitFor(updated, SLOW_MS).catch(() => undefined);
  return text();
}

/** The line the root of removed cut-off `id` is to show, on the day the store says it was removed. */
async function removedLine(id: number): Promise<string> {
  const found = await replyCutoff(t.app.db, id);
  if (!found?.removedAt) throw new Error("not removed");
  // Written as every other date is (formatInstantDay), e.g. "30.11.2026.".
  const day = DateTime.fromISO(found.removedAt)
    .setZone(t.app.config.timezone)
    .toFormat("dd.MM.yyyy.");
  const at = formatInstant(found.cutoff.at, t.app.config.timezone, "lv");
  return cutoffText("lv").rootRemoved("LM", at, found.cutoff.title, day);
}

function expectRemovedRoot(root: string, line: string): void {
  expect(root).toContain(line);
  // The day's own full stop ends the sentence ("30.11.2026. Atbildes", not "30.11.2026.. …").
  expect(root).not.toMatch(/\d{4}\.\./);
  // It no longer asks for information by a time that is gone.
  expect(root).not.toContain("sniedziet informāciju");
  // The reply received stays under its task; the task without one says so.
  expect(root).toContain("grozījumi pieņemti");
  expect(root).toContain("Atbildes vēl nav.");
  expect(root).not.toContain("Atbildiet šajā pavedienā");
  expect(root).not.toContain("Iesniegt atjauninājumu");
  expect(root).not.toContain(`<@${PEOPLE.anna}>,`);
}

describe("removing a cut-off and its reminder threads' roots", { timeout: 120_000 }, () => {
  it("/cutoff remove: the worker rewrites the root to say it was removed", async () => {
    const { cutoffId, channel, rootTs } = await postedReminder();
    await answer(channel, rootTs);
    await untilRoot(channel, rootTs, (text) => text.includes("grozījumi pieņemti"));
    const said = await slashText(t, "/cutoff", `remove ${cutoffId}`, PEOPLE.secretary);
    expect(said).toContain("Saņemtās atbildes paliek.");
    expect(said).toContain(cutoffText("lv").removedThreads(1));
    const line = await removedLine(cutoffId);
    const root = await untilRoot(channel, rootTs, (text) => text.includes(line));
    expectRemovedRoot(root, line);
  });

  it("CLI cutoff remove next to the app: the same refresh, and the answer says so", async () => {
    const { cutoffId, channel, rootTs } = await postedReminder();
    await answer(channel, rootTs);
    await untilRoot(channel, rootTs, (text) => text.includes("grozījumi pieņemti"));
    const env = {
      DATABASE_URL: t.config.databaseUrl,
      DATA_DIR: t.config.dataDir,
      LOG_LEVEL: "warn",
    };
    const removed = await runCli(["cutoff", "remove", String(cutoffId)], env);
    expect(removed.code).toBe(0);
    expect(removed.stderr).not.toContain("root refresh not queued");
    expect(removed.stdout).toContain(cutoffText("lv").removedThreads(1));
    const line = await removedLine(cutoffId);
    const root = await untilRoot(channel, rootTs, (text) => text.includes(line));
    expectRemovedRoot(root, line);
  });
});
