/**
 * Storing an institution's reply directly, as the event listener stores one from a reply in a
 * reminder thread (db/replies.ts insertReply), for the integration suites that need replies in
 * place before they ask the app (the digest, `/task N`, the App Home).
 */
import type { Db } from "../../../db/client.ts";
import { findInstitution } from "../../../db/institutions.ts";
import { insertReply } from "../../../db/replies.ts";

/**
 * Stores reply `text` of institution `code` to cut-off `cutoffId` under task `task` (its
 * number), as top-level message `ts` in `channelId` by `userId`, received at `receivedAt` (UTC
 * ISO); `verified`: from a contact of the institution. Returns the reply's id.
 * @throws Error when the store has no task `task`.
 */
export async function storeReply(
  db: Db,
  r: {
    code: string;
    cutoffId: number;
    task: string;
    channelId: string;
    ts: string;
    userId: string;
    text: string;
    verified: boolean;
    receivedAt: string;
  },
): Promise<number> {
  const inst = await findInstitution(db, r.code);
  const task = await db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", r.task)
    .executeTakeFirstOrThrow();
  const stored = await insertReply(db, {
    cutoffId: r.cutoffId,
    institutionId: inst?.id ?? 0,
    taskId: task.id,
    channelId: r.channelId,
    ts: r.ts,
    threadTs: null,
    userId: r.userId,
    text: r.text,
    files: [],
    statusClaim: null,
    verified: r.verified,
    source: "event",
    receivedAt: r.receivedAt,
  });
  return stored.reply.id;
}
