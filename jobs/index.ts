import type { DeduplicationOptions, JobsOptions, Queue } from "bullmq";
import * as buildDigest from "./build-digest.ts";
import * as collect from "./collect.ts";
import * as overdueSummary from "./overdue-summary.ts";
import * as refreshRoot from "./refresh-root.ts";
import * as sendReminder from "./send-reminder.ts";
import type { JobContext, JobDeps } from "./types.ts";

/** The one queue all of the app's jobs go through. */
export const QUEUE_NAME = "koordinators";

/** Every job: name → its data type and processor. */
export interface JobDataMap {
  [sendReminder.name]: sendReminder.Data;
  [overdueSummary.name]: overdueSummary.Data;
  [collect.name]: collect.Data;
  [buildDigest.name]: buildDigest.Data;
  [refreshRoot.name]: refreshRoot.Data;
}

/** A job name. */
export type JobName = keyof JobDataMap;

type Processor<K extends JobName> = (
  data: JobDataMap[K],
  deps: JobDeps,
  ctx: JobContext,
) => Promise<unknown>;

/** The typed registry the worker dispatches through. */
export const processors: { [K in JobName]: Processor<K> } = {
  [sendReminder.name]: sendReminder.process,
  [overdueSummary.name]: overdueSummary.process,
  [collect.name]: collect.process,
  [buildDigest.name]: buildDigest.process,
  [refreshRoot.name]: refreshRoot.process,
};

/** Deterministic job ids, so planning twice (or in two processes) adds nothing twice. */
export const jobIds: { [K in JobName]: (data: JobDataMap[K]) => string } = {
  [sendReminder.name]: sendReminder.jobId,
  [overdueSummary.name]: overdueSummary.jobId,
  [collect.name]: collect.jobId,
  [buildDigest.name]: buildDigest.jobId,
  [refreshRoot.name]: refreshRoot.jobId,
};

/**
 * Jobs that also collapse repeats into the job already there, whatever their ids: name → the
 * BullMQ deduplication options for a job's data (a digest's double submit; one refresh of a
 * thread's root at a time, see `refreshRoot.deduplication`).
 */
export const deduplications: {
  [K in JobName]?: (data: JobDataMap[K]) => DeduplicationOptions | undefined;
} = {
  [buildDigest.name]: buildDigest.deduplication,
  [refreshRoot.name]: refreshRoot.deduplication,
};

/**
 * Jobs that must not start before a time their data names: name → ms from now until then
 * (≤ 0 when due). {@link enqueueJob} adds such a job already delayed by at least that much,
 * whoever enqueues it and whatever `delayMs` they pass (see `refreshRoot.dueIn`).
 */
export const dueIns: { [K in JobName]?: (data: JobDataMap[K]) => number } = {
  [refreshRoot.name]: refreshRoot.dueIn,
};

/**
 * Options every job gets: transient failures are retried with exponential backoff (1 s, 2 s,
 * 4 s, … ten attempts); finished jobs are kept a day so a re-plan with the same id is a no-op.
 * See BullMQ docs/gitbook/guide/going-to-production.md.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** True when `name` is a job this app knows. */
export function isJobName(name: string): name is JobName {
  return Object.hasOwn(processors, name);
}

/**
 * Adds a job with its deterministic id and the default options; `delayMs` postpones it, and a
 * job in {@link dueIns} is postponed at least until the time its data names. Adding an id already queued (or finished within a day) is a no-op. Returns the job id —
 * another job's id when {@link deduplications} collapsed this one into it.
 */
export async function enqueueJob<K extends JobName>(
  queue: Queue,
  name: K,
  data: JobDataMap[K],
  delayMs = 0,
): Promise<string> {
  const jobId = jobIds[name](data);
  const dedup = (
    deduplications[name] as ((d: JobDataMap[K]) => DeduplicationOptions | undefined) | undefined
  )?.(data);
  const dueIn = (dueIns[name] as ((d: JobDataMap[K]) => number) | undefined)?.(data) ?? 0;
  const job = await queue.add(name, data, {
    ...DEFAULT_JOB_OPTIONS,
    jobId,
    delay: Math.max(0, delayMs, Math.ceil(dueIn)),
    ...(dedup ? { deduplication: dedup } : {}),
  });
  return job.id ?? jobId;
}

export { buildDigest, collect, overdueSummary, refreshRoot, sendReminder };
