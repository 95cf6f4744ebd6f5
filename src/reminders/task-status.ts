import type { DateTime } from "luxon";
import type { Db } from "../../db/client.ts";
import { activeCutoff, type Cutoff } from "../../db/cutoffs.ts";
import { nextReminderAmong } from "../../db/reminders.ts";
import { repliesForTask } from "../../db/replies.ts";
import type { StoredTaskDetail } from "../../db/tasks.ts";
import { inScope } from "../domain/scope.ts";

/** How long after a cut-off `/task` keeps showing it (replies still arrive): 30 days. */
export const CUTOFF_GRACE_DAYS = 30;

/**
 * A task's state for the active reporting cut-off, as `/task N` shows it: which of its
 * institutions have replied (with their latest reply) and when the next reminder goes out.
 * Times are UTC ISO.
 */
export interface TaskCutoffStatus {
  cutoff: { id: number; at: string; title: string };
  institutions: Array<{
    code: string;
    latest: {
      text: string;
      userId: string;
      at: string;
      channelId: string;
      ts: string;
      verified: boolean;
    } | null;
  }>;
  nextReminderAt: string | null;
}

/**
 * The reporting cut-off `/task` refers to at `now`: the next one not yet passed, else the
 * latest that passed within the last {@link CUTOFF_GRACE_DAYS} days (replies still arrive
 * then), else undefined.
 */
export function cutoffShownAt(db: Db, now: DateTime): Promise<Cutoff | undefined> {
  return activeCutoff(
    db,
    now.toUTC().toISO() ?? "",
    now.minus({ days: CUTOFF_GRACE_DAYS }).toUTC().toISO() ?? "",
  );
}

/**
 * The status of `task` (as `findTaskDetail` read it) for `cutoff` (see {@link cutoffShownAt}),
 * or null when there is none, it belongs to another programme, or the task is not in its
 * scope (see `inScope`). `planned` holds the cut-off's planned reminder times by institution
 * (`plannedReminderTimes`, read once for all tasks). One indexed query (the task's replies),
 * whatever the programme's size: the task and its institutions are the ones already read.
 */
export async function taskCutoffStatus(
  db: Db,
  task: StoredTaskDetail,
  cutoff: Cutoff | undefined,
  planned: ReadonlyMap<number, readonly string[]>,
  now: DateTime,
): Promise<TaskCutoffStatus | null> {
  if (!cutoff || cutoff.programmeId !== task.programmeId) return null;
  const scopable = {
    number: task.number,
    status: task.status,
    recurrence: task.deadline.recurrence,
    hasChildren: task.children.length > 0,
  };
  if (!inScope(scopable, cutoff.taskNumbers)) return null;
  const replies = await repliesForTask(db, task.taskId, cutoff.id);
  const next = nextReminderAmong(
    planned,
    task.institutions.map((i) => i.institutionId),
    now.toUTC().toISO() ?? "",
  );
  return {
    cutoff: { id: cutoff.id, at: cutoff.at, title: cutoff.title },
    institutions: task.institutions.map((i) => {
      const latest = replies.find((r) => r.institutionId === i.institutionId);
      return {
        code: i.code,
        latest: latest
          ? {
              text: latest.text,
              userId: latest.userId,
              at: latest.receivedAt,
              channelId: latest.channelId,
              ts: latest.ts,
              verified: latest.verified,
            }
          : null,
      };
    }),
    nextReminderAt: next,
  };
}
