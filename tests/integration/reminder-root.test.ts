/**
 * The first message of a reminder thread (its root) follows the store: after a reply is stored
 * (Events API through the signed endpoint) the worker replaces it (chat.update on the
 * emulator) so the task shows the reply instead of "Atbildes vēl nav."; a 429 is waited out;
 * an update Slack refuses leaves the reply stored. After `/cutoff move` (signed slash command)
 * the roots show the new time.
 */
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { findReplyByMessage, insertReply } from "../../db/replies.ts";
import { findThread } from "../../db/threads.ts";
import { process as sendReminder } from "../../jobs/send-reminder.ts";
import type { JobContext } from "../../jobs/types.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { RecordedCall } from "../../src/emulator/types.ts";
import { reminderText } from "../../src/i18n/reminder.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { formatInstant } from "../../src/slack/format.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, jobDepsOf, PEOPLE } from "../replies/support.ts";

const SECRETARY = PEOPLE.secretary;
const NO_REPLY = reminderText("lv").noReplyYet;
let t: TestApp;
let logs: LogWatch;
let channels = 0;

/** A context for the processor run outside a worker. */
const noJob = { job: {} as Job, token: undefined } satisfies JobContext;

beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({
    logger: logs.logger,
    config: { secretaryUserIds: [SECRETARY, PEOPLE.janis] },
  });
  addPeople(t.emulator);
  await chooseLanguage(t, PEOPLE.janis, "en");
});
afterAll(async () => {
  await t?.stop();
});

/**
 * LM mapped to a fresh channel, a cut-off on tasks 5 and 14 (LM answers for both), and its
 * first reminder posted by the real processor: returns the thread's root. `plannedAt`: when
 * the reminders were planned (default now); planned before a cut-off that has passed since, the
 * first reminder (not the overdue one) is posted, as one sent before the cut-off was.
 */
async function firstReminder(
  at = "2099-02-01T10:00:00.000Z",
  plannedAt?: string,
): Promise<{ cutoffId: number; channel: string; rootTs: string }> {
  channels++;
  const channel = `C0ROOT${channels}`;
  t.emulator.addChannel({ id: channel, name: `root-${channels}` });
  const now = plannedAt ?? new Date().toISOString();
  const lm = await findInstitution(t.app.db, "LM");
  const programme = await currentProgramme(t.app.db);
  if (!lm || !programme) throw new Error("no LM or programme");
  await setMapping(t.app.db, lm.id, channel, [PEOPLE.anna], now);
  const cutoff = await insertCutoff(t.app.db, {
    programmeId: programme.id,
    at,
    title: "Pārbaude",
    taskNumbers: ["5", "14"],
    createdBy: SECRETARY,
    createdAt: now,
  });
  const config = t.app.config;
  const settings = {
    offsets: config.reminderOffsets,
    time: config.reminderTime,
    zone: config.timezone,
  };
  await planCutoff(t.app.db, cutoff, settings, now);
  // Before the cut-off its first reminder; after it (a thread begun late) the overdue one.
  const [first] = (await listReminders(t.app.db, cutoff.id)).filter(
    (r) =>
      r.institutionId === lm.id && r.state === "planned" && (r.kind !== "overdue") === at > now,
  );
  if (!first) throw new Error("no reminder planned");
  const data = { reminderId: first.id, cutoffId: cutoff.id, at: first.scheduledAt };
  expect(await sendReminder(data, jobDepsOf(t), noJob)).toBe("sent");
  const thread = await findThread(t.app.db, cutoff.id, lm.id);
  if (!thread) throw new Error("no thread");
  return { cutoffId: cutoff.id, channel, rootTs: thread.threadTs };
}

/** The root message's text as the channel now holds it (its blocks as JSON). */
function rootNow(channel: string, ts: string): string {
  const root = t.emulator.messagesIn(channel).find((m) => m.ts === ts);
  return JSON.stringify(root?.blocks ?? []);
}

const updateOf = (channel: string, ts: string) =>
  isCall("chat.update", (c: RecordedCall) => c.args.channel === channel && c.args.ts === ts);

/** Waits (polling, at most `timeoutMs`) until the root's blocks satisfy `ok`; returns them. */
async function untilRoot(
  channel: string,
  ts: string,
  ok: (text: string) => boolean,
  timeoutMs = 15_000,
): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const text = rootNow(channel, ts);
    if (ok(text) || Date.now() > end) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function replyAs(
  channel: string,
  rootTs: string,
  text: string,
  userId: string = PEOPLE.anna,
): Promise<string> {
  const { ts } = await t.slack.userMessage({ channelId: channel, threadTs: rootTs, text, userId });
  await logs.waitFor((l) => l.msg === "reply stored" && l.ts === ts);
  return ts;
}

