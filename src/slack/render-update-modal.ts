import type { KnownBlock, ModalView } from "@slack/types";
import type { Locale } from "../config.ts";
import { replyText, STATUS_CLAIMS, type StatusClaim } from "../i18n/reply.ts";
import { MODAL_TITLE_MAX, SECTION_TEXT_MAX } from "./block-limits.ts";
import { escapeMrkdwn, truncateText } from "./fit.ts";
import { formatInstant } from "./format.ts";
import { CallbackId } from "./ids.ts";
import { excerpt, type RenderedMessage } from "./render-reply-prompt.ts";

/**
 * block_id/action_id of the modal's inputs; the submission's `view.state.values[block][action]`.
 * Input elements dispatch no actions, so these live here rather than in ids.ts.
 */
export const UpdateField = {
  status: { block: "update_status", action: "status" },
  text: { block: "update_text", action: "text" },
} as const;

/** Longest progress text the modal takes (its `max_length`, checked again on submission). */
export const UPDATE_TEXT_MAX = 3000;

/** What the "Submit update" modal shows. `cutoffAt` is a UTC ISO instant. */
export interface UpdateModalModel {
  cutoffAt: string;
  institutionCode: string;
  task: { number: string; title: string };
  /** JSON {cutoffId, institutionId, number}: carried back in the submission (≤ 3000 chars). */
  privateMetadata: string;
}

/**
 * The "Submit update" modal: what it is about, a status radio (optional) and a multiline text
 * (optional, ≤ 3000). Callback id {@link CallbackId.submitUpdate}.
 * Limits: https://api.slack.com/reference/surfaces/views, https://api.slack.com/reference/block-kit/block-elements#radio
 */
export function renderUpdateModal(
  model: UpdateModalModel,
  locale: Locale,
  zone: string,
): ModalView {
  const m = replyText(locale);
  const cutoff = formatInstant(model.cutoffAt, zone, locale);
  const intro = m.modalIntro(
    model.institutionCode,
    model.task.number,
    escapeMrkdwn(truncateText(model.task.title, 1000)),
    cutoff,
  );
  const option = (claim: StatusClaim) => ({
    text: { type: "plain_text" as const, text: m.statusClaim[claim] },
    value: claim,
  });
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: truncateText(intro, SECTION_TEXT_MAX) } },
    {
      type: "input",
      block_id: UpdateField.status.block,
      optional: true,
      label: { type: "plain_text", text: m.statusLabel },
      element: {
        type: "radio_buttons",
        action_id: UpdateField.status.action,
        options: STATUS_CLAIMS.map(option),
      },
    },
    {
      type: "input",
      block_id: UpdateField.text.block,
      optional: true,
      label: { type: "plain_text", text: m.textLabel },
      hint: { type: "plain_text", text: m.textHint },
      element: {
        type: "plain_text_input",
        action_id: UpdateField.text.action,
        multiline: true,
        max_length: UPDATE_TEXT_MAX,
      },
    },
  ];
  return {
    type: "modal",
    callback_id: CallbackId.submitUpdate,
    private_metadata: model.privateMetadata,
    title: {
      type: "plain_text",
      text: truncateText(m.modalTitle(model.task.number), MODAL_TITLE_MAX),
    },
    submit: { type: "plain_text", text: m.modalSubmit },
    close: { type: "plain_text", text: m.modalClose },
    blocks,
  };
}

/**
 * The bot's note in the reminder thread after a modal submission: who updated which task, the
 * status claimed, an excerpt; marked when the sender is not a contact of the institution.
 */
export function renderUpdateConfirmation(
  update: {
    userId: string;
    number: string;
    status: StatusClaim | null;
    text: string;
    verified: boolean;
  },
  locale: Locale,
): RenderedMessage {
  const m = replyText(locale);
  const status = update.status ? m.statusClaim[update.status] : null;
  const lines = [m.confirmation(update.userId, update.number, status, excerpt(update.text, 300))];
  if (!update.verified) lines.push(m.unverifiedMark);
  const text = truncateText(lines.join("\n"), SECTION_TEXT_MAX);
  return {
    blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
    text: m.confirmationFallback(update.number),
  };
}
