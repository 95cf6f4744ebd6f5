import { DelayedError } from "bullmq";
import { DateTime } from "luxon";
import { markCollected, openThreads, type ReminderThread } from "../db/threads.ts";
import { refreshRoot } from "../src/reminders/root.ts";
import type { ReplyDeps } from "../src/replies/deps.ts";
import { applyEdit } from "../src/replies/edits.ts";
import { ingestMessage } from "../src/replies/ingest.ts";
import { type BotIdentity, readMessage } from "../src/replies/message.ts";
import { createLocaleResolver } from "../src/slack/locale.ts";
import { PERMANENT_POST_ERRORS, platformError, rateLimitedFor } from "../src/slack/web.ts";
import { requestRootRefresh } from "./refresh-root.ts";
import type { JobContext, JobDeps } from "./types.ts";

/** Job name (also the id of its BullMQ job scheduler). */
export const name = "collect";

/** Why the collection runs: at start, on the schedule (COLLECT_EVERY), or by hand. */
export interface Data {
  trigger: "start" | "schedule" | "manual";
  /** UTC ISO instant the run was requested (start and manual runs), for the job id. */
  at?: string;
}

/** Deterministic BullMQ job id of a start or manual run (scheduled runs get theirs from BullMQ). */
export function jobId(data: Data): string {
  const at = data.at ? DateTime.fromISO(data.at).toMillis() : 0;
  return `collect-${data.trigger}-${at}`;
}

/** Threads are read until this many days after their cut-off (late replies still count). */
export const COLLECT_GRACE_DAYS = 30;

/** conversations.replies page size (Slack recommends ≤ 200). */
const PAGE_SIZE = 200;

/** Errors after which one thread is skipped (logged) while the others are still read. */
const THREAD_ERRORS = new Set([...PERMANENT_POST_ERRORS, "thread_not_found"]);

/** What a run did: threads read, messages seen, replies newly stored, edits caught up. */
export interface CollectSummary {
  threads: number;
  messages: number;
  created: number;
  edited: number;
  /** Threads skipped for a permanent Slack error: "<channel>/<ts>: <error>". */
  skipped: string[];
}

/**
 * Reads every open reminder thread (cut-off not removed, at most {@link COLLECT_GRACE_DAYS}
 * days past) with conversations.replies, page by page, and passes every message through the
 * same {@link ingestMessage} as the Events API (source "collect"): replies Slack never
 * delivered (the app was down, Slack gave up retrying) are stored, once, by (channel, ts);
 * texts edited meanwhile are caught up; then the thread is marked collected. Safe to run twice.
 * A 429 puts the job back for `Retry-After`; other transient errors throw (BullMQ retries).
 * Source: https://api.slack.com/methods/conversations.replies
 */
export async function process(
  _data: Data,
  deps: JobDeps,
  ctx?: JobContext,
): Promise<CollectSummary> {
  const since = deps.clock.now().minus({ days: COLLECT_GRACE_DAYS }).toISO() ?? "";
  const threads = await openThreads(deps.db, since);
  const summary: CollectSummary = { threads: 0, messages: 0, created: 0, edited: 0, skipped: [] };
  if (threads.length === 0) return summary;
  const self = await botIdentity(deps);
  const replyDeps: ReplyDeps = {
    ...deps,
    locales: createLocaleResolver(deps.slack, deps.config.defaultLocale, {
      db: deps.db,
      slackLocale: deps.config.slackLocale,
    }),
  };
  for (const thread of threads) {
    try {
      const before = summary.created + summary.edited;
      await collectThread(replyDeps, thread, self, summary);
      summary.threads++;
      if (summary.created + summary.edited > before) await refreshRootOf(deps, thread);
    } catch (error) {
      const retryIn = rateLimitedFor(error);
      if (retryIn !== null && ctx) return delay(ctx, retryIn);
      const code = platformError(error);
      if (!code || !THREAD_ERRORS.has(code)) throw error;
      summary.skipped.push(`${thread.channelId}/${thread.threadTs}: ${code}`);
      deps.logger.warn({ channel: thread.channelId, ts: thread.threadTs, code }, "thread not read");
    }
  }
  deps.logger.info({ ...summary, skipped: summary.skipped.length }, "reminder threads collected");
  return summary;
}

async function collectThread(
  deps: ReplyDeps,
  thread: ReminderThread,
  self: BotIdentity,
  summary: CollectSummary,
): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await deps.slack.conversations.replies({
      channel: thread.channelId,
      ts: thread.threadTs,
      limit: PAGE_SIZE,
      cursor,
    });
    for (const raw of page.messages ?? []) {
      const message = readMessage(raw, thread.channelId);
      if (!message) continue;
      summary.messages++;
      const result = await ingestMessage(deps, message, { source: "collect", self });
      if (result.kind !== "stored") continue;
      if (result.created) summary.created++;
      else if (result.reply.text !== message.text) {
        if ((await applyEdit(deps, message)) === "edited") summary.edited++;
      }
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  await markCollected(deps.db, thread.id, deps.clock.now().toISO() ?? "");
}

/**
 * The thread's root shows the replies just collected ({@link refreshRoot}). With a queue
 * (`deps.enqueue`, in a worker) through the refresh-root job, as a reply from the Events API
 * asks for it: one path per thread, so this run's chat.update never races another refresh of
 * the same root, and a 429 is waited out (`Retry-After`) and retried there, so the root
 * catches up instead of staying behind until the thread changes again. Without a queue (a
 * processor run directly) the root is updated here, best effort: the replies are stored; a
 * failure (a 429 too) is logged.
 */
async function refreshRootOf(deps: JobDeps, thread: ReminderThread): Promise<void> {
  const { cutoffId, institutionId } = thread;
  if (deps.enqueue && (await requestRootRefresh(deps, cutoffId, institutionId))) return;
  try {
    await refreshRoot(deps, cutoffId, institutionId);
  } catch (error) {
    deps.logger.warn(
      { channel: thread.channelId, ts: thread.threadTs, err: String(error) },
      "reminder thread root not updated",
    );
  }
}

/** The app's bot user and bot ids (auth.test), so its own messages are never taken as replies. */
async function botIdentity(deps: JobDeps): Promise<BotIdentity> {
  const auth = await deps.slack.auth.test();
  return { botUserId: auth.user_id, botId: auth.bot_id };
}

async function delay(ctx: JobContext, ms: number): Promise<never> {
  await ctx.job.moveToDelayed(Date.now() + ms, ctx.token);
  throw new DelayedError();
}
