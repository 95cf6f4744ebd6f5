import type { Reply } from "../../db/replies.ts";
import { receivedLate } from "../domain/late-reply.ts";
import type { StatusClaim } from "../i18n/reply.ts";
import { replyText } from "../i18n/reply.ts";
import { renderNotice } from "../slack/render-reply-prompt.ts";
import { renderUpdateConfirmation } from "../slack/render-update-modal.ts";
import { tellLate, tellUnverified } from "./acknowledge.ts";
import { type ReplyDeps, sideEffect } from "./deps.ts";
import { lateNoteFor } from "./late-note.ts";
import type { UpdateTarget } from "./update.ts";

/**
 * The visible side of a stored modal submission, each step allowed to fail (the reply is
 * stored): a short bot message in the institution's reminder thread (who, which task, the
 * status, an excerpt; in the app's default language, as the thread is read by many) — or, when
 * the institution has no thread yet, a direct message to the sender; and the unverified
 * explanation when the sender is not a contact; when sent after the cut-off's time, the note
 * that it is kept and marked late, or kept as a supplement to a task answered in time
 * ({@link tellLate}). The app ignores its own messages, so the
 * confirmation never becomes a reply.
 * Source: https://api.slack.com/methods/chat.postMessage
 */
export async function confirmUpdate(
  deps: ReplyDeps,
  target: UpdateTarget,
  reply: Reply,
): Promise<void> {
  const { thread } = target;
  if (thread) {
    const message = renderUpdateConfirmation(
      {
        userId: reply.userId,
        number: target.task.number,
        status: reply.statusClaim as StatusClaim | null,
        text: reply.text,
        verified: reply.verified,
      },
      deps.config.defaultLocale,
    );
    await sideEffect(deps.logger, "update_confirmation", () =>
      deps.slack.chat.postMessage({
        channel: thread.channelId,
        thread_ts: thread.threadTs,
        ...message,
      }),
    );
    if (!reply.verified)
      await sideEffect(deps.logger, "unverified", () => tellUnverified(deps, { reply, thread }));
    const { cutoff } = target;
    if (receivedLate(reply.receivedAt, cutoff.at))
      await sideEffect(deps.logger, "late_note", async () => {
        const late = await lateNoteFor(deps.db, reply, cutoff, target.task.number);
        if (late) await tellLate(deps, { reply, thread }, late);
      });
    return;
  }
  const locale = await deps.locales.forUser(reply.userId);
  const notice = renderNotice(replyText(locale).updateSaved(target.task.number));
  await sideEffect(deps.logger, "update_confirmation_dm", () =>
    deps.slack.chat.postMessage({ channel: reply.userId, ...notice }),
  );
}
