import type { Db } from "../../db/client.ts";
import { institutionsOfContact } from "../../db/contacts.ts";
import { isGroupPostThread } from "../../db/digests.ts";
import { leadingNumbers } from "../domain/attribution.ts";
import { replyText } from "../i18n/reply.ts";
import { renderNotice } from "../slack/render-reply-prompt.ts";
import { ephemeralOrDirect } from "./acknowledge.ts";
import { type ReplyDeps, sideEffect } from "./deps.ts";
import type { SlackMessage } from "./message.ts";

/**
 * True when a person's message in `channelId`'s thread `threadTs` is someone answering a digest
 * there, to be told where replies go: the thread is a digest's post to the working group (not a
 * draft in the secretary's DM, {@link isGroupPostThread}), and the message looks like an answer —
 * it starts with a task number ("14: …") or its author is a contact of some institution. Members
 * discussing the digest are left alone. Reads the store; throws only when it fails.
 */
export async function isDigestAnswer(
  db: Db,
  message: SlackMessage & { threadTs: string },
): Promise<boolean> {
  if (!(await isGroupPostThread(db, message.channelId, message.threadTs))) return false;
  if (leadingNumbers(message.text).length > 0) return true;
  return message.userId !== null && (await institutionsOfContact(db, message.userId)).length > 0;
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
