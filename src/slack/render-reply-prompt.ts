import type { KnownBlock } from "@slack/types";
import type { Locale } from "../config.ts";
import { replyText } from "../i18n/reply.ts";
import {
  ACTIONS_ELEMENTS_MAX,
  BUTTON_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  SECTION_TEXT_MAX,
} from "./block-limits.ts";
import { escapeMrkdwn, truncateText } from "./fit.ts";
import { ActionId } from "./ids.ts";

/** A message the app sends: Block Kit blocks and the notification fallback text. */
export interface RenderedMessage {
  blocks: KnownBlock[];
  text: string;
}

/** Value of an assign button: "<replyId>:<task number>" (see {@link ActionId.replyAssign}). */
export function assignButtonValue(replyId: number, number: string): string {
  return `${replyId}:${number}`;
}

/** Reads an {@link assignButtonValue}; undefined when the value is not one. */
export function parseAssignValue(value: string): { replyId: number; number: string } | undefined {
  const m = /^(\d+):(\d{1,4}(?:\.\d{1,4}){0,3})$/.exec(value);
  if (!m?.[1] || !m[2]) return undefined;
  return { replyId: Number(m[1]), number: m[2] };
}

/**
 * action_id of the `index`-th assign button: Slack wants action ids unique within a block
 * (https://api.slack.com/reference/block-kit/block-elements#button), so each button gets
 * `reply_assign_<index>`; the listener matches {@link ASSIGN_ACTION_PATTERN}.
 */
export function assignActionId(index: number): string {
  return `${ActionId.replyAssign}_${index}`;
}

/** Matches every action id {@link assignActionId} makes (and the bare `reply_assign`). */
export const ASSIGN_ACTION_PATTERN = new RegExp(`^${ActionId.replyAssign}(?:_\\d+)?$`);

/** One line of a reply for prompts and confirmations: whitespace folded, cut at `max`, escaped. */
export function excerpt(text: string, max = 200): string {
  return escapeMrkdwn(truncateText(text.replace(/\s+/g, " "), max));
}

/**
 * The ephemeral prompt for an unassigned reply: the question (after "task 99 is not in this
 * reminder" when the reply named `strayNumber`, a task outside it), the reply's excerpt, then one
 * button per task ("14. Title…", value {@link assignButtonValue}), at most 25 per actions
 * block and within the message's 50 blocks (tasks beyond that are left out).
 * Limits: https://api.slack.com/reference/block-kit/blocks#actions
 */
export function renderAssignPrompt(
  reply: { id: number; text: string },
  tasks: ReadonlyArray<{ number: string; title: string }>,
  locale: Locale,
  strayNumber: string | null = null,
): RenderedMessage {
  const m = replyText(locale);
  const stray = strayNumber === null ? "" : `${m.notInReminder(strayNumber)} `;
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `${stray}${m.assignQuestion}` } },
  ];
  const shown = excerpt(reply.text);
  if (shown !== "")
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.yourReply(shown) }] });
  const room = (MESSAGE_BLOCKS_MAX - blocks.length) * ACTIONS_ELEMENTS_MAX;
  const listed = tasks.slice(0, room);
  for (let start = 0; start < listed.length; start += ACTIONS_ELEMENTS_MAX) {
    blocks.push({
      type: "actions",
      block_id: `reply_assign_${reply.id}_${start / ACTIONS_ELEMENTS_MAX}`,
      elements: listed.slice(start, start + ACTIONS_ELEMENTS_MAX).map((task, i) => ({
        type: "button" as const,
        action_id: assignActionId(start + i),
        text: {
          type: "plain_text" as const,
          text: truncateText(`${task.number}. ${task.title}`, BUTTON_TEXT_MAX),
        },
        value: assignButtonValue(reply.id, task.number),
      })),
    });
  }
  return { blocks, text: `${stray}${m.assignFallback}` };
}

/** A one-section notice (mrkdwn), used for acknowledgements and refusals. */
export function renderNotice(text: string): RenderedMessage {
  const fitted = truncateText(text, SECTION_TEXT_MAX);
  return { blocks: [{ type: "section", text: { type: "mrkdwn", text: fitted } }], text: fitted };
}

/**
 * The ephemeral explanation for a reply from someone who is not a contact of the institution:
 * kept, marked unverified; who the contacts are; the secretary can add them.
 */
export function renderUnverified(
  code: string,
  contactIds: readonly string[],
  locale: Locale,
): RenderedMessage {
  const m = replyText(locale);
  const contacts =
    contactIds.length > 0
      ? m.contactsAre(contactIds.map((u) => `<@${u}>`).join(", "))
      : m.noContacts;
  return renderNotice(m.unverified(code, contacts));
}
