/**
 * How the digest's reply lines are marked against their cut-off, by the rule every view marks
 * by (src/domain/late-reply.ts): a reply received after its own cut-off's time
 * ({@link receivedLate}) is `late`; when its institution had answered the same task in time for
 * that cut-off ({@link answeredInTime}: an active verified reply at or before its time, the
 * digest's own count in institutions.ts) it is also a `supplement`, shown "(papildināts pēc
 * ziņošanas termiņa)" as `/task`, the reminder's root and the Home show it, not late. A reply
 * of a removed cut-off (not among `listCutoffs`) is never late.
 */
import { type ReplyActivity, repliesOfCutoff } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { answeredInTime, receivedLate } from "../domain/late-reply.ts";

/**
 * A reply line's marks (`DigestReply.late`, `.supplement`): `late` when received after its live
 * cut-off's time; `supplement` (only then, and only set when true) when that institution had
 * answered the reply's task in time for the cut-off.
 */
export interface LateMarks {
  late: boolean;
  supplement?: true;
}

/** The key of an institution's answers to a task for a cut-off. */
function answerKey(cutoffId: number, code: string, task: string): string {
  return `${cutoffId}\u0000${code}\u0000${task}`;
}

/**
 * A function giving a reply's {@link LateMarks}, against the store now. Reads the live
 * cut-offs, then the active replies of each cut-off a late reply among `replies` (the ones the
 * digest will mark) is filed to; a reply filed under no task is late, never a supplement (it
 * answers no task yet). A reply not among `replies` whose cut-off was not read is marked late.
 * @throws the store's errors.
 */
export async function lateMarker(
  db: Db,
  replies: Iterable<ReplyActivity>,
): Promise<(r: ReplyActivity) => LateMarks> {
  const cutoffAt = new Map((await listCutoffs(db)).map((c) => [c.id, c.at]));
  const isLate = (r: ReplyActivity) => {
    const at = cutoffAt.get(r.cutoffId);
    return at !== undefined && receivedLate(r.receivedAt, at);
  };
  const cutoffIds = new Set<number>();
  for (const r of replies) if (r.taskNumber !== null && isLate(r)) cutoffIds.add(r.cutoffId);
  // Verified answers' times by cut-off, institution and task.
  const answers = new Map<string, string[]>();
  for (const id of cutoffIds)
    for (const a of await repliesOfCutoff(db, id)) {
      if (!a.verified || a.taskNumber === null) continue;
      const key = answerKey(id, a.institutionCode, a.taskNumber);
      answers.set(key, [...(answers.get(key) ?? []), a.receivedAt]);
    }
  return (r) => {
    if (!isLate(r)) return { late: false };
    const at = cutoffAt.get(r.cutoffId) ?? "";
    const ats =
      r.taskNumber === null
        ? []
        : (answers.get(answerKey(r.cutoffId, r.institutionCode, r.taskNumber)) ?? []);
    return answeredInTime(ats, at) ? { late: true, supplement: true } : { late: true };
  };
}