describe("the thread's root message after a reply", () => {
  it("shows the reply under its task instead of 'Atbildes vēl nav.', the other task unchanged", async () => {
    const { channel, rootTs } = await firstReminder();
    const before = rootNow(channel, rootTs);
    expect(before.split(NO_REPLY)).toHaveLength(3); // both tasks

    await replyAs(channel, rootTs, "14: Grozījumi pieņemti 2027. gada janvārī.");
    const update = await t.emulator.waitFor(updateOf(channel, rootTs), 10_000);
    expect(update.ok).toBe(true);
    const after = rootNow(channel, rootTs);
    expect(after).toContain("Grozījumi pieņemti 2027. gada janvārī.");
    expect(after).toContain(`<@${PEOPLE.anna}>`);
    expect(after.split(NO_REPLY)).toHaveLength(2); // task 5 still waits
    expect(after).not.toContain("pārcelts"); // not moved: no note
    // Still the reminder the sender finds by its metadata.
    const root = t.emulator.messagesIn(channel).find((m) => m.ts === rootTs);
    expect(root?.metadata?.event_type).toBe("koordinators_reminder");
  });

  it("shows every reply of a burst (one window, one job)", async () => {
    const { channel, rootTs } = await firstReminder();
    await replyAs(channel, rootTs, "14: Pirmā daļa.");
    await replyAs(channel, rootTs, "5: Otrā daļa.");
    const after = await untilRoot(channel, rootTs, (text) => text.includes("Otrā daļa."));
    expect(after).toContain("Pirmā daļa.");
    expect(after).not.toContain(NO_REPLY);
  });

  it("waits out Slack's 429; an update Slack refuses leaves the reply stored", async () => {
    const { channel, rootTs } = await firstReminder();
    t.emulator.failNext("chat.update", { error: "ratelimited", retryAfter: 1 });
    await replyAs(channel, rootTs, "14: Pēc gaidīšanas.");
    await t.emulator.waitFor(
      isCall("chat.update", (c) => c.args.ts === rootTs && c.ok === true),
      15_000,
    );
    expect(rootNow(channel, rootTs)).toContain("Pēc gaidīšanas.");
    const tries = t.emulator.calls.filter(
      (c) => c.method === "chat.update" && c.args.ts === rootTs,
    );
    expect(tries.map((c) => c.status)).toEqual([429, 200]);

    t.emulator.failNext("chat.update", { error: "cant_update_message" });
    const ts = await replyAs(channel, rootTs, "5: Saglabāts tik un tā.");
    await logs.waitFor(
      (l) => l.msg === "reminder thread root not updated" && l.code === "cant_update_message",
      15_000,
    );
    expect((await findReplyByMessage(t.app.db, channel, ts))?.text).toBe("5: Saglabāts tik un tā.");
  });
});

/** How many times Slack accepted an update of the root. */
const updatesOf = (channel: string, ts: string) =>
  t.emulator.calls.filter(
    (c) => c.method === "chat.update" && c.args.channel === channel && c.args.ts === ts && c.ok,
  ).length;

/** Waits until the root was updated more than `before` times (the refresh job ran). */
async function untilUpdated(channel: string, ts: string, before: number): Promise<string> {
  const end = Date.now() + 15_000;
  while (updatesOf(channel, ts) <= before && Date.now() < end)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(updatesOf(channel, ts)).toBeGreaterThan(before);
  return rootNow(channel, ts);
}

/** Withdraws a reply as Slack does when its author deletes it (message_deleted). */
async function deleteReply(channel: string, ts: string, userId: string): Promise<void> {
  await t.slack.event({
    type: "message",
    subtype: "message_deleted",
    channel,
    hidden: true,
    deleted_ts: ts,
    ts: `${ts}1`,
    event_ts: `${ts}1`,
    previous_message: { type: "message", user: userId, text: "", ts },
  });
  await logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts);
}

