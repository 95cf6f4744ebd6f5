import type { DateTime } from "luxon";
import type { Db } from "../../db/client.ts";
import { activeCutoff } from "../../db/cutoffs.ts";
import { nextPlannedReminderAt } from "../../db/reminders.ts";
import { repliesForTask } from "../../db/replies.ts";
import { scopedTask } from "../../db/scope.ts";

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
 * The status for task `number` of programme `programmeId`, or null when there is no active
 * cut-off or the task is not in its scope.
 */
export async function taskCutoffStatus(
  db: Db,
  programmeId: number,
  number: string,
  now: DateTime,
): Promise<TaskCutoffStatus | null> {
  const cutoff = await activeCutoff(
    db,
    now.toISO() ?? "",
    now.minus({ days: CUTOFF_GRACE_DAYS }).toISO() ?? "",
  );
  if (!cutoff || cutoff.programmeId !== programmeId) return null;
  // One task's scope, replies and next reminder: indexed look-ups, not the whole programme.
  const task = await scopedTask(db, cutoff, number);
  if (!task) return null;
  const [replies, next] = await Promise.all([
    repliesForTask(db, task.taskId, cutoff.id),
    nextPlannedReminderAt(
      db,
      cutoff.id,
      task.institutions.map((i) => i.institutionId),
      now.toISO() ?? "",
    ),
  ]);
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
    nextReminderAt: next ?? null,
  };
}
