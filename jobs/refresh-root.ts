import { type DeduplicationOptions, DelayedError } from "bullmq";
import { DateTime } from "luxon";
import type { Logger } from "../src/logger.ts";
import { type RootOutcome, refreshRoot } from "../src/reminders/root.ts";
import { rateLimitedFor } from "../src/slack/web.ts";
import type { JobContext, JobDeps } from "./types.ts";

/** Job name. */
export const name = "refresh-root";

/** Plain JSON: whose thread, and the end of the window the changes were gathered in. */
export interface Data {
  cutoffId: number;
  institutionId: number;
  /** UTC ISO (wall time): the job does nothing before it, so changes until then share it. */
  notBefore: string;
}

/**
 * Changes to one thread within this many ms (a burst of replies, a reply and its edit) share
 * one job, so one chat.update (Tier 3, ~50 a minute: https://api.slack.com/methods/chat.update).
 */
export const ROOT_REFRESH_WINDOW_MS = 3_000;

/** Deterministic BullMQ job id: one job per thread and window. */
export function jobId(data: Data): string {
  const at = DateTime.fromISO(data.notBefore).toMillis();
  return `root-${data.cutoffId}-${data.institutionId}-${at}`;
}

/**
 * Ms from now (`nowMs`, epoch ms; default the system clock, as the queue's delays are) until
 * the job's window closes (`notBefore`); ≤ 0 once it has. `enqueueJob` adds the job delayed by
 * this, so it is never active before its window closes: BullMQ's `keepLastIfActive` would keep
 * a request of the same window made while it ran as the next job under the SAME job id, and
 * on completion that job's hash would overwrite the completed one's (BullMQ 6
 * requeueDeduplicatedJob) — an undefined state.
 */
export function dueIn(data: Data, nowMs: number = Date.now()): number {
  return DateTime.fromISO(data.notBefore).toMillis() - nowMs;
}

/**
 * One refresh of a thread's root at a time: BullMQ deduplication by thread with
 * `keepLastIfActive`, so at most one job per thread waits (or is delayed) and one runs. A
 * request while one waits is dropped — that job has not read the store yet and will show the
 * change; a request while one runs is kept (the latest only) and becomes a job when the running
 * one finishes, so it reads the store after the running one's chat.update has landed. Two
 * windows' jobs therefore never overlap, and a slow chat.update of an older read can no longer
 * land after a newer one and show older replies. The key has no TTL; BullMQ clears it when the
 * job completes or fails for good (not on a retry or a `moveToDelayed`).
 * Source: BullMQ 6 DeduplicationOptions.keepLastIfActive (docs.bullmq.io, guide/jobs/deduplication).
 */
export function deduplication(data: Data): DeduplicationOptions {
  return { id: `root-${data.cutoffId}-${data.institutionId}`, keepLastIfActive: true };
}

/**
 * Brings the thread's root message in line with the store ({@link refreshRoot}) once its window
 * has closed. The job is added delayed until `notBefore` ({@link dueIn}), so every change of
 * the window (each asked for the same job id, or dropped by {@link deduplication} while this
 * job waits) is read by the one run; should it still be picked up early (clocks of two
 * processes apart), it goes back to the queue until `notBefore`; the store is read right before chat.update, and no other
 * refresh of the thread runs meanwhile ({@link deduplication}). Slack's 429 puts it back for
 * `Retry-After`; other transient errors throw for BullMQ to retry (default options: ten
 * attempts with backoff); a root that cannot be updated any more is logged and done.
 */
export async function process(data: Data, deps: JobDeps, ctx: JobContext): Promise<RootOutcome> {
  const wait = dueIn(data);
  if (wait > 0) return delay(ctx, wait);
  try {
    return await refreshRoot(deps, data.cutoffId, data.institutionId);
  } catch (error) {
    const retryIn = rateLimitedFor(error);
    if (retryIn !== null) return delay(ctx, retryIn);
    throw error;
  }
}

/**
 * How a caller adds the job: `CommandDeps.enqueue` (absent without Redis), i.e. `enqueueJob`,
 * which adds it delayed until `notBefore` ({@link dueIn}).
 */
export type EnqueueRoot = (jobName: typeof name, data: Data) => Promise<string>;

/**
 * What an {@link EnqueueRoot} throws when it finds no queue to add to (the CLI with no Redis
 * reached): {@link requestRootRefresh} then promises nothing, quietly — the reason (no app,
 * Redis silent) is told once elsewhere.
 */
export class NoQueueError extends Error {
  constructor(why: string) {
    super(`no job queue: ${why}`);
    this.name = "NoQueueError";
  }
}

/**
 * Asks for the root of the institution's thread for the cut-off to be brought up to date, at
 * the end of the current {@link ROOT_REFRESH_WINDOW_MS} window (wall time, as the queue's
 * delays are). Call it after the change is stored (a reply, its edit, withdrawal or new task,
 * a moved cut-off). Returns whether it was queued. Never throws and never waits on Slack:
 * without a queue (no `enqueue`, or one throwing {@link NoQueueError}), or when Redis fails, the root stays as it was (logged) — the stored reply
 * is not touched.
 */
export async function requestRootRefresh(
  deps: { enqueue?: EnqueueRoot; logger: Logger },
  cutoffId: number,
  institutionId: number,
): Promise<boolean> {
  if (!deps.enqueue) return false;
  const end = (Math.floor(Date.now() / ROOT_REFRESH_WINDOW_MS) + 1) * ROOT_REFRESH_WINDOW_MS;
  const notBefore = DateTime.fromMillis(end, { zone: "utc" }).toISO() ?? "";
  try {
    const data = { cutoffId, institutionId, notBefore };
    const job = await deps.enqueue(name, data);
    // `job` is another job's id when the request joined a refresh already waiting or running.
    deps.logger.debug({ cutoffId, institutionId, job, asked: jobId(data) }, "root refresh queued");
    return true;
  } catch (error) {
    if (error instanceof NoQueueError) {
      deps.logger.debug({ cutoffId, institutionId, err: error.message }, "root refresh: no queue");
      return false;
    }
    deps.logger.warn(
      { cutoffId, institutionId, err: error instanceof Error ? error.message : String(error) },
      "reminder thread root refresh not queued",
    );
    return false;
  }
}

async function delay(ctx: JobContext, ms: number): Promise<never> {
  await ctx.job.moveToDelayed(Date.now() + ms, ctx.token);
  throw new DelayedError();
}
