import { DateTime } from "luxon";
import { recordAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { replyCutoff } from "../../db/cutoffs.ts";
import { assignReply, editReply, findReplyByMessage, withdrawReply } from "../../db/replies.ts";
import { isNumberOnly } from "../domain/attribution.ts";
import type { Clock } from "../time.ts";
import { showFiled } from "./acknowledge.ts";
import { type ReplyDeps, sideEffect } from "./deps.ts";
import { refuseNumberOnlyEdit, tellMoved, tellRemovedEdit, tellStray } from "./edit-notes.ts";
import { retarget } from "./edit-target.ts";
import type { IngestSource } from "./ingest.ts";

/**
 * What an edit or a deletion did: changed a stored reply, or nothing (unknown message, same
 * text, or "refused": an edit down to only a task number, the previous text kept).
 */
export type ChangeResult = "edited" | "unchanged" | "withdrawn" | "unknown" | "refused";

/**
 * A `message_changed` event (or a changed text the collection job found): replaces the stored
 * reply's text, keeping the previous one in its history (`reply_edits`). Messages that are not
 * stored replies are ignored, and so is an event that keeps the text (Slack sends one when it
 * unfurls a link): "unchanged" before any other store read. The new text is attributed as a new
 * reply's is, by its numbers only ({@link attributeReply} with `byNumberOnly`: no guess from the
 * open tasks; the cut-off may have been removed, its scope still counts):
 * - it names a task of the institution in the cut-off other than the reply's ("2: …" edited to
 *   "14: …"; "2: …; 14: …" or "99, 14: …" → 14; an unassigned reply edited to start with a
 *   number): the reply moves to that task, audited as the assign button does (entity "reply",
 *   field "task", actor the author) in the same transaction as the edit, and the author is told
 *   privately;
 * - it names, of the programme's tasks, only ones not in the reminder ("3: …" edited to "13.3:
 *   …" or "13,3: …" where only 3 is asked; "N,M" read as a new reply's is, edit-target.ts): in a
 *   live cut-off's thread the reply is taken off its task, kept under none (nothing lost), audited
 *   as a move (before its task, after null) in the same transaction, its reaction back to ❓,
 *   and the author told privately that it is no longer under that task, that 13.3 is not asked
 *   here and where it is asked ({@link askedElsewhere}), with a button per task of the institution;
 * - it names tasks, none of them in the reminder, otherwise ("99: nav tāda"): the reply keeps its task
 *   (the safest choice: the edit is most likely a typo, and the answer does not vanish from the
 *   task), the edit is stored, and the author is told privately, as for a new reply, that task
 *   99 is not in the programme (a task of it, "2", is "not in this reminder"; {@link
 *   splitStray}) and that the reply stays under its task, with a button per task of the
 *   institution to choose another (or confirm it) — only when the set of such numbers, or
 *   the numbers it leads with, differ from the previous text's ("99: a" edited to "99: b" is
 *   not asked about again; "14: a\n150: b" edited to "150: c" is);
 * - it names no task, or the reply's own: the attribution is kept, nothing said.
 * In a removed cut-off's thread (its scope still counts, as for a new reply there) the author is
 * told, instead of the notes above (whose buttons would be refused), of the first stored edit
 * after the removal (the reply's last edit, `edited_at`, not after `removed_at`) and of any
 * later one that moves the reply or names new numbers not in the reminder or programme (a typo
 * fix keeping its task is not): the cut-off was removed on that day, the edit is saved, and
 * under which task the reply now is (moved, or kept), with those numbers.
 * A reply an edit files under a task for the first time (it was under none) has its ❓ reaction
 * turned to ✅, or ❔ when unverified ({@link showFiled}); one it takes off its task, back to ❓.
 * An edit naming no task at all keeps the reply where it is (no guess from the open tasks, and
 * a number without a colon, "14 apmācības", is no task named).
 * An edit of a withdrawn reply only keeps the text. An edit down to only a task number ("14: ok"
 * → "14:", the reply without files) is refused: the previous text stays the latest, "refused" is
 * returned, and — for the Events API only (`opts.source` "event"; the collection job would meet
 * it again every run) — the author is told privately that the reply keeps its previous text
 * and how to write one (first that the cut-off was removed, and when, in a removed one's thread).
 * @throws Error only when the store fails (the note may fail alone: it is logged).
 * Source: https://api.slack.com/events/message/message_changed
 */
export async function applyEdit(
  deps: ReplyDeps,
  change: { channelId: string; ts: string; text: string },
  opts: { source: IngestSource } = { source: "collect" },
): Promise<ChangeResult> {
  const reply = await findReplyByMessage(deps.db, change.channelId, change.ts);
  if (!reply) return "unknown";
  // Slack sends message_changed for unfurls and attachments too: no store reads for those.
  if (reply.text === change.text) return "unchanged";
  const numberOnly = reply.files.length === 0 && isNumberOnly(change.text);
  // The reply's cut-off, a removed one too, read once for every use below (null: not in the
  // store, or the read failed); the collection job's refusal tells nobody, so needs none.
  const found =
    numberOnly && opts.source !== "event"
      ? null
      : ((await replyCutoff(deps.db, reply.cutoffId).catch((error: unknown) => {
          deps.logger.warn({ replyId: reply.id, err: String(error) }, "edit: cut-off not read");
          return null;
        })) ?? null);
  if (numberOnly) {
    await refuseNumberOnlyEdit(deps, reply, change.text, opts.source, found);
    return "refused";
  }
  const at = deps.clock.now().toISO() ?? "";
  // The edit is stored even when the task cannot be worked out (it then stays as it was).
  const notReattributed = (error: unknown) => {
    deps.logger.warn({ replyId: reply.id, err: String(error) }, "edit not re-attributed");
    return null;
  };
  // A withdrawn reply's edit only keeps the text.
  const target =
    found && reply.withdrawnAt === null
      ? await retarget(deps.db, reply, change.text, found).catch(notReattributed)
      : null;
  const move = target?.kind === "move" ? target : null;
  // "3: …" edited to "13.3: …" where only 3 is asked: off task 3, kept under none (edit-target.ts).
  const unfiled = target?.kind === "stray" && target.unfiled ? target : null;
  const taskChange = move
    ? { taskId: move.task.taskId, before: move.previous, after: move.task.number }
    : unfiled && { taskId: null, before: unfiled.previous, after: null };
  const edited = await deps.db.transaction().execute(async (trx) => {
    if (!(await editReply(trx, reply.id, change.text, at))) return false;
    if (!taskChange) return true;
    await assignReply(trx, reply.id, taskChange.taskId);
    await recordAudit(trx, [
      {
        at,
        actor: reply.userId,
        entity: "reply",
        entityKey: String(reply.id),
        action: "update",
        field: "task",
        before: taskChange.before,
        after: taskChange.after,
      },
    ]);
    return true;
  });
  if (!edited) return "unchanged";
  // The reaction says whether the reply counts for a task: ❓ → ✅ (❔ unverified) when the edit filed it.
  if (move && reply.taskId === null)
    await sideEffect(deps.logger, "reaction", () => showFiled(deps, reply, true));
  // … and back, ✅ (❔) → ❓, when the edit took it off its task.
  if (unfiled) await sideEffect(deps.logger, "reaction", () => showFiled(deps, reply, false));
  if (found?.removed && reply.withdrawnAt === null) {
    // Told once after the removal, then only when the edit says something new (moved, or
    // numbers outside the reminder or programme): a typo fix keeping the task is not.
    const tell = target !== null || firstSince(reply.editedAt, found.removedAt);
    deps.logger.info(
      { replyId: reply.id, cutoffId: reply.cutoffId, task: move?.task.number, told: tell },
      "edit in a removed cut-off's thread",
    );
    const text = { ...reply, text: change.text };
    if (tell)
      await sideEffect(deps.logger, "removed_edit_note", () =>
        tellRemovedEdit(deps, text, found, target),
      );
  } else if (move) {
    deps.logger.info(
      { replyId: reply.id, task: move.task.number, previous: move.previous },
      "reply reattributed",
    );
    const cutoff = found && !found.removed ? found.cutoff : null;
    await sideEffect(deps.logger, "reattributed_note", () => tellMoved(deps, reply, move, cutoff));
  } else if (target?.kind === "stray") {
    deps.logger.info(
      { replyId: reply.id, task: target.previous, stray: target.numbers, unfiled: target.unfiled },
      target.unfiled ? "edit took the reply off its task" : "edit names no task in the reminder",
    );
    const text = { ...reply, text: change.text };
    await sideEffect(deps.logger, "edit_stray_note", () => tellStray(deps, text, target));
  }
  return "edited";
}

/**
 * Whether an edit is a reply's first since its cut-off was removed: `editedAt` (the reply's
 * last stored edit before this one, the latest `reply_edits.at`, as read with the reply; null:
 * never edited) is not after `removedAt` (ISO instants, any offset). True when the removal's
 * time is not known (better told twice than not at all).
 */
function firstSince(editedAt: string | null, removedAt: string | null): boolean {
  if (editedAt === null || removedAt === null) return true;
  const edited = DateTime.fromISO(editedAt);
  const removed = DateTime.fromISO(removedAt);
  if (!edited.isValid || !removed.isValid) return true;
  return edited.toMillis() <= removed.toMillis();
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
