/** Builds reminder threads directly in the store and the emulator, as send-reminder leaves them. */

import type { Job } from "bullmq";
import type { Redis } from "ioredis";
import { DateTime } from "luxon";
import { afterAll, beforeAll, expect } from "vitest";
import type { Db } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { findReplyByMessage, listNamedReplies } from "../../db/replies.ts";
import { findThread, insertThread } from "../../db/threads.ts";
import { REMINDER_EVENT_TYPE, process as sendReminder } from "../../jobs/send-reminder.ts";
import type { JobContext, JobDeps } from "../../jobs/types.ts";
import type { Config } from "../../src/config.ts";
import { type Emulator, isCall } from "../../src/emulator/server.ts";
import { redisChannelGate } from "../../src/reminders/channel-gate.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { ActionId, CallbackId } from "../../src/slack/ids.ts";
import { updateButtonValue } from "../../src/slack/render-reminder.ts";
import { UpdateField } from "../../src/slack/render-update-modal.ts";
import { createJobWebClient } from "../../src/slack/web.ts";
import { type Clock, systemClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogLine, type LogWatch, watchLogs } from "../helpers/log-watch.ts";

/** A reminder thread: its cut-off, institution, channel and root message ts. */
export interface ThreadFixture {
  cutoffId: number;
  institutionId: number;
  channel: string;
  threadTs: string;
}

/** People the suites use: two contacts of the institution, one outsider, one secretary. */
export const PEOPLE = {
  anna: "U0ANNA",
  janis: "U0JANIS",
  outsider: "U0PETERIS",
  secretary: "U0SECRETARY",
} as const;

/** Adds {@link PEOPLE} to the emulator (Latvian locale; `janis` English). */
export function addPeople(emulator: Emulator): void {
  for (const [name, id] of Object.entries(PEOPLE))
    emulator.addUser({ id, name, locale: name === "janis" ? "en-US" : "lv-LV" });
}

/**
 * Maps institution `code` to `channel` with `contacts`, adds a cut-off 60 days after `now`
 * scoped to `tasks`, posts the reminder's root message as the bot (with the reminder metadata)
 * and records the thread, as jobs/send-reminder.ts does after its first post.
 */
export async function reminderThread(
  env: { db: Db; emulator: Emulator },
  opts: { code: string; channel: string; tasks: string[]; contacts?: string[]; now?: string },
): Promise<ThreadFixture> {
  const now = opts.now ?? DateTime.utc().toISO();
  env.emulator.addChannel({ id: opts.channel, name: opts.channel.toLowerCase() });
  const institution = await findInstitution(env.db, opts.code);
  const programme = await currentProgramme(env.db);
  if (!institution || !programme) throw new Error(`no institution ${opts.code} or programme`);
  const contacts = opts.contacts ?? [PEOPLE.anna, PEOPLE.janis];
  await setMapping(env.db, institution.id, opts.channel, contacts, now);
  const cutoff = await insertCutoff(env.db, {
    programmeId: programme.id,
    at: DateTime.fromISO(now).plus({ days: 60 }).toUTC().toISO() ?? "",
    title: "Informatīvais ziņojums MK",
    taskNumbers: opts.tasks,
    createdBy: PEOPLE.secretary,
    createdAt: now,
  });
  const bot = createJobWebClient(env.emulator.botToken, env.emulator.apiUrl);
  const root = await bot.chat.postMessage({
    channel: opts.channel,
    text: `Atgādinājums: ${opts.code}`,
    metadata: { event_type: REMINDER_EVENT_TYPE, event_payload: { cutoff_id: cutoff.id } },
  });
  const thread = await insertThread(env.db, {
    cutoffId: cutoff.id,
    institutionId: institution.id,
    channelId: opts.channel,
    threadTs: String(root.ts),
    at: now,
  });
  return {
    cutoffId: cutoff.id,
    institutionId: institution.id,
    channel: opts.channel,
    threadTs: thread.threadTs,
  };
}

/** How {@link startPeopleApp} starts the app. */
export interface PeopleAppOptions {
  /** SECRETARY_USER_IDS (default: testConfig's). */
  secretaries?: string[];
  /** The level the app's log lines are watched at (default "info"). */
  level?: string;
  /** The app's clock (default: the system's). */
  clock?: Clock;
  /** Further configuration, e.g. the working group's channel. */
  config?: Partial<Config>;
}

/**
 * Starts the real test app ({@link startTestApp}) as `opts` say, with {@link PEOPLE} in its
 * emulator and its log lines watched, for a suite's `beforeAll`. Its `afterAll` stops `t`.
 */
export async function startPeopleApp(
  opts: PeopleAppOptions = {},
): Promise<{ t: TestApp; logs: LogWatch }> {
  const logs = watchLogs(opts.level);
  const t = await startTestApp({
    logger: logs.logger,
    clock: opts.clock,
    config: {
      ...(opts.secretaries ? { secretaryUserIds: opts.secretaries } : {}),
      ...opts.config,
    },
  });
  addPeople(t.emulator);
  return { t, logs };
}

