/**
 * Which task a reply was filed under before it was moved since the previous digest: a reply
 * edited from "14: …" to "5: …" is listed under 5 with "(pārcelta no *14*)" / "(moved from
 * *14*)", so the working group, which read it under 14, is not left to think 14 lost an answer
 * and 5 gained a new one. The source is the one `/task N history` reads for moves: the audited
 * changes of a reply's task (`replyMoves`, db/reply-story.ts). Reads only.
 */
import type { Db } from "../../db/client.ts";
import { replyMoves } from "../../db/reply-story.ts";
import { type ChangeWindow, inWindow } from "./changed.ts";

/**
 * For each of `replies` moved to another task in `window` (the digest's [previous digest's
 * `builtAt`, its own), UTC ISO; see changed.ts), by reply id, the task number it was filed under
 * before the first such move (null: under no task). A reply moved away and back (its task now the
 * one it had) is left out, as is one not moved in it. One query per 500 replies (`replyMoves`),
 * never one per reply.
 */
export async function movedFromSince(
  db: Db,
  replies: ReadonlyArray<{ id: number; taskNumber: string | null }>,
  window: ChangeWindow,
): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  if (replies.length === 0) return out;
  const moves = await replyMoves(
    db,
    replies.map((r) => r.id),
  );
  for (const r of replies) {
    const first = (moves.get(r.id) ?? []).find((m) => inWindow(m.at, window));
    if (first && first.before !== r.taskNumber) out.set(r.id, first.before);
  }
  return out;
}
