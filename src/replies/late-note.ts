/**
 * What a reply's author is told when the reply, filed under a task, came after its cut-off's
 * time: the same thing the views say of it (src/domain/late-reply.ts). A first answer after the
 * cut-off is "(pēc ziņošanas termiņa)"; a reply to a task the institution had already answered
 * in time is "(papildināts pēc ziņošanas termiņa)" — a supplement, the in-time answer stands
 * ({@link answeredInTime}, `lateMark`: the rule `/task`, the reminder's root, the Home and
 * the digest use). A reply filed under no task gets no such note: it is no answer to a task yet
 * (its assign prompt says what to do); it is told once its author files it under a task (the
 * assign button's answer, the edit's note).
 */
import type { Db } from "../../db/client.ts";
import { type Reply, repliesForTask } from "../../db/replies.ts";
import type { Locale } from "../config.ts";
import { answeredInTime, receivedLate } from "../domain/late-reply.ts";
import { replyText } from "../i18n/reply.ts";
import { formatInstant } from "../slack/format.ts";

/**
 * A reply received after its cut-off `id` (instant `at`, UTC ISO), filed under task `number`;
 * `supplemented`: the institution had answered that task in time for the cut-off (another
 * active verified reply at or before `at`), so the reply supplements it and is not late.
 */
export interface LateNote {
  id: number;
  at: string;
  number: string;
  supplemented: boolean;
}

/**
 * The note for `reply` (stored, filed under task `number`, task id `reply.taskId`) against its
 * live cut-off `cutoff` (id, instant UTC ISO): null when it is filed under no task (`taskId` or
 * `number` null), or was received at or before the cut-off ({@link receivedLate}). Reads the institution's active
 * replies to the task for that cut-off (not `reply` itself) to tell a supplement from a late
 * answer ({@link answeredInTime}, the digest's rule, as `lateMark` marks it).
 * @throws the store's errors.
 */
export async function lateNoteFor(
  db: Db,
  reply: Pick<Reply, "id" | "taskId" | "institutionId" | "receivedAt">,
  cutoff: { id: number; at: string },
  number: string | null,
): Promise<LateNote | null> {
  if (reply.taskId === null || number === null) return null;
  if (!receivedLate(reply.receivedAt, cutoff.at)) return null;
  const others = (await repliesForTask(db, reply.taskId, cutoff.id)).filter(
    (r) => r.id !== reply.id && r.institutionId === reply.institutionId && r.verified,
  );
  const supplemented = answeredInTime(
    others.map((r) => r.receivedAt),
    cutoff.at,
  );
  return { id: cutoff.id, at: cutoff.at, number, supplemented };
}

/**
 * The note's text in `locale`, the cut-off's time shown in `zone` to the minute
 * ({@link formatInstant}): `replyText.lateKept` or, for a supplement, `supplementKept`.
 */
export function lateNoteText(late: LateNote, locale: Locale, zone: string): string {
  const m = replyText(locale);
  const at = formatInstant(late.at, zone, locale);
  return late.supplemented
    ? m.supplementKept(late.id, at, late.number)
    : m.lateKept(late.id, at, late.number);
}
