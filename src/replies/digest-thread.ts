import type { Db } from "../../db/client.ts";
import { leadingNumbers } from "../domain/attribution.ts";
import { replyText } from "../i18n/reply.ts";
import { renderNotice } from "../slack/render-reply-prompt.ts";
import { ephemeralOrDirect } from "./acknowledge.ts";
import { type ReplyDeps, sideEffect } from "./deps.ts";
import type { SlackMessage } from "./message.ts";

/**
 * True when `threadTs` in `channelId` is the parent message of a digest delivery (table
 * `digest_posts`: the working group's post or a draft), so a message in that thread is someone
 * answering the digest rather than a reminder. Reads the store; throws only when it fails.
 */
export async function isDigestThread(
  db: Db,
  channelId: string,
  threadTs: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("digest_posts")
    .select("id")
    .where("channel_id", "=", channelId)
    .where("parent_ts", "=", threadTs)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A person's message in a digest's thread is not stored as a reply (replies are collected only
 * in reminder threads), but it is not dropped silently either: the refusal is logged ("reply
 * refused", reason "digest_thread") and its author is told privately in that thread — or by
 * direct message when Slack refuses the ephemeral — in their language, to answer in their
 * institution's reminder thread starting with the task number (the message's own number as the
 * example, else "14") or to press "Submit update" there. The note may fail alone (logged).
 */
export async function refuseDigestThreadMessage(
  deps: ReplyDeps,
  message: SlackMessage & { threadTs: string },
): Promise<void> {
  const userId = message.userId ?? "";
  deps.logger.info(
    { channel: message.channelId, ts: message.ts, user: userId, reason: "digest_thread" },
    "reply refused",
  );
  const example = leadingNumbers(message.text)[0] ?? "14";
  await sideEffect(deps.logger, "digest_thread_note", async () => {
    const locale = await deps.locales.forUser(userId);
    await ephemeralOrDirect(
      deps,
      { reply: { userId }, thread: { channelId: message.channelId, threadTs: message.threadTs } },
      renderNotice(replyText(locale).notReminderThread(example)),
    );
  });
}
