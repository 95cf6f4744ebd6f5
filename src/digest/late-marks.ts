/**
 * How the digest's reply lines are marked against their cut-off, by the rule every view marks
 * by (src/domain/late-reply.ts): a reply received after its own cut-off's time
 * (`receivedLate`) is `late`; when its institution had answered the same task in time for
 * that cut-off (`answeredInTime`: an active verified reply at or before its time, the
 * digest's own count in institutions.ts) it is also a `supplement`, shown "(papildināts pēc
 * ziņošanas termiņa)" as `/task`, the reminder's root and the Home show it, not late (the rule:
 * `lateMarksOf`, shared with `npm run cli -- replies` and `/task N history`). A reply of a
 * removed cut-off (not among `listCutoffs`) is never late.
 */
import { type ReplyActivity, repliesOfCutoff } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { type LateMarks, lateMarksOf, receivedLate } from "../domain/late-reply.ts";

/**
 * A function giving a reply's {@link LateMarks} (`DigestReply.late`, `.supplement`), against
 * the store now. Reads the live cut-offs, then the active replies of each cut-off a late reply
 * among `replies` (the ones the digest will mark) is filed to; the rule is
 * {@link lateMarksOf}'s. A reply not among `replies` whose cut-off was not read is marked late.
 * @throws the store's errors.
 */
export async function lateMarker(
  db: Db,
  replies: Iterable<ReplyActivity>,
): Promise<(r: ReplyActivity) => LateMarks> {
  const cutoffAt = new Map((await listCutoffs(db)).map((c) => [c.id, c.at]));
  const cutoffIds = new Set<number>();
  for (const r of replies) {
    const at = cutoffAt.get(r.cutoffId);
    if (r.taskNumber !== null && at !== undefined && receivedLate(r.receivedAt, at))
      cutoffIds.add(r.cutoffId);
  }
  const answers: ReplyActivity[] = [];
  for (const id of cutoffIds) answers.push(...(await repliesOfCutoff(db, id)));
  return lateMarksOf(cutoffAt, answers);
}
