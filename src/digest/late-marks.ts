/**
 * Which of the digest's reply lines are marked late: a reply received after its own cut-off's
 * time, by the one rule every view marks by ({@link receivedLate}, src/domain/late-reply.ts). A
 * reply of a removed cut-off (not among `listCutoffs`) is never late. Reads the store once.
 */
import type { ReplyActivity } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { receivedLate } from "../domain/late-reply.ts";

/**
 * A function telling whether a reply is late against its live cut-off's time (UTC ISO, from
 * the store now); false for a reply whose cut-off has been removed.
 * @throws the store's errors.
 */
export async function lateMarker(db: Db): Promise<(r: ReplyActivity) => boolean> {
  const cutoffAt = new Map((await listCutoffs(db)).map((c) => [c.id, c.at]));
  return (r) => {
    const at = cutoffAt.get(r.cutoffId);
    return at !== undefined && receivedLate(r.receivedAt, at);
  };
}