describe("the replies a reminder shows", () => {
  it("are this cut-off's only, the contact's verified one before a stranger's", async () => {
    const UNVERIFIED = reminderText("lv").unverified;
    const earlier = await firstReminder("2099-04-01T10:00:00.000Z");
    await replyAs(
      earlier.channel,
      earlier.rootTs,
      "14: Iepriekšējā perioda svešs.",
      PEOPLE.outsider,
    );

    const { cutoffId, channel, rootTs } = await firstReminder("2099-05-04T10:00:00.000Z");
    // The new cut-off's first reminder: no answer yet for either task, the earlier one not shown.
    const first = rootNow(channel, rootTs);
    expect(first.split(NO_REPLY)).toHaveLength(3);
    expect(first).not.toContain("Iepriekšējā perioda");

    const own = await replyAs(channel, rootTs, "14: Kontaktpersonas atbilde.");
    await untilRoot(channel, rootTs, (text) => text.includes("Kontaktpersonas atbilde."));
    let count = updatesOf(channel, rootTs);
    await replyAs(channel, rootTs, "14: Sveša atbilde.", PEOPLE.outsider);
    let root = await untilUpdated(channel, rootTs, count);
    expect(root).toContain("Kontaktpersonas atbilde.");
    expect(root).not.toContain("Sveša atbilde.");
    expect(root).not.toContain(UNVERIFIED);

    // The contact's reply deleted: the stranger's of this cut-off, marked; never the earlier one.
    count = updatesOf(channel, rootTs);
    await deleteReply(channel, own, PEOPLE.anna);
    root = await untilUpdated(channel, rootTs, count);
    expect(root).toContain("Sveša atbilde.");
    expect(root).toContain(UNVERIFIED);
    expect(root).not.toContain("Iepriekšējā perioda");

    // The follow-up in the thread lists task 14 as still waited for, with the same reply.
    const lm = await findInstitution(t.app.db, "LM");
    const next = (await listReminders(t.app.db, cutoffId)).find(
      (r) => r.institutionId === lm?.id && r.state === "planned" && r.kind !== "overdue",
    );
    if (!next) throw new Error("no follow-up planned");
    const data = { reminderId: next.id, cutoffId, at: next.scheduledAt };
    expect(await sendReminder(data, jobDepsOf(t), noJob)).toBe("sent");
    const sent = (await listReminders(t.app.db, cutoffId)).find((r) => r.id === next.id);
    const followUp = t.emulator.messagesIn(channel).find((m) => m.ts === sent?.messageTs);
    expect(followUp?.thread_ts).toBe(rootTs);
    const posted = JSON.stringify(followUp?.blocks ?? []);
    expect(posted).toContain("Vēl gaidām informāciju");
    expect(posted).toContain("Sveša atbilde.");
    expect(posted).toContain(UNVERIFIED);
    expect(posted).not.toContain("Iepriekšējā perioda");
  });
});

describe("the root of a thread begun after the cut-off", () => {
  it("keeps the overdue reminder's words when it shows a reply", async () => {
    const { channel, rootTs } = await firstReminder("2020-01-10T10:00:00.000Z");
    expect(rootNow(channel, rootTs)).toContain("ir pagājis");
    await replyAs(channel, rootTs, "14: Vēlu, bet izpildīts.");
    const after = await untilRoot(channel, rootTs, (text) => text.includes("Vēlu, bet"));
    expect(after).toContain("ir pagājis");
    expect(after).not.toContain("lūdzu, sniedziet");
  });

  it("says every task asked is answered, no longer still waiting, once none is owed", async () => {
    const { channel, rootTs } = await firstReminder("2020-01-10T10:00:00.000Z");
    expect(rootNow(channel, rootTs)).toContain("Vēl gaidām informāciju par šiem uzdevumiem.");
    await replyAs(channel, rootTs, "14: Vēlu, bet izpildīts.");
    // One of the two still owed: it still waits.
    const half = await untilRoot(channel, rootTs, (text) => text.includes("Vēlu, bet"));
    expect(half).toContain("Vēl gaidām informāciju");
    expect(half).not.toContain("Visi šeit prasītie uzdevumi ir atbildēti");
    // A stranger's reply to 5 answers nothing: still waiting.
    await replyAs(channel, rootTs, "5: Svešs ziņojums.", PEOPLE.outsider);
    const stranger = await untilRoot(channel, rootTs, (text) => text.includes("Svešs ziņojums"));
    expect(stranger).toContain("Vēl gaidām informāciju");
    await replyAs(channel, rootTs, "5: Arī izpildīts.");
    const all = await untilRoot(channel, rootTs, (text) => text.includes("Arī izpildīts"));
    expect(all).toContain("ir pagājis. Visi šeit prasītie uzdevumi ir atbildēti.");
    expect(all).not.toContain("Vēl gaidām");
    expect(all).not.toContain("lūdzu, sniedziet");
    const root = t.emulator.messagesIn(channel).find((m) => m.ts === rootTs);
    expect(validateBlocks(root?.blocks, "message")).toEqual([]);
  });
});

