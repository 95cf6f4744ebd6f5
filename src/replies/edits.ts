import type { Db } from "../../db/client.ts";
import { editReply, findReplyByMessage, withdrawReply } from "../../db/replies.ts";
import type { Clock } from "../time.ts";

/** What an edit or a deletion did: changed a stored reply, or nothing (unknown message, same text). */
export type ChangeResult = "edited" | "unchanged" | "withdrawn" | "unknown";

/**
 * A `message_changed` event (or a changed text the collection job found): replaces the stored
 * reply's text, keeping the previous one in its history (`reply_edits`). Messages that are not
 * stored replies are ignored. The task attribution stays as it was.
 * Source: https://api.slack.com/events/message/message_changed
 */
export async function applyEdit(
  deps: { db: Db; clock: Clock },
  change: { channelId: string; ts: string; text: string },
): Promise<ChangeResult> {
  const reply = await findReplyByMessage(deps.db, change.channelId, change.ts);
  if (!reply) return "unknown";
  const at = deps.clock.now().toISO() ?? "";
  return (await editReply(deps.db, reply.id, change.text, at)) ? "edited" : "unchanged";
}

/**
 * A `message_deleted` event: marks the stored reply withdrawn (it stays in the store, and no
 * longer counts as an answer). Messages that are not stored replies are ignored.
 * Source: https://api.slack.com/events/message/message_deleted
 */
export async function applyDeletion(
  deps: { db: Db; clock: Clock },
  deleted: { channelId: string; ts: string },
): Promise<ChangeResult> {
  const reply = await findReplyByMessage(deps.db, deleted.channelId, deleted.ts);
  if (!reply) return "unknown";
  if (reply.withdrawnAt !== null) return "unchanged";
  await withdrawReply(deps.db, reply.id, deps.clock.now().toISO() ?? "");
  return "withdrawn";
}
