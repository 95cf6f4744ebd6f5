/**
 * Storing an institution's reply directly, as the event listener stores one from a reply in a
 * reminder thread (db/replies.ts insertReply), for the integration suites that need replies in
 * place before they ask the app (the digest, `/task N`, the App Home); and the check the
 * attribution suites repeat for each way of naming a task in a thread reply.
 */
import { expect } from "vitest";
import type { Db } from "../../../db/client.ts";
import { findInstitution } from "../../../db/institutions.ts";
import { insertReply } from "../../../db/replies.ts";
import { replyBody } from "../../../src/domain/attribution.ts";
import type { replySteps } from "../../replies/support.ts";

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

/**
 * Posts `text` as a reply by `user` (default anna) in a fresh thread on tasks 2, 14 and 19
 * (`steps`: {@link replySteps} of the suite) and expects it filed under task 14 with no note,
 * stored exactly as typed and shown (`replyBody`) as `body`.
 */
export async function expectFiledUnder14(
  steps: ReturnType<typeof replySteps>,
  text: string,
  body: string,
  user?: string,
): Promise<void> {
  const f = await steps.thread(["2", "14", "19"]);
  const { ts, stored } = await steps.reply(f, text, user);
  expect(await steps.taskOf(f, ts)).toBe("14");
  expect(stored?.text).toBe(text);
  expect(replyBody(stored?.text ?? "", "14")).toBe(body);
  expect(steps.notesIn(f)).toEqual([]);
}
