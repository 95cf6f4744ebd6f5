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
import { replyBody } from "../domain/attribution.ts";
import { OVERDUE_KIND } from "../domain/reminder-plan.ts";
import { truncateText } from "../slack/fit.ts";
import { messageLink } from "../slack/render-task-cutoff.ts";

/** Characters of a reply shown in the timeline. */
export const HISTORY_EXCERPT_MAX = 240;

/** One entry of a task's timeline. */
export type TimelineEntry =
  | { kind: "imported"; at: string; status: string | null; actor: string }
  | { kind: "status"; at: string; before: string | null; after: string | null; actor: string }
  | { kind: "change"; at: string; actor: string; changes: FieldChange[] }
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

/** One audited column of a task: its store name ("due_date") and JSON values before and after. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function json(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

/**
 * The task's audit log as timeline entries: its creation, each status change, and every other
 * update one person made at one instant (a deadline is three columns) as one "change" entry.
 */
async function auditEntries(db: Db, key: string): Promise<TimelineEntry[]> {
  const rows = await auditFor(db, "task", key);
  const out: TimelineEntry[] = [];
  for (const r of rows) {
    if (r.action === "create") {
      const after = json(r.after) as { status?: string | null } | null;
      out.push({ kind: "imported", at: r.at, status: after?.status ?? null, actor: r.actor });
    } else if (r.field === "status")
      out.push({
        kind: "status",
        at: r.at,
        before: json(r.before) as string | null,
        after: json(r.after) as string | null,
        actor: r.actor,
      });
    else {
      const change = { field: r.field ?? "?", before: json(r.before), after: json(r.after) };
      const last = out.at(-1);
      if (last?.kind === "change" && last.at === r.at && last.actor === r.actor)
        last.changes.push(change);
      else out.push({ kind: "change", at: r.at, actor: r.actor, changes: [change] });
    }
  }
  return out;
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
      excerpt: truncateText(
        replyBody(r.text, task.number).replace(/\s+/g, " "),
        HISTORY_EXCERPT_MAX,
      ),
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
