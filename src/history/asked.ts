/**
 * Whether a sent reminder asked about a task, for `/task N history`. The store keeps no list of
 * the tasks a sent reminder named (no column for it; adding one needs a migration), so it is
 * derived by the sender's own rule (jobs/send-reminder.ts lists `institutionProgress(...).open`,
 * src/reminders/reminded.ts `answeredTaskIds`): a reminder to an institution for a cut-off asked
 * about a task in scope unless, when it went out, a verified reply of that institution to that
 * cut-off was filed under the task — stored by then (`stored_at`, what the sender could read,
 * not the message's post time), not yet withdrawn, and under that task at that instant (its
 * audited moves, entity "reply" field "task", say which task it had then).
 * Known limit: a reply stored between the sender's read and its sent mark (milliseconds) counts
 * as known to it.
 */
import type { ReplyMove } from "../../db/reply-story.ts";
import type { TaskReplies } from "./reply-story.ts";

/** A reply as the rule needs it: its task now and its audited moves, oldest first. */
export interface AnsweringReply {
  cutoffId: number;
  institutionCode: string;
  verified: boolean;
  /** When the app stored it (UTC ISO). */
  storedAt: string;
  /** When it was withdrawn (ISO), or null. */
  withdrawnAt: string | null;
  /** The task number it is filed under now (null: none). */
  taskNumber: string | null;
  moves: readonly Pick<ReplyMove, "at" | "before" | "after">[];
}

/** The task number `r` was filed under at instant `at` (ms since epoch). Pure. */
function taskAt(r: AnsweringReply, at: number): string | null {
  const done = r.moves.filter((m) => Date.parse(m.at) <= at);
  const last = done.at(-1);
  if (last) return last.after;
  return r.moves[0] ? r.moves[0].before : r.taskNumber;
}

/**
 * Whether `institutionCode`'s reminder for cut-off `cutoffId` sent at `sentAt` (ISO) found task
 * `number` already answered by one of `replies` (see the module comment), so did not list it.
 * Pure.
 */
export function answeredWhenSent(
  replies: readonly AnsweringReply[],
  reminder: { cutoffId: number; institutionCode: string; sentAt: string },
  number: string,
): boolean {
  const at = Date.parse(reminder.sentAt);
  return replies.some(
    (r) =>
      r.verified &&
      r.cutoffId === reminder.cutoffId &&
      r.institutionCode === reminder.institutionCode &&
      Date.parse(r.storedAt) <= at &&
      (r.withdrawnAt === null || Date.parse(r.withdrawnAt) > at) &&
      taskAt(r, at) === number,
  );
}

/**
 * The replies that are or ever were filed under the task, with their moves, as the timeline read
 * them ({@link TaskReplies}): what {@link answeredWhenSent} reads. Pure.
 */
export function answeringReplies(read: TaskReplies): AnsweringReply[] {
  return [...read.own, ...read.others].map((r) => ({
    cutoffId: r.cutoffId,
    institutionCode: r.institutionCode,
    verified: r.verified,
    storedAt: r.storedAt,
    withdrawnAt: r.withdrawnAt,
    taskNumber: r.taskNumber,
    moves: read.moves.get(r.id) ?? [],
  }));
}
