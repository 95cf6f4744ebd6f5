import { DelayedError } from "bullmq";
import { DateTime } from "luxon";
import { checkOfPostError, recordChannelCheck } from "../db/channel-checks.ts";
import type { Db } from "../db/client.ts";
import { type Cutoff, findCutoff } from "../db/cutoffs.ts";
import {
  findReminder,
  markSending,
  markSent,
  markSkipped,
  type Reminder,
} from "../db/reminders.ts";
import { inReadSnapshot } from "../db/snapshot.ts";
import { findThread, insertThread, type ReminderThread } from "../db/threads.ts";
import { OVERDUE_KIND } from "../src/domain/reminder-plan.ts";
import {
  addressees,
  type InstitutionProgress,
  institutionProgress,
  reminderTasks,
} from "../src/reminders/compose.ts";
import { failReminder, NO_CHANNEL } from "../src/reminders/failed.ts";
import type { UnreachableSecretary } from "../src/reminders/notify.ts";
import { hasChannel } from "../src/reminders/reminded.ts";
import { type ReminderTask, renderReminder } from "../src/slack/render-reminder.ts";
import {
  PERMANENT_POST_ERRORS,
  platformError,
  postBlocks,
  rateLimitedFor,
} from "../src/slack/web.ts";
import { dateIn } from "../src/time.ts";
import type { JobContext, JobDeps } from "./types.ts";

/** Job name. */
export const name = "send-reminder";

/** Plain JSON: the reminder row and the instant it was planned for (a moved plan makes the job stale). */
export interface Data {
  reminderId: number;
  cutoffId: number;
  /** UTC ISO; when it differs from the row's `scheduled_at`, the job is stale and does nothing. */
  at: string;
}

/** Metadata event type that marks the app's reminder messages (found again with conversations.history). */
export const REMINDER_EVENT_TYPE = "koordinators_reminder";

/** Deterministic BullMQ job id: one job per reminder and planned time. */
export function jobId(data: Data): string {
  return `remind-${data.reminderId}-${DateTime.fromISO(data.at).toMillis()}`;
}

/**
 * Sends one reminder, at most once, whatever crashes in between:
 * 1. the store decides (sent/skipped rows, stale plans, removed cut-offs do nothing; a row
 *    planned for the cut-off's earlier time never posts: see `settleMoved`);
 * 2. a row left in "sending" by a dead worker is looked up in Slack by its message metadata
 *    (`reminder_id`) before anything is posted again;
 * 3. the intent is recorded ("sending") before chat.postMessage, the result after it.
 * Slack's per-channel pace is kept with a Redis gate; a 429 puts the job back for
 * `Retry-After`. Permanent failures (no mapping, channel_not_found, not_in_channel) are
 * recorded and reported to the secretary; transient ones are thrown for BullMQ to retry.
 */
export async function process(data: Data, deps: JobDeps, ctx: JobContext): Promise<string> {
  return (await deliver(data, deps, ctx)).result;
}

/**
 * What {@link deliver} did: `result`, what {@link process} returns ("sent", "all_answered",
 * "no_mapping", …), and the secretaries the note of a failure could not reach (`remind --now`
 * names them; the job's log line is the server's record).
 */
export interface Delivery {
  result: string;
  unreachableSecretaries: UnreachableSecretary[];
}

/** A delivery whose outcome told no secretary anything. */
const outcome = (result: string): Delivery => ({ result, unreachableSecretaries: [] });

/**
 * {@link process} with what it could not tell: the same steps, the same result, and the
 * secretaries a failure note did not reach (src/reminders/failed.ts). `remind --now` runs this.
 */
