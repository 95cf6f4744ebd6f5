import type { Db } from "../../db/client.ts";
import { getMapping, type InstitutionMapping } from "../../db/contacts.ts";
import type { Cutoff } from "../../db/cutoffs.ts";
import { institutionReplies, type Reply } from "../../db/replies.ts";
import { type InstitutionTask, institutionScope } from "../../db/scope.ts";
import { answeredInTime } from "../domain/late-reply.ts";
import { shownReplies } from "../domain/shown-reply.ts";
import type { ReminderTask, Unmentioned } from "../slack/render-reminder.ts";
import { answeredTaskIds } from "./reminded.ts";

/** An institution's part in a cut-off: its tasks in scope and which of them still lack a reply. */
export interface InstitutionProgress {
  mapping: InstitutionMapping;
  /** The institution's tasks in scope, report order. */
  tasks: InstitutionTask[];
  /** Numbers of tasks in scope with no active reply from this institution for this cut-off. */
  open: string[];
  /** Active replies of the institution for this cut-off, oldest first. */
  replies: Reply[];
}

/**
 * Reads what the store knows of one institution for one cut-off. A task counts as answered
 * (`answeredTaskIds`) when a verified reply (by any of the institution's contacts) is
 * attributed to it — issue: "an institution is answered when any of its contacts answers";
 * a non-contact's reply is kept
 * but does not stop the reminders;
 * withdrawn replies do not count. Indexed look-ups of this institution only: the cost does not
 * grow with the programme or the number of institutions.
 * @throws Error when the institution does not exist.
 */
export async function institutionProgress(
  db: Db,
  cutoff: Cutoff,
  institutionId: number,
): Promise<InstitutionProgress> {
  const mapping = await getMapping(db, institutionId);
  if (!mapping) throw new Error(`institution ${institutionId} not found`);
  const tasks = await institutionScope(db, cutoff, institutionId);
  const replies = await institutionReplies(db, cutoff.id, institutionId);
  const answered = answeredTaskIds(replies);
  return {
    mapping,
    tasks,
    open: tasks.filter((t) => !answered.has(t.taskId)).map((t) => t.number),
    replies,
  };
}

/** Contacts to mention on `date` (ISO date in Riga): those not away on that day, in mapping order. */
export function availableContacts(mapping: InstitutionMapping, date: string): string[] {
  return mapping.contacts
    .filter((c) => c.awayUntil === null || c.awayUntil < date)
    .map((c) => c.userId);
}

/**
 * Whom a reminder sent on `date` (ISO date in Riga) addresses: the contacts to mention
 * ({@link availableContacts}) and, when there are none, why — no contact people at all, or all
 * away, `until` the earliest last day away among them — for the message to say so.
 */
export function addressees(
  mapping: InstitutionMapping,
  date: string,
): { mentions: string[]; unmentioned: Unmentioned | null } {
  const mentions = availableContacts(mapping, date);
  if (mentions.length > 0) return { mentions, unmentioned: null };
  const returns = mapping.contacts.flatMap((c) => (c.awayUntil === null ? [] : [c.awayUntil]));
  const until = returns.sort()[0];
  return {
    mentions,
    unmentioned: until === undefined ? { reason: "no_contacts" } : { reason: "all_away", until },
  };
}

/**
 * The tasks a reminder lists (those in `numbers`), each with the institution's last reply to it
 * for this cut-off only — the newest verified one (by a contact), else the newest unverified
 * one, shown as such — so a reminder never reports an earlier cut-off's answer, nor lets a
 * stranger's word hide the institution's own (as `/task N` shows them). Reads nothing more:
 * the cut-off's active replies are already in `progress`. `inTime`: a verified reply to the task
 * came at or before `cutoffAt` (the cut-off's time, UTC ISO; {@link answeredInTime}, the
 * digest's rule), so a last reply received after it is "supplemented", not late; without
 * `cutoffAt` (a reminder listing only open tasks, none answered) it is false.
 */
export function reminderTasks(
  progress: InstitutionProgress,
  numbers: string[],
  cutoffAt?: string,
): ReminderTask[] {
  const wanted = new Set(numbers);
  const listed = progress.tasks.filter((t) => wanted.has(t.number));
  // `progress.replies` is oldest first.
  const latest = shownReplies(progress.replies, (reply) => reply.taskId);
  return listed.map((t) => {
    const last = latest.get(t.taskId);
    return {
      number: t.number,
      title: t.title,
      deadline: t.deadline,
      status: t.status,
      lastReply: last
        ? { text: last.text, userId: last.userId, at: last.receivedAt, verified: last.verified }
        : null,
      inTime:
        cutoffAt !== undefined &&
        answeredInTime(
          progress.replies
            .filter((r) => r.verified && r.taskId === t.taskId)
            .map((r) => r.receivedAt),
          cutoffAt,
        ),
    };
  });
}
