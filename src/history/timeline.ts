/**
 * A task's timeline for `/task N history`: the imported status and later changes (audit log),
 * every reply and status claim (withdrawn ones marked), and the reminders sent to its
 * institutions for cut-offs that asked about it. Newest first. Times are UTC ISO.
 */
import { repliesOfTask, sentRemindersTo } from "../../db/activity.ts";
import { auditFor } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { findCutoff } from "../../db/cutoffs.ts";
import { scopeOfCutoff } from "../../db/scope.ts";
import { OVERDUE_KIND } from "../domain/reminder-plan.ts";
import { truncateText } from "../slack/fit.ts";
import { messageLink } from "../slack/render-task-cutoff.ts";

/** Characters of a reply shown in the timeline. */
export const HISTORY_EXCERPT_MAX = 240;

/** One entry of a task's timeline. */
export type TimelineEntry =
  | { kind: "imported"; at: string; status: string | null; actor: string }
  | { kind: "status"; at: string; before: string | null; after: string | null; actor: string }
  | { kind: "field"; at: string; field: string; actor: string }
  | {
      kind: "reply";
      at: string;
      institution: string;
      userId: string;
      cutoffTitle: string;
      excerpt: string;
      claim: string | null;
      verified: boolean;
      withdrawn: boolean;
      link: string | null;
    }
  | {
      kind: "reminder";
      at: string;
      institution: string;
      cutoffTitle: string;
      overdue: boolean;
      link: string | null;
    };

function json(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

async function auditEntries(db: Db, key: string): Promise<TimelineEntry[]> {
  const rows = await auditFor(db, "task", key);
  return rows.map((r): TimelineEntry => {
    if (r.action === "create") {
      const after = json(r.after) as { status?: string | null } | null;
      return { kind: "imported", at: r.at, status: after?.status ?? null, actor: r.actor };
    }
    if (r.field === "status")
      return {
        kind: "status",
        at: r.at,
        before: json(r.before) as string | null,
        after: json(r.after) as string | null,
        actor: r.actor,
      };
    return { kind: "field", at: r.at, field: r.field ?? "?", actor: r.actor };
  });
}

/**
 * The timeline of task `number` (id `taskId`) of the programme `programmeCode`, newest first.
 * `institutionIds` are the task's institutions (whose reminders count).
 */
export async function taskTimeline(
  db: Db,
  task: { programmeCode: string; number: string; taskId: number; institutionIds: number[] },
): Promise<TimelineEntry[]> {
  const entries = await auditEntries(db, `${task.programmeCode}:${task.number}`);
  for (const r of await repliesOfTask(db, task.taskId)) {
    entries.push({
      kind: "reply",
      at: r.receivedAt,
      institution: r.institutionCode,
      userId: r.userId,
      cutoffTitle: r.cutoffTitle,
      excerpt: truncateText(r.text.replace(/\s+/g, " "), HISTORY_EXCERPT_MAX),
      claim: r.statusClaim,
      verified: r.verified,
      withdrawn: r.withdrawnAt !== null,
      link: r.channelId === "modal" ? null : messageLink(r.channelId, r.ts),
    });
  }
  const asked = new Map<number, boolean>();
  for (const r of await sentRemindersTo(db, task.institutionIds)) {
    if (!asked.has(r.cutoffId)) {
      const cutoff = await findCutoff(db, r.cutoffId);
      const scope = cutoff ? await scopeOfCutoff(db, cutoff) : [];
      asked.set(
        r.cutoffId,
        scope.some((t) => t.number === task.number),
      );
    }
    if (!asked.get(r.cutoffId)) continue;
    entries.push({
      kind: "reminder",
      at: r.sentAt ?? r.scheduledAt,
      institution: r.institutionCode,
      cutoffTitle: r.cutoffTitle,
      overdue: r.kind === OVERDUE_KIND,
      link: r.channelId && r.messageTs ? messageLink(r.channelId, r.messageTs) : null,
    });
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}