export async function deliver(data: Data, deps: JobDeps, ctx: JobContext): Promise<Delivery> {
  const read = await inReadSnapshot(deps.db, (db) => readJob(db, data));
  const { reminder, cutoff, progress } = read;
  if (!reminder || isSettled(reminder)) return outcome("done-before");
  if (reminder.scheduledAt !== data.at) return outcome("stale");
  if (!cutoff) return outcome(await skip(deps, reminder, "skipped", "cutoff_removed"));
  if (reminder.cutoffAt !== cutoff.at) return outcome(await settleMoved(deps, reminder, cutoff.id));

  if (!progress) throw new Error(`reminder ${reminder.id}: institution progress not read`);
  const { mapping } = progress;
  if (!hasChannel(mapping)) return fail(deps, reminder, mapping.code, NO_CHANNEL, cutoff.title);
  if (progress.open.length === 0)
    return outcome(await skip(deps, reminder, "skipped", "all_answered"));
  const { thread, tasks = [] } = read;

  if (reminder.state === "sending") {
    const found = await findPosted(deps, mapping.channelId, thread?.threadTs ?? null, reminder.id);
    if (found)
      return outcome(
        await finish(deps, reminder, cutoff.id, mapping.channelId, found, thread === undefined),
      );
  }

  const wait = await acquire(deps, mapping.channelId, ctx.job.id);
  if (wait > 0) return delay(ctx, wait);

  const now = deps.clock.now();
  const today = dateIn(now, deps.config.timezone);
  // Planned at or after the cut-off: the overdue reminder, or one sent by hand after it.
  const late = reminder.kind === OVERDUE_KIND || reminder.scheduledAt >= cutoff.at;
  const stage = late ? "overdue" : thread ? "follow_up" : "first";
  const message = renderReminder(
    {
      cutoffId: cutoff.id,
      cutoffAt: cutoff.at,
      cutoffTitle: cutoff.title,
      institution: { id: mapping.institutionId, code: mapping.code, name: mapping.name },
      ...addressees(mapping, today),
      tasks,
      stage,
      now: now.toISO() ?? "",
    },
    deps.config.defaultLocale,
    deps.config.timezone,
  );
  await markSending(deps.db, reminder.id, mapping.channelId);
  const channel = mapping.channelId;
  try {
    const posted = await postBlocks(deps.slack, {
      channel: mapping.channelId,
      thread_ts: thread?.threadTs,
      text: message.text,
      blocks: message.blocks,
      metadata: {
        event_type: REMINDER_EVENT_TYPE,
        event_payload: { reminder_id: reminder.id, cutoff_id: cutoff.id },
      },
    }).finally(() => deps.gate.posted?.(channel).catch(() => {}));
    return outcome(
      await finish(
        deps,
        reminder,
        cutoff.id,
        mapping.channelId,
        String(posted.ts),
        thread === undefined,
      ),
    );
  } catch (error) {
    const retryIn = rateLimitedFor(error);
    if (retryIn !== null) return delay(ctx, retryIn);
    const code = platformError(error);
    if (code && PERMANENT_POST_ERRORS.has(code)) {
      // Kept as the channel's last known reachability: /cutoff plan warns before the next one.
      const at = deps.clock.now().toUTC().toISO() ?? "";
      await recordChannelCheck(deps.db, channel, checkOfPostError(code), at);
      return fail(deps, reminder, mapping.code, code, cutoff.title);
    }
    throw error;
  }
}

/** What {@link process} reads before it decides; the later fields only when it gets that far. */
interface JobRead {
  reminder?: Reminder;
  cutoff?: Cutoff;
  progress?: InstitutionProgress;
  thread?: ReminderThread;
  /** The open tasks the message lists, each with the institution's last reply. */
  tasks?: ReminderTask[];
}

/** A row that was sent, skipped or failed: nothing left to do for its job. */
function isSettled(reminder: Reminder): boolean {
  return reminder.state === "sent" || reminder.state === "skipped" || reminder.state === "failed";
}

/**
 * The job's reads, in the order {@link process} decides on them, stopping where it would stop
 * before posting. Run in one read snapshot (`inReadSnapshot`): on SQLite the WAL read lock is
 * taken once instead of per query, and the compiled look-ups run straight on their prepared
 * statements (the ~9 queries of a reminder were each their own read transaction through Kysely's
 * driver). Reads only: every write (skip, report, the sent mark) comes after, outside it.
 */
async function readJob(db: Db, data: Data): Promise<JobRead> {
  const reminder = await findReminder(db, data.reminderId);
  if (!reminder || isSettled(reminder) || reminder.scheduledAt !== data.at) return { reminder };
  const cutoff = await findCutoff(db, reminder.cutoffId);
  if (!cutoff || reminder.cutoffAt !== cutoff.at) return { reminder, cutoff };
  const progress = await institutionProgress(db, cutoff, reminder.institutionId);
  if (!hasChannel(progress.mapping) || progress.open.length === 0)
    return { reminder, cutoff, progress };
  const thread = await findThread(db, cutoff.id, reminder.institutionId);
  const tasks = reminderTasks(progress, progress.open);
  return { reminder, cutoff, progress, thread, tasks };
}

