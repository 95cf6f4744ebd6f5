/**
 * A task's timeline for `/task N history`: the imported status and later changes (audit log),
 * every reply first filed under it and its status claim (a withdrawn one marked, without its
 * text or link, and its deletion an entry of its own; a late one marked), each edit of those
 * replies with its text before and after, each reply moved to or away from the task (audit log,
 * entity "reply"; see reply-story.ts), and the reminders sent to its institutions for cut-offs
 * that asked about it (removed cut-offs too, with when they were removed).
 * Newest first. Times are UTC ISO.
 */
import { sentRemindersTo } from "../../db/activity.ts";
import { auditFor } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { replyCutoff } from "../../db/cutoffs.ts";
import { OVERDUE_KIND } from "../domain/reminder-plan.ts";
import { inScope } from "../domain/scope.ts";
import type { Recurrence, TaskStatus } from "../domain/types.ts";
import { messageLink } from "../slack/render-task-cutoff.ts";
import { answeredWhenSent, answeringReplies } from "./asked.ts";
import { readTaskReplies, replyEntries, type TaskReplies } from "./reply-story.ts";
import type { TextChange } from "./text-change.ts";

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
      /** The reply's cut-off, named "#N" as `/task` names it. */
      cutoffId: number;
      excerpt: string;
      claim: string | null;
      verified: boolean;
      withdrawn: boolean;
      /** Received after its cut-off's instant: "(pēc ziņošanas termiņa)", as `/task` marks it. */
      late: boolean;
      /**
       * Late, and its institution had answered the task in time for that cut-off: "(papildināts
       * pēc ziņošanas termiņa)" instead, as `/task` and the digest mark it (`lateMarksOf`).
       * Absent: false.
       */
      supplement?: boolean;
      /** The message's link; null for a form's reply or a withdrawn one (its message is gone). */
      link: string | null;
    }
  | {
      /** A reply withdrawn (its message deleted), at the time it was: an event of its own. */
      kind: "replyDeleted";
      at: string;
      institution: string;
      userId: string;
      cutoffId: number;
      /** When the reply was received (UTC ISO). */
      receivedAt: string;
    }
  | {
      kind: "replyEdit";
      at: string;
      institution: string;
      userId: string;
      cutoffId: number;
      link: string | null;
      /** The text before and after, around what changed (Slack's stored form); null: withdrawn. */
      change: TextChange | null;
    }
  | {
      /** A reply attributed to another task: `from` this one (or none), `to` this one or another. */
      kind: "replyMoved";
      at: string;
      institution: string;
      userId: string;
      cutoffId: number;
      actor: string;
      from: string | null;
      /** The task it went to; null: none (an edit naming only a task not asked took it off). */
      to: string | null;
      /** True when the reply came to this task, false when it left it. */
      here: boolean;
      link: string | null;
      /** When the reply was received (UTC ISO). */
      receivedAt: string;
      /** Received after its cut-off's instant (said beside `receivedAt`). */
      late: boolean;
      /**
       * Moved away: the text it had on this task; moved here not by an edit: the text it came
       * with; as an excerpt (Slack's form). Null when moved here by an edit, or withdrawn.
       */
      excerpt: string | null;
      /** Moved here by an edit (its author naming this task): the text before and after. */
      change: TextChange | null;
      /** The reply was withdrawn later: no text is shown. */
      withdrawn: boolean;
    }
  | {
      kind: "reminder";
      at: string;
      institution: string;
      /** Its cut-off, named "#N „title”" as `/task` names another cut-off. */
      cutoffId: number;
      cutoffTitle: string;
      overdue: boolean;
      link: string | null;
      /** When its cut-off was removed (`/cutoff remove`; UTC ISO), or null. */
      cutoffRemovedAt: string | null;
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
 * The timeline of task `number` (id `taskId`) of the programme `programmeCode` (id
 * `programmeId`), newest first. `institutionIds` are the task's institutions (whose reminders
 * count).
 */
export async function taskTimeline(
  db: Db,
  task: {
    programmeId: number;
    programmeCode: string;
    number: string;
    taskId: number;
    institutionIds: number[];
  },
): Promise<TimelineEntry[]> {
  const entries = await auditEntries(db, `${task.programmeCode}:${task.number}`);
  const statusChanges = entries.filter((e) => e.kind === "status");
  const replies = await readTaskReplies(db, task);
  entries.push(...(await replyEntries(db, task, replies, HISTORY_EXCERPT_MAX)));
  entries.push(...(await remindersAsking(db, task, statusChanges, replies)));
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * The reminders sent to the task's institutions for cut-offs of its programme that asked about
 * it: an explicit list naming it, or the default scope with the task's status as it was when
 * the reminder went out (the status before the first audited change after it); and that still
 * listed it then: the institution had not answered it yet ({@link answeredWhenSent}, the
 * sender's rule derived from the replies, as no sent reminder's task list is stored).
 */
async function remindersAsking(
  db: Db,
  task: { programmeId: number; number: string; taskId: number; institutionIds: number[] },
  statusChanges: ReadonlyArray<Extract<TimelineEntry, { kind: "status" }>>,
  replies: TaskReplies,
): Promise<TimelineEntry[]> {
  const row = await db
    .selectFrom("tasks")
    .select(["status", "recurrence"])
    .where("id", "=", task.taskId)
    .executeTakeFirst();
  const child = await db
    .selectFrom("tasks")
    .select("id")
    .where("programme_id", "=", task.programmeId)
    .where("parent_number", "=", task.number)
    .executeTakeFirst();
  const statusAt = (at: string): TaskStatus | null => {
    const later = statusChanges.filter((c) => c.at > at).sort((a, b) => a.at.localeCompare(b.at));
    return (later[0] ? later[0].before : (row?.status ?? null)) as TaskStatus | null;
  };
  const cutoffs = new Map<
    number,
    { programmeId: number; taskNumbers: string[] | null; removedAt: string | null } | null
  >();
  const out: TimelineEntry[] = [];
  const sent = await sentRemindersTo(db, task.institutionIds);
  const answering = answeringReplies(replies);
  for (const r of sent) {
    if (!cutoffs.has(r.cutoffId)) {
      const found = await replyCutoff(db, r.cutoffId);
      cutoffs.set(r.cutoffId, found ? { ...found.cutoff, removedAt: found.removedAt } : null);
    }
    const cutoff = cutoffs.get(r.cutoffId);
    if (!cutoff || cutoff.programmeId !== task.programmeId) continue;
    const at = r.sentAt ?? r.scheduledAt;
    const scopable = {
      number: task.number,
      status: statusAt(at),
      recurrence: (row?.recurrence ?? null) as Recurrence | null,
      hasChildren: child !== undefined,
    };
    if (!inScope(scopable, cutoff.taskNumbers)) continue;
    const reminder = { cutoffId: r.cutoffId, institutionCode: r.institutionCode, sentAt: at };
    if (answeredWhenSent(answering, reminder, task.number)) continue;
    out.push({
      kind: "reminder",
      at,
      institution: r.institutionCode,
      cutoffId: r.cutoffId,
      cutoffTitle: r.cutoffTitle,
      overdue: r.kind === OVERDUE_KIND,
      link: r.channelId && r.messageTs ? messageLink(r.channelId, r.messageTs) : null,
      cutoffRemovedAt: cutoff.removedAt,
    });
  }
  return out;
}