describe("the root of a thread begun before the cut-off, after a late reply", () => {
  it("says when the cut-off passed (not 'līdz' it) and marks the late reply; one in time unmarked", async () => {
    // The cut-off passed an hour ago; its first reminder was planned and posted before it.
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const planned = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const { cutoffId, channel, rootTs } = await firstReminder(at, planned);
    const time = formatInstant(at, t.app.config.timezone, "lv");
    expect(rootNow(channel, rootTs)).toContain(`līdz *${time}*`);
    // LM's answer to task 5 stored before the cut-off (in time), then a late one to 14.
    const lm = await findInstitution(t.app.db, "LM");
    const task5 = await t.app.db
      .selectFrom("tasks")
      .select("id")
      .where("number", "=", "5")
      .executeTakeFirstOrThrow();
    await insertReply(t.app.db, {
      cutoffId,
      institutionId: lm?.id ?? 0,
      taskId: task5.id,
      channelId: channel,
      ts: "1700000000.000100",
      threadTs: rootTs,
      userId: PEOPLE.anna,
      text: "5: Laikā iesniegts.",
      files: [],
      statusClaim: null,
      verified: true,
      source: "event",
      receivedAt: new Date(Date.parse(at) - 60_000).toISOString(),
    });
    await replyAs(channel, rootTs, "14: Vēlu, bet izpildīts.");
    const after = await untilRoot(channel, rootTs, (text) => text.includes("Vēlu, bet"));
    // 5 answered in time, 14 not: the opening says which mark goes to which.
    expect(after).toContain(
      `ziņošanas termiņš par LM uzdevumu izpildes gaitu (*${time}*, Pārbaude) ir pagājis. Atbildes šajā pavedienā joprojām tiek saglabātas: par laikā atbildētu uzdevumu tās tiek atzīmētas „papildināts pēc ziņošanas termiņa”, par pārējiem – „pēc ziņošanas termiņa”.`,
    );
    expect(after).not.toContain("līdz");
    expect(after).toContain("Vēlu, bet izpildīts. (pēc ziņošanas termiņa)_");
    expect(after).toContain("Laikā iesniegts._");
    expect(after.split("(pēc ziņošanas termiņa)")).toHaveLength(2);
    const root = t.emulator.messagesIn(channel).find((m) => m.ts === rootTs);
    expect(validateBlocks(root?.blocks, "message")).toEqual([]);
    // Task 5, answered in time, supplemented after the cut-off: shown with its own mark, not
    // late (the digest counts 5 as answered in time), as /task 5 marks it.
    await replyAs(channel, rootTs, "5: Pēc termiņa papildinājums.");
    const added = await untilRoot(channel, rootTs, (text) => text.includes("papildinājums"));
    expect(added).toContain("Pēc termiņa papildinājums. (papildināts pēc ziņošanas termiņa)_");
    expect(added).not.toContain("papildinājums. (pēc ziņošanas termiņa)");
    expect(added).toContain("Vēlu, bet izpildīts. (pēc ziņošanas termiņa)_");
  });
});

describe("the thread's root message after /cutoff move", () => {
  it("shows the cut-off's new time and a note of the old one; the answer says the posted reminders will", async () => {
    const { cutoffId, channel, rootTs } = await firstReminder();
    expect(rootNow(channel, rootTs)).toContain("01.02.2099. 12:00");
    const answer = await slash(`move ${cutoffId} 2099-03-02 12:00`, SECRETARY);
    expect(answer).toContain(
      "Jau nosūtītajos atgādinājumos (1 pavediens) pirmajā ziņā tiks norādīts jaunais laiks.",
    );
    const after = await untilRoot(channel, rootTs, (text) => text.includes("02.03.2099. 12:00"));
    expect(after).toContain("līdz *pirmd. 02.03.2099. 12:00*");
    // The old time only in the note that says it moved (the follow-ups below still show it).
    expect(after).toContain("_(ziņošanas termiņš pārcelts no svētd. 01.02.2099. 12:00)_");
    expect(after.split("01.02.2099.")).toHaveLength(2);

    const en = await slash(`move ${cutoffId} 2099-03-03 12:00`, PEOPLE.janis);
    expect(en).toContain(
      "The reminders already posted (1 thread) will show the new time in their first message.",
    );
    // Moved again: still from the time the root first showed.
    expect(
      await untilRoot(channel, rootTs, (text) => text.includes("03.03.2099. 12:00")),
    ).toContain("pārcelts no svētd. 01.02.2099. 12:00");
  });
});

/** Sends `/cutoff <text>` signed, as `userId`, and returns the answer's blocks as JSON. */
async function slash(text: string, userId: string): Promise<string> {
  const res = await t.slack.command("/cutoff", text, { userId });
  expect(res.status).toBe(200);
  let body = res.body as { blocks?: unknown[] } | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as { blocks?: unknown[] };
  return JSON.stringify(body.blocks ?? []);
}
