import type { Db } from "../../db/client.ts";
import { institutionsOfContact } from "../../db/contacts.ts";
import { activeCutoff } from "../../db/cutoffs.ts";
import { isGroupPostThread } from "../../db/digests.ts";
import { listInstitutions } from "../../db/institutions.ts";
import { leadingNumbers } from "../domain/attribution.ts";
import { replyText, type ThreadLink } from "../i18n/reply.ts";
import { CUTOFF_GRACE_DAYS } from "../reminders/task-status.ts";
import { renderNotice } from "../slack/render-reply-prompt.ts";
import { ephemeralOrDirect } from "./acknowledge.ts";
import { type ReplyDeps, sideEffect } from "./deps.ts";
import type { SlackMessage } from "./message.ts";
import { threadAsking } from "./reminder-thread.ts";

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
 * example, else "14") or to press "Submit update" there. When the author is a contact of an
 * institution whose reminder thread for the current cut-off exists ({@link reminderThreadsOf}),
 * the note links it (" (LM: <…|atvērt>)") — of several, those whose reminder asks about the task
 * the message names ("5: …" links IEM's, not LM's where 5 is not asked); otherwise it names no
 * thread. The note may fail alone
 * (logged).
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
    const named = leadingNumbers(message.text);
    const threads = userId === "" ? [] : await reminderThreadsOf(deps, userId, named);
    await ephemeralOrDirect(
      deps,
      { reply: { userId }, thread: { channelId: message.channelId, threadTs: message.threadTs } },
      renderNotice(replyText(locale).notReminderThread(example, threads)),
    );
  });
}

/**
 * The reminder threads of the institutions `userId` is a contact of for the current cut-off
 * (`activeCutoff`: the next not passed, else the last passed within {@link CUTOFF_GRACE_DAYS}
 * days — the one the digest and the App Home are about), each as its institution's code and a
 * link to the thread's root ({@link messageLink}, as the "atvērt" links elsewhere), in the
 * order `listInstitutions` gives. When the message names tasks (`named`, its leading numbers),
 * only the institutions whose reminder asks about one of them (the cut-off's scope for that
 * institution, `institutionScope`, as a reply in the thread is filed by) — a contact of IEM and
 * LM writing "5: …" is pointed to IEM's thread when 5 is IEM's task and not LM's; when none
 * asks about them, or none is named, every such thread. Empty when the user is no contact,
 * there is no current cut-off, or no reminder has started a thread for it yet. Each thread is
 * read by {@link threadAsking}, as {@link askedElsewhere} reads them. Reads the store; its
 * errors are thrown.
 */
export async function reminderThreadsOf(
  deps: Pick<ReplyDeps, "db" | "clock">,
  userId: string,
  named: readonly string[] = [],
): Promise<ThreadLink[]> {
  const ids = new Set(await institutionsOfContact(deps.db, userId));
  if (ids.size === 0) return [];
  const now = deps.clock.now();
  const cutoff = await activeCutoff(
    deps.db,
    now.toUTC().toISO() ?? "",
    now.minus({ days: CUTOFF_GRACE_DAYS }).toUTC().toISO() ?? "",
  );
  if (!cutoff) return [];
  const all: ThreadLink[] = [];
  const asking: ThreadLink[] = [];
  for (const inst of (await listInstitutions(deps.db)).filter((i) => ids.has(i.id))) {
    const thread = await threadAsking(deps.db, cutoff, inst.id, named);
    if (!thread) continue;
    const link = { code: inst.code, link: thread.link };
    all.push(link);
    if (thread.asked.length > 0) asking.push(link);
  }
  return asking.length > 0 ? asking : all;
}
