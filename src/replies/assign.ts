import { recordAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { findCutoff } from "../../db/cutoffs.ts";
import { assignReply, findReply } from "../../db/replies.ts";
import { isSecretary } from "../auth.ts";
import type { Config } from "../config.ts";
import { institutionProgress } from "../reminders/compose.ts";
import type { Clock } from "../time.ts";
import { type LateNote, lateNoteFor } from "./late-note.ts";

/** What an assign request did. */
export type AssignResult =
  | {
      kind: "assigned";
      number: string;
      previous: string | null;
      /** Received after the cut-off and assigned by its author: what to tell them (late-note.ts). */
      late: LateNote | null;
    }
  | { kind: "forbidden" }
  | { kind: "reply_gone" }
  | { kind: "task_not_in_scope"; number: string };

/**
 * Attaches a reply to one of its institution's tasks in its cut-off (the assign prompt's
 * button). Only the reply's author or a secretary may; the check runs here, on the server.
 * A withdrawn reply, or one whose cut-off was removed, is "reply_gone". The change is audited
 * (entity "reply", field "task", before → after task numbers) in the same transaction. A reply
 * received after the cut-off, assigned by its author, comes back with its late note (a reply
 * filed under no task got none: src/replies/late-note.ts).
 * @throws Error only when the store fails.
 */
export async function assignFromPrompt(
  deps: { db: Db; config: Config; clock: Clock },
  input: { replyId: number; number: string; userId: string },
): Promise<AssignResult> {
  const reply = await findReply(deps.db, input.replyId);
  if (!reply || reply.withdrawnAt !== null) return { kind: "reply_gone" };
  if (reply.userId !== input.userId && !(await isSecretary(deps, input.userId)))
    return { kind: "forbidden" };
  const cutoff = await findCutoff(deps.db, reply.cutoffId);
  if (!cutoff) return { kind: "reply_gone" };
  const { tasks } = await institutionProgress(deps.db, cutoff, reply.institutionId);
  const task = tasks.find((t) => t.number === input.number);
  if (!task) return { kind: "task_not_in_scope", number: input.number };
  const previous = tasks.find((t) => t.taskId === reply.taskId)?.number ?? null;
  await deps.db.transaction().execute(async (trx) => {
    await assignReply(trx, reply.id, task.taskId);
    await recordAudit(trx, [
      {
        at: deps.clock.now().toISO() ?? "",
        actor: input.userId,
        entity: "reply",
        entityKey: String(reply.id),
        action: "update",
        field: "task",
        before: previous,
        after: task.number,
      },
    ]);
  });
  const late =
    reply.userId === input.userId
      ? await lateNoteFor(deps.db, { ...reply, taskId: task.taskId }, cutoff, task.number)
      : null;
  return { kind: "assigned", number: task.number, previous, late };
}
