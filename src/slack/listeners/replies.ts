import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import { findReply, findReplyByMessage } from "../../../db/replies.ts";
import { requestRootRefresh } from "../../../jobs/refresh-root.ts";
import type { AppDeps } from "../../app.ts";
import { replyText } from "../../i18n/reply.ts";
import { showFiled } from "../../replies/acknowledge.ts";
import { type AssignResult, assignFromPrompt } from "../../replies/assign.ts";
import { confirmUpdate } from "../../replies/confirm-update.ts";
import { type ReplyDeps, sideEffect } from "../../replies/deps.ts";
import { applyDeletion, applyEdit } from "../../replies/edits.ts";
import { ingestMessage } from "../../replies/ingest.ts";
import { lateNoteText } from "../../replies/late-note.ts";
import { type BotIdentity, readMessageEvent, type SlackMessage } from "../../replies/message.ts";
import {
  type FormError,
  type FormValues,
  loadUpdateTarget,
  parseUpdateButton,
  parseUpdateMetadata,
  readUpdateForm,
  storeUpdate,
  updateMetadata,
} from "../../replies/update.ts";
import { ActionId, CallbackId } from "../ids.ts";
import { ASSIGN_ACTION_PATTERN, parseAssignValue, renderNotice } from "../render-reply-prompt.ts";
import { renderUpdateModal, UPDATE_TEXT_MAX, UpdateField } from "../render-update-modal.ts";
import type { Listeners } from "../router.ts";
import { SUBMIT_UPDATE_PATTERN } from "../submit-update-action.ts";
import type { SlackWeb } from "../web.ts";
import { publishHome } from "./home.ts";

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Registers the reply pipeline's listeners on the Bolt app:
 * - `message` events: thread replies (stored, then acknowledged), `message_changed` (edit kept
 *   with history), `message_deleted` (reply withdrawn); the app's own messages are ignored
 *   (Bolt's `context.botUserId`/`context.botId`). https://api.slack.com/events/message
 * - the assign prompt's buttons ({@link ActionId.replyAssign}): author or secretary only; a
 *   reply filed so for the first time gets ✅ (❔ when unverified) for its ❓ ({@link showFiled});
 * - "Submit update" ({@link ActionId.reminderSubmitUpdate}, {@link SUBMIT_UPDATE_PATTERN}: a
 *   reminder's, or the App Home's for a cut-off whose reminder could not be posted) → the modal
 *   ({@link CallbackId.submitUpdate}) → a stored reply and a confirmation in the thread.
 * After each change stored (a reply, its edit, withdrawal or new task) the thread's root is
 * queued to show it (jobs/refresh-root.ts); that never fails or delays the stored reply.
 */
export function registerReplyListeners(app: Listeners, deps: AppDeps): void {
  app.event("message", async ({ event, context, client }) => {
    const self: BotIdentity = { botUserId: context.botUserId, botId: context.botId };
    const changed = await onMessage(replyDeps(deps, client), event, self);
    // After the store: the thread's root shows the reply (a queued chat.update; never throws).
    if (changed) await requestRootRefresh(deps, changed.cutoffId, changed.institutionId);
  });
  app.action<BlockButtonAction>(ASSIGN_ACTION_PATTERN, (args) => onAssign(deps, args));
  // A reminder's buttons and the App Home's (when the reminder could not be posted).
  app.action<BlockButtonAction>(SUBMIT_UPDATE_PATTERN, (args) => onSubmitButton(deps, args));
  app.view<ViewSubmitAction>(CallbackId.submitUpdate, (args) => onSubmitView(deps, args));
}

function replyDeps(deps: AppDeps, client: SlackWeb): ReplyDeps {
  const { db, config, clock, logger, locales } = deps;
  return { db, config, clock, logger, slack: client, locales };
}

/** Whose thread a stored change touched, so its root can be brought up to date. */
type ThreadRef = { cutoffId: number; institutionId: number };

/**
 * Handles one `message` event; returns the thread of a reply newly stored, edited or withdrawn
 * (its root then shows it), else null.
 */
async function onMessage(
  deps: ReplyDeps,
  event: unknown,
  self: BotIdentity,
): Promise<ThreadRef | null> {
  const read = readMessageEvent(event);
  if (read.kind === "posted") {
    const result = await ingestMessage(deps, read.message, { source: "event", self });
    const where = { channel: read.message.channelId, ts: read.message.ts };
    if (result.kind === "ignored") {
      deps.logger.debug({ ...where, reason: result.reason }, "message ignored");
      return null;
    }
    deps.logger.info(
      {
        ...where,
        replyId: result.reply.id,
        created: result.created,
        task: result.taskNumber,
        verified: result.verified,
      },
      "reply stored",
    );
    return result.created ? result.reply : null;
  }
  if (read.kind === "changed" || read.kind === "deleted") {
    const result =
      read.kind === "changed"
        ? await applyEdit(deps, read, { source: "event" })
        : await applyDeletion(deps, read);
    deps.logger.info(
      { channel: read.channelId, ts: read.ts, kind: read.kind, result },
      "reply changed",
    );
    // A message in a reminder thread that was not stored (a refused "14:") edited into an
    // answer: taken as a new reply now, not left for the collection job.
    if (result === "unknown" && read.kind === "changed" && read.message)
      return ingestEdited(deps, read.message, self);
    if (result !== "edited" && result !== "withdrawn") return null;
    return (await findReplyByMessage(deps.db, read.channelId, read.ts)) ?? null;
  }
  return null;
}

/**
 * An edited message that is not a stored reply, ingested as a new one (source "event", with the
 * usual answer to its author); the digest-thread note is not repeated for an edit. Returns the
 * thread of a reply newly stored, else null.
 */
async function ingestEdited(
  deps: ReplyDeps,
  message: SlackMessage,
  self: BotIdentity,
): Promise<ThreadRef | null> {
  const result = await ingestMessage(deps, message, { source: "event", self, edited: true });
  const where = { channel: message.channelId, ts: message.ts };
  if (result.kind === "ignored") {
    deps.logger.debug({ ...where, reason: result.reason, edited: true }, "message ignored");
    return null;
  }
  deps.logger.info(
    {
      ...where,
      replyId: result.reply.id,
      created: result.created,
      task: result.taskNumber,
      verified: result.verified,
      edited: true,
    },
    "reply stored",
  );
  return result.created ? result.reply : null;
}

async function onAssign(
  deps: AppDeps,
  { ack, body, action, respond, client }: ButtonArgs,
): Promise<void> {
  await ack();
  const userId = body.user.id;
  const parsed = parseAssignValue(action.value ?? "");
  const result: AssignResult = parsed
    ? await assignFromPrompt(deps, { ...parsed, userId })
    : { kind: "reply_gone" };
  const locale = await deps.locales.forUser(userId);
  const m = replyText(locale);
  if (result.kind === "assigned") {
    deps.logger.info({ replyId: parsed?.replyId, task: result.number }, "reply assigned");
    const reply = parsed ? await findReply(deps.db, parsed.replyId) : undefined;
    if (reply) await requestRootRefresh(deps, reply.cutoffId, reply.institutionId);
    // After the cut-off: late or a supplement, as the note a filed reply gets (late-note.ts).
    const late = result.late ? ` ${lateNoteText(result.late, locale, deps.config.timezone)}` : "";
    await respond({
      replace_original: true,
      ...renderNotice(`${m.assignedTo(result.number)}${late}`),
    });
    // Filed now: its ❓ becomes ✅, or ❔ when unverified (moved between tasks, it keeps its own).
    if (reply && result.previous === null)
      await sideEffect(deps.logger, "reaction", () => showFiled({ slack: client }, reply, true));
    return;
  }
  const refusal =
    result.kind === "forbidden"
      ? m.assignForbidden
      : result.kind === "task_not_in_scope"
        ? m.taskNotInScope(result.number)
        : m.replyGone;
  await respond({ response_type: "ephemeral", replace_original: false, ...renderNotice(refusal) });
}

async function onSubmitButton(
  deps: AppDeps,
  { ack, body, action, client, respond }: ButtonArgs,
): Promise<void> {
  await ack();
  const ref = parseUpdateButton(action.value ?? "");
  const target = ref ? await loadUpdateTarget(deps.db, ref) : undefined;
  const locale = await deps.locales.forUser(body.user.id);
  if (!ref || !target) {
    const notice = renderNotice(replyText(locale).staleReminder);
    // A button on the App Home has no response_url, so Bolt gives no `respond`: told by DM.
    if (!("response_url" in body) || !body.response_url)
      await client.chat.postMessage({ channel: body.user.id, ...notice });
    else await respond({ response_type: "ephemeral", replace_original: false, ...notice });
    return;
  }
  const model = {
    cutoffAt: target.cutoff.at,
    institutionCode: target.mapping.code,
    task: { number: target.task.number, title: target.task.title },
    privateMetadata: updateMetadata(ref),
  };
  await client.views.open({
    trigger_id: body.trigger_id,
    view: renderUpdateModal(model, locale, deps.config.timezone),
  });
}

/**
 * Stores first, then acknowledges (closing the modal), then confirms. The user's locale is only
 * looked up for an error answer, so a slow users.info never delays a good submission's ack.
 */
async function onSubmitView(deps: AppDeps, { ack, body, view, client }: SubmitArgs): Promise<void> {
  const userId = body.user.id;
  const refuse = async (say: (m: ReturnType<typeof replyText>) => Record<string, string>) =>
    ack({ response_action: "errors", errors: say(replyText(await deps.locales.forUser(userId))) });
  const ref = parseUpdateMetadata(view.private_metadata);
  const target = ref ? await loadUpdateTarget(deps.db, ref) : undefined;
  if (!target) return refuse((m) => ({ [UpdateField.text.block]: m.staleReminder }));
  const read = readUpdateForm(view.state.values as unknown as FormValues);
  if (!read.ok) {
    const say = (m: ReturnType<typeof replyText>, e: FormError) =>
      e === "too_long" ? m.errorTooLong(UPDATE_TEXT_MAX) : m.errorTextOrStatus;
    const entries = Object.entries(read.errors);
    return refuse((m) => Object.fromEntries(entries.map(([block, e]) => [block, say(m, e)])));
  }
  const form = read.form;
  const { reply, created } = await storeUpdate(deps, target, { userId, viewId: view.id, form });
  await ack();
  deps.logger.info({ replyId: reply.id, created, task: target.task.number }, "update stored");
  if (!created) return;
  await requestRootRefresh(deps, reply.cutoffId, reply.institutionId);
  try {
    await confirmUpdate(replyDeps(deps, client), target, reply);
  } finally {
    await republishHome(deps, client, userId);
  }
}

/**
 * Publishes the submitter's App Home again, so a "Submit update" line answered from the Home
 * goes at once (the modal's metadata does not say where it was opened, so every stored update
 * does it; a Home not yet opened is published as app_home_opened would). A side effect: the
 * reply is already stored and acknowledged, so a failure is logged, never thrown.
 */
async function republishHome(
  deps: AppDeps,
  client: Parameters<typeof publishHome>[1],
  userId: string,
): Promise<void> {
  try {
    await publishHome(deps, client, userId);
  } catch (err) {
    deps.logger.warn({ err, user: userId }, "home not published again after an update");
  }
}
