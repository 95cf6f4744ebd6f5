import type { JobsOptions, Queue } from "bullmq";
import { DateTime } from "luxon";
import { collect, jobIds } from "../../jobs/index.ts";

/**
 * Options of collection runs: a few retries with backoff (the next scheduled run comes anyway);
 * finished runs are not kept long, failed ones a week for inspection.
 */
export const COLLECT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { count: 100 },
  removeOnFail: { age: 7 * 24 * 3600 },
} satisfies JobsOptions;

/**
 * Schedules the collection job: a BullMQ job scheduler running it every `everyMs`
 * (COLLECT_EVERY; upserting is idempotent, so every process may call it) plus one run now,
 * because an existing scheduler does not run at once when a process restarts. `startedAt`
 * (epoch ms, wall time) names this start's run, so each start gets one.
 * Source: BullMQ docs/gitbook/guide/job-schedulers/README.md
 */
export async function scheduleCollection(
  queue: Queue,
  everyMs: number,
  startedAt: number = Date.now(),
): Promise<void> {
  await queue.upsertJobScheduler(
    collect.name,
    { every: everyMs },
    { name: collect.name, data: { trigger: "schedule" }, opts: COLLECT_JOB_OPTIONS },
  );
  const data: collect.Data = {
    trigger: "start",
    at: DateTime.fromMillis(startedAt, { zone: "utc" }).toISO() ?? "",
  };
  await queue.add(collect.name, data, {
    ...COLLECT_JOB_OPTIONS,
    jobId: jobIds[collect.name](data),
  });
}