/**
 * Registers a suite's hooks around {@link startPeopleApp}: `beforeAll` starts the app with
 * `opts` and hands it to `set` (which keeps it in the suite's own variables); `afterAll` stops
 * it. Both hooks may take `timeoutMs` (default: vitest's hook timeout).
 */
export function peopleAppHooks(
  opts: PeopleAppOptions & { timeoutMs?: number },
  set: (app: { t: TestApp; logs: LogWatch }) => void,
): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    const app = await startPeopleApp(opts);
    t = app.t;
    set(app);
  }, opts.timeoutMs);
  afterAll(async () => {
    await t?.stop();
  }, opts.timeoutMs);
}

/**
 * Maps LM to a new `channel` (named `name`) with anna as its contact, adds a cut-off at `at`
 * (UTC ISO) titled `title` on `tasks`, plans its reminders and runs the real send-reminder job
 * for LM's first planned one (expected: "sent"), as the worker would. Returns the cut-off's id,
 * the channel and the reminder thread's root ts.
 * @throws Error when LM, the programme, the planned reminder or the thread is missing.
 */
export async function sentReminder(
  t: TestApp,
  opts: { channel: string; name: string; at: string; title: string; tasks: string[] },
): Promise<{ cutoffId: number; channel: string; rootTs: string }> {
  const { channel } = opts;
  t.emulator.addChannel({ id: channel, name: opts.name });
  const now = new Date().toISOString();
  const lm = await findInstitution(t.app.db, "LM");
  const programme = await currentProgramme(t.app.db);
  if (!lm || !programme) throw new Error("no LM or programme");
  await setMapping(t.app.db, lm.id, channel, [PEOPLE.anna], now);
  const cutoff = await insertCutoff(t.app.db, {
    programmeId: programme.id,
    at: opts.at,
    title: opts.title,
    taskNumbers: opts.tasks,
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
  const noJob = { job: {} as Job, token: undefined } satisfies JobContext;
  expect(await sendReminder(data, jobDepsOf(t), noJob)).toBe("sent");
  const thread = await findThread(t.app.db, cutoff.id, lm.id);
  if (!thread) throw new Error("no thread");
  return { cutoffId: cutoff.id, channel, rootTs: thread.threadTs };
}

/**
 * The JobDeps a running test app's worker has (built as src/main.ts builds them: its store,
 * config, logger, a job Web API client on the emulator, the channel gate on its Redis), to run
 * a processor directly.
 */
export function jobDepsOf(t: TestApp, clock: Clock = systemClock): JobDeps {
  const queue = t.app.queue;
  if (!queue) throw new Error("the test app has no queue (Redis not reachable)");
  return {
    db: t.app.db,
    config: t.app.config,
    clock,
    logger: t.app.logger,
    slack: createJobWebClient(t.emulator.botToken, t.emulator.apiUrl),
    gate: redisChannelGate(queue.opts.connection as Redis, t.app.config.queuePrefix),
  };
}

/**
 * Thread-reply steps over a running test app (`world()` is read at each call, so it may be
 * started in `beforeAll`): a fresh LM reminder thread per call in its own channel
 * (`<channelPrefix><n>`), a reply posted as a person and waited for until stored, the task
 * a reply is filed under, an edit of a reply by its author, and the private notes shown in a
 * thread's channel. Waits on the app's log lines, never on time.
 */
export function replySteps(world: () => { t: TestApp; logs: LogWatch }, channelPrefix: string) {
  let channels = 0;
  let edits = 0;
  /** Waits (up to 60 s) until the app has handled the message `ts` (stored or found stored). */
  const handled = (ts: string, created?: boolean) =>
    world().logs.waitFor(
      (l) =>
        l.msg === "reply stored" && l.ts === ts && (created === undefined || l.created === created),
      APP_WAIT_MS,
    );
  return {
    handled,
    /** A fresh LM reminder thread in its own channel, scoped to `tasks`. */
    thread(tasks: string[]): Promise<ThreadFixture> {
      const { t } = world();
      channels++;
      return reminderThread(
        { db: t.app.db, emulator: t.emulator },
        { code: "LM", channel: `${channelPrefix}${channels}`, tasks },
      );
    },
    /** Posts a thread reply as `user` (stored in the emulator, event sent) and waits until it is stored. */
    async reply(f: ThreadFixture, text: string, user: string = PEOPLE.anna) {
      const { t } = world();
      const { ts } = await t.slack.userMessage({
        channelId: f.channel,
        threadTs: f.threadTs,
        text,
        userId: user,
      });
      await handled(ts);
      return { ts, stored: await findReplyByMessage(t.app.db, f.channel, ts) };
    },
    /**
     * Answers task `number` with the reminder's "Submit update" form as `user` (the button,
     * then the submission with `text`) and waits until it is stored: an answer without a
     * numbered thread reply.
     */
    async byForm(f: ThreadFixture, number: string, text = "Izpildīts", user: string = PEOPLE.anna) {
      const { t, logs } = world();
      const opened = t.emulator.waitFor(
        isCall("views.open", (c) => c.ok),
        APP_WAIT_MS,
      );
      // Only a line written after this submission: an earlier answer to the task logged one too.
      const storedNow = nextLine(logs, (l) => l.msg === "update stored" && l.task === number);
      await t.slack.blockAction({
        actionId: ActionId.reminderSubmitUpdate,
        value: updateButtonValue(f.cutoffId, f.institutionId, number),
        userId: user,
        channelId: f.channel,
        messageTs: f.threadTs,
      });
      const view = (await opened).response.view as { id: string; private_metadata: string };
      await t.slack.viewSubmission({
        callbackId: CallbackId.submitUpdate,
        viewId: view.id,
        privateMetadata: view.private_metadata,
        values: {
          [UpdateField.text.block]: { [UpdateField.text.action]: text },
          [UpdateField.status.block]: {
            [UpdateField.status.action]: { type: "radio_buttons", selected_option: null },
          },
        },
        userId: user,
      });
      await storedNow();
    },
    /** The number of the task the reply `ts` is filed under (null: unassigned). */
    async taskOf(f: ThreadFixture, ts: string): Promise<string | null | undefined> {
      const rows = await listNamedReplies(world().t.app.db, f.cutoffId);
      return rows.find((r) => r.ts === ts)?.taskNumber;
    },
    /**
     * Edits `ts` in the emulator and sends Slack's message_changed for it (as its author `user`, default anna, edited
     * it), then waits (up to 60 s) until the app has stored THIS edit and told its author what
     * it tells: the app's "reply changed" line for `ts` (result "edited", written after the
     * notes) counts only when written after the event was sent, so an earlier edit of the same
     * message, whose line names the same message, never ends the wait. The store is then
     * checked to hold `after`.
     * @throws Error when no such line comes within 60 s, or the store holds another text.
     */
    async edit(f: ThreadFixture, ts: string, before: string, after: string, user?: string) {
      const { t, logs } = world();
      edits++;
      const at = `1900000000.${String(edits).padStart(6, "0")}`;
      const handledNow = nextLine(
        logs,
        (l) => l.msg === "reply changed" && l.ts === ts && l.result === "edited",
      );
      await sendMessageChanged(t, f, ts, before, after, at, user);
      await handledNow();
      const stored = (await findReplyByMessage(t.app.db, f.channel, ts))?.text;
      if (stored !== after)
        throw new Error(
          `edit ${at} of ${ts} handled, but the store holds ${JSON.stringify(stored)}`,
        );
    },
    /** Private notes (ephemerals) the app showed in the thread's channel, oldest first. */
    notesIn(f: ThreadFixture): string[] {
      return world()
        .t.emulator.ephemerals.filter((e) => e.channel === f.channel)
        .map((e) => String(e.text));
    },
  };
}

/** How long the steps wait for the app (a loaded machine runs several suites at once). */
export const APP_WAIT_MS = 60_000;

/**
 * Starts watching `logs` for a line matching `predicate` that is written from now on: the
 * returned function waits (up to `timeoutMs`, default {@link APP_WAIT_MS}) for the first such
 * line, ignoring every line already written — an earlier event's line that the predicate would
 * match too. Call it before sending what the line answers, await the result after.
 * @throws Error (from the returned wait) when no such line comes in time.
 */
export function nextLine(
  logs: LogWatch,
  predicate: (line: LogLine) => boolean,
  timeoutMs = APP_WAIT_MS,
): () => Promise<LogLine> {
  const earlier = new Set(logs.lines);
  return () => logs.waitFor((l) => !earlier.has(l) && predicate(l), timeoutMs);
}

/**
 * Edits `user`'s (default anna's) message `ts` in the emulator as its author and sends Slack's
 * signed `message_changed` event for it (event ts `at`), without waiting for the app. Slack holds the edited text too: a collection
 * run re-reading the thread meanwhile must see the edit, not the old text (which it would take
 * for another edit).
 */
export async function sendMessageChanged(
  t: TestApp,
  f: { channel: string; threadTs: string },
  ts: string,
  before: string,
  after: string,
  at: string,
  user: string = PEOPLE.anna,
): Promise<void> {
  t.emulator.editAsUser({ channelId: f.channel, ts, text: after, userId: user });
  await t.slack.event({
    type: "message",
    subtype: "message_changed",
    channel: f.channel,
    hidden: true,
    ts: at,
    event_ts: at,
    message: {
      type: "message",
      user,
      text: after,
      ts,
      thread_ts: f.threadTs,
      edited: { user, ts: at },
    },
    previous_message: { type: "message", user, text: before, ts },
  });
}

/** A button of a Block Kit message (as the app sends it). */
export interface Button {
  type: string;
  action_id: string;
  value: string;
}

/** The buttons in `blocks` (a message's or an ephemeral's), in order. */
export function buttonsOf(blocks: unknown): Button[] {
  return ((blocks ?? []) as Array<{ elements?: Button[] }>)
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === "button");
}

/** Matches a private note (chat.postEphemeral) to `user` in `channel`. */
export const ephemeralTo = (user: string, channel: string) =>
  isCall("chat.postEphemeral", (c) => c.args.user === user && c.args.channel === channel);
