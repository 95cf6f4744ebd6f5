import type { Queue } from "bullmq";
import { DateTime } from "luxon";
import type { Db } from "../../db/client.ts";
import { findCutoff, listCutoffs } from "../../db/cutoffs.ts";
import type { Reminder } from "../../db/reminders.ts";
import { DEFAULT_JOB_OPTIONS, jobIds, overdueSummary, sendReminder } from "../../jobs/index.ts";
import type { Config } from "../config.ts";
import { OVERDUE_KIND } from "../domain/reminder-plan.ts";
import type { Clock } from "../time.ts";
import { planCutoff } from "./plan.ts";

/** What (re)planning needs. */
export interface PlannerDeps {
  db: Db;
  config: Config;
  clock: Clock;
  queue: Queue;
}

/** What a re-plan did: jobs now in the plan and stale ones removed. */
export interface PlanResult {
  scheduled: number;
  removed: number;
}

/**
 * Rebuilds the BullMQ plan from the store — the store is the source of truth, so this is what
 * runs at start, after Redis lost everything, and after a cut-off or mapping changes.
 * For one cut-off (`cutoffId`) or all. Idempotent: jobs have deterministic ids (adding an
 * existing id is a no-op), and delayed/waiting jobs no longer in the plan (moved or removed
 * cut-off, changed scope or offsets) are removed.
 */
export async function replan(deps: PlannerDeps, cutoffId?: number): Promise<PlanResult> {
  const now = deps.clock.now();
  const nowIso = now.toISO() ?? "";
  const settings = {
    offsets: deps.config.reminderOffsets,
    time: deps.config.reminderTime,
    zone: deps.config.timezone,
  };
  const cutoffs =
    cutoffId === undefined
      ? await listCutoffs(deps.db)
      : [await findCutoff(deps.db, cutoffId)].filter((c) => c !== undefined);
  const expected = new Set<string>();
  let scheduled = 0;
  for (const cutoff of cutoffs) {
    const rows = await planCutoff(deps.db, cutoff, settings, nowIso);
    for (const row of rows) {
      const data = { reminderId: row.id, cutoffId: cutoff.id, at: row.scheduledAt };
      expected.add(await add(deps.queue, sendReminder.name, data, row.scheduledAt, now.toMillis()));
      scheduled++;
    }
    const overdue = rows.find((r: Reminder) => r.kind === OVERDUE_KIND);
    if (overdue) {
      const data = { cutoffId: cutoff.id, at: overdue.scheduledAt };
      expected.add(
        await add(deps.queue, overdueSummary.name, data, overdue.scheduledAt, now.toMillis()),
      );
      scheduled++;
    }
  }
  const removed = await removeStale(deps.queue, expected, cutoffId);
  return { scheduled, removed };
}

async function add(
  queue: Queue,
  name: typeof sendReminder.name | typeof overdueSummary.name,
  data: sendReminder.Data | overdueSummary.Data,
  atIso: string,
  nowMs: number,
): Promise<string> {
  const jobId =
    name === sendReminder.name
      ? jobIds[name](data as sendReminder.Data)
      : jobIds[name](data as overdueSummary.Data);
  const delay = Math.max(0, DateTime.fromISO(atIso).toMillis() - nowMs);
  await queue.add(name, data, { ...DEFAULT_JOB_OPTIONS, jobId, delay });
  return jobId;
}

/** Removes planned (delayed or waiting) reminder jobs not in `expected`; only of `cutoffId` when given. */
async function removeStale(
  queue: Queue,
  expected: Set<string>,
  cutoffId?: number,
): Promise<number> {
  let removed = 0;
  const jobs = await queue.getJobs(["delayed", "waiting", "prioritized"]);
  for (const job of jobs) {
    if (!job?.id || expected.has(job.id)) continue;
    if (job.name !== sendReminder.name && job.name !== overdueSummary.name) continue;
    if (cutoffId !== undefined && (job.data as { cutoffId?: number }).cutoffId !== cutoffId)
      continue;
    await job.remove().then(
      () => removed++,
      () => {},
    );
  }
  return removed;
}
