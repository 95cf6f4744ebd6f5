import type { KnownBlock, ModalView } from "@slack/types";
import type { Locale } from "../config.ts";
import type { TaskDetail } from "../domain/types.ts";
import { messages } from "../i18n/index.ts";
import { MODAL_BLOCKS_MAX, MODAL_TITLE_MAX, SECTION_TEXT_MAX } from "./block-limits.ts";
import { escapeMrkdwn, splitText, truncateText } from "./fit.ts";
import { CallbackId } from "./ids.ts";

/**
 * The whole progress narrative of a task as a modal: the title, then the narrative split at
 * paragraph/sentence boundaries into sections of ≤ 3,000 characters, at most 100 blocks
 * (https://api.slack.com/reference/surfaces/views). The report's longest narratives
 * (~30,000 characters) need about a dozen sections.
 */
export function renderProgressModal(task: TaskDetail, locale: Locale): ModalView {
  const m = messages(locale);
  const pieces = splitText(escapeMrkdwn(task.progress ?? m.task.noProgress), SECTION_TEXT_MAX);
  const room = MODAL_BLOCKS_MAX - 2;
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncateText(`*${task.number}. ${escapeMrkdwn(task.title)}*`, SECTION_TEXT_MAX),
      },
    },
    { type: "divider" },
    ...pieces
      .slice(0, room)
      .map((text): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } })),
  ];
  return {
    type: "modal",
    callback_id: CallbackId.taskProgress,
    title: {
      type: "plain_text",
      text: truncateText(m.task.progressModalTitle(task.number), MODAL_TITLE_MAX),
    },
    close: { type: "plain_text", text: truncateText(m.task.close, MODAL_TITLE_MAX) },
    blocks,
  };
}
