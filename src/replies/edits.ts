import { recordAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { replyCutoff } from "../../db/cutoffs.ts";
import {
  assignReply,
  editReply,
  findReplyByMessage,
  type Reply,
  withdrawReply,
} from "../../db/replies.ts";
import { type InstitutionTask, institutionScope } from "../../db/scope.ts";
import { leadingNumbers } from "../domain/attribution.ts";
import { replyText } from "../i18n/reply.ts";
import { renderNotice } from "../slack/render-reply-prompt.ts";
import type { Clock } from "../time.ts";
import { ephemeralOrDirect } from "./acknowledge.ts";
import { type ReplyDeps, sideEffect } from "./deps.ts";

/** What an edit or a deletion did: changed a stored reply, or nothing (unknown message, same text). */
export type ChangeResult = "edited" | "unchanged" | "withdrawn" | "unknown";

/**
 * A `message_changed` event (or a changed text the collection job found): replaces the stored
 * reply's text, keeping the previous one in its history (`reply_edits`). Messages that are not
 * stored replies are ignored, and so is an event that keeps the text (Slack sends one when it
 * unfurls a link): "unchanged" before any other store read. When the new text starts with the number of another task of the
 * institution in the cut-off ("2: …" edited to "14: …", or an unassigned reply edited to start
 * with a number; of a list, "14, 2: …", the first such task, as a new reply is filed; the cut-off may have been removed, its scope still counts), the reply moves to that task, audited as the assign button does (entity
 * "reply", field "task", actor the author) in the same transaction as the edit, and the author
 * is told privately. An edit that removes the number, or names a task outside the cut-off,
 * keeps the attribution; so does an edit of a withdrawn reply.
 * @throws Error only when the store fails (the note may fail alone: it is logged).
 * Source: https://api.slack.com/events/message/message_changed
 */
export async function applyEdit(
  deps: ReplyDeps,
  change: { channelId: string; ts: string; text: string },
): Promise<ChangeResult> {
  const reply = await findReplyByMessage(deps.db, change.channelId, change.ts);
  if (!reply) return "unknown";
  // Slack sends message_changed for unfurls and attachments too: no store reads for those.
  if (reply.text === change.text) return "unchanged";
  const at = deps.clock.now().toISO() ?? "";
  // The edit is stored even when the task cannot be worked out (it then stays as it was).
  const move = await retarget(deps.db, reply, change.text).catch((error: unknown) => {
    deps.logger.warn({ replyId: reply.id, err: String(error) }, "edit not re-attributed");
    return null;
  });
  const edited = await deps.db.transaction().execute(async (trx) => {
    if (!(await editReply(trx, reply.id, change.text, at))) return false;
    if (!move) return true;
    await assignReply(trx, reply.id, move.task.taskId);
    await recordAudit(trx, [
      {
        at,
        actor: reply.userId,
        entity: "reply",
        entityKey: String(reply.id),
        action: "update",
        field: "task",
        before: move.previous,
        after: move.task.number,
      },
    ]);
    return true;
  });
  if (!edited) return "unchanged";
  if (move) {
    deps.logger.info(
      { replyId: reply.id, task: move.task.number, previous: move.previous },
      "reply reattributed",
    );
    await sideEffect(deps.logger, "reattributed_note", () => tellMoved(deps, reply, move));
  }
  return "edited";
}

/** The task an edited text moves a reply to, with the task it had; null when it stays. */
async function retarget(
  db: Db,
  reply: Reply,
  text: string,
): Promise<{ task: InstitutionTask; previous: string | null } | null> {
  const leading = leadingNumbers(text);
  if (leading.length === 0 || reply.withdrawnAt !== null) return null;
  const found = await replyCutoff(db, reply.cutoffId);
  if (!found) return null;
  const tasks = await institutionScope(db, found.cutoff, reply.institutionId);
  // "14: …", or a list ("2, 14: …") as a new reply is filed: its first task of the cut-off.
  const number = leading.find((n) => tasks.some((t) => t.number === n));
  const task = tasks.find((t) => t.number === number);
  if (!task || task.taskId === reply.taskId) return null;
  return { task, previous: tasks.find((t) => t.taskId === reply.taskId)?.number ?? null };
}

async function tellMoved(
  deps: ReplyDeps,
  reply: Reply,
  move: { task: InstitutionTask; previous: string | null },
): Promise<void> {
  const locale = await deps.locales.forUser(reply.userId);
  const message = renderNotice(replyText(locale).editReattributed(move.task.number, move.previous));
  const thread = { channelId: reply.channelId, threadTs: reply.threadTs ?? reply.ts };
  await ephemeralOrDirect(deps, { reply, thread }, message);
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