async function finish(
  deps: JobDeps,
  reminder: Reminder,
  cutoffId: number,
  channelId: string,
  ts: string,
  startsThread: boolean,
) {
  const at = deps.clock.now().toISO() ?? "";
  if (!startsThread) {
    await markSent(deps.db, reminder.id, { channelId, messageTs: ts, at });
    return "sent";
  }
  // One commit for both rows: the thread is known exactly when the reminder counts as sent.
  await deps.db.transaction().execute(async (trx) => {
    await insertThread(trx, {
      cutoffId,
      institutionId: reminder.institutionId,
      channelId,
      threadTs: ts,
      at,
    });
    await markSent(trx, reminder.id, { channelId, messageTs: ts, at });
  });
  return "sent";
}

/**
 * A row planned for the cut-off's earlier time (it moved since): its message would show the new
 * time, so it is never posted. Left in "sending" by a dead worker it may have gone out already:
 * found by its metadata, it is recorded sent; else it is skipped ("cutoff_moved").
 */
async function settleMoved(deps: JobDeps, reminder: Reminder, cutoffId: number): Promise<string> {
  if (reminder.state === "sending" && reminder.channelId) {
    const thread = await findThread(deps.db, cutoffId, reminder.institutionId);
    const channel = reminder.channelId;
    const found = await findPosted(deps, channel, thread?.threadTs ?? null, reminder.id);
    if (found) return finish(deps, reminder, cutoffId, channel, found, thread === undefined);
  }
  return skip(deps, reminder, "skipped", "cutoff_moved");
}

/** A failed delivery (src/reminders/failed.ts): its problem as the result. */
async function fail(
  deps: JobDeps,
  reminder: Reminder,
  code: string,
  problem: string,
  cutoffTitle: string,
): Promise<Delivery> {
  const failed = await failReminder(deps, reminder, code, problem, cutoffTitle);
  return { result: failed.problem, unreachableSecretaries: failed.unreachableSecretaries };
}

export { NO_CHANNEL_LOG } from "../src/reminders/failed.ts";

async function skip(
  deps: JobDeps,
  reminder: Reminder,
  state: "skipped" | "failed",
  detail: string,
): Promise<string> {
  await markSkipped(deps.db, reminder.id, state, detail);
  return detail;
}

/** Looks in the channel (or the thread) for a message carrying this reminder's metadata. */
async function findPosted(
  deps: JobDeps,
  channel: string,
  threadTs: string | null,
  reminderId: number,
): Promise<string | null> {
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const res = threadTs
      ? await deps.slack.conversations.replies({
          channel,
          ts: threadTs,
          include_all_metadata: true,
          limit: 200,
          cursor,
        })
      : await deps.slack.conversations.history({
          channel,
          include_all_metadata: true,
          limit: 200,
          cursor,
        });
    for (const message of res.messages ?? []) {
      const meta = (
        message as { metadata?: { event_type?: string; event_payload?: { reminder_id?: unknown } } }
      ).metadata;
      if (
        meta?.event_type === REMINDER_EVENT_TYPE &&
        Number(meta.event_payload?.reminder_id) === reminderId &&
        message.ts
      ) {
        return message.ts;
      }
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return null;
}

/** Waits this short (ms) are slept in the job; longer ones hand the job back to the queue. */
const SHORT_WAIT_MS = 250;

/** The channel's gate: 0 = post now, else the ms to hand the job back for. */
async function acquire(deps: JobDeps, channel: string, holder: string | undefined) {
  for (;;) {
    const wait = await deps.gate.tryAcquire(channel, holder);
    if (wait === 0 || wait > SHORT_WAIT_MS) return wait;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

async function delay(ctx: JobContext, ms: number): Promise<never> {
  await ctx.job.moveToDelayed(Date.now() + ms, ctx.token);
  throw new DelayedError();
}
