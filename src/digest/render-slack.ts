/**
 * The digest as Slack messages: a short parent (header, the headline figures, a context line
 * and, on a draft, the "Post to the working group" button) and the thread's messages, one or
 * more per section. Long paragraphs are split at paragraph, line and sentence boundaries
 * (`splitText`), sections hold ≤ 3,000 characters and messages ≤ 50 blocks.
 * Limits: https://api.slack.com/reference/block-kit/blocks
 */
import type { KnownBlock } from "@slack/types";
import type { Locale } from "../config.ts";
import { digestText } from "../i18n/digest.ts";
import { MESSAGE_BLOCKS_MAX, SECTION_TEXT_MAX } from "../slack/block-limits.ts";
import { splitText } from "../slack/fit.ts";
import { ActionId } from "../slack/ids.ts";
import { decodeSlackEntities, silencedToPlain } from "../slack/message-text.ts";
import { contextLine, header, section } from "../slack/render-admin.ts";
import type { DigestDoc } from "./document.ts";

/** A message to post: blocks and the notification text. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Blocks per thread message: below the 50-block limit, so a message stays readable. */
export const THREAD_BLOCKS_MAX = 40;

/**
 * Notification text (and the DOCX's runs) without mrkdwn markers: `<url|label>` → label,
 * `<url>` → url, `<@U1>` → `@U1`, `<#C1>` → `#C1`, a broadcast in the escaped form
 * digests stored before `slackDisplayText` showed `@channel` carry (`&lt;!channel&gt;`) → `@channel`, the three entities
 * decoded once.
 */
export function plainText(mrkdwn: string): string {
  return decodeSlackEntities(
    silencedToPlain(mrkdwn)
      .replace(/<([^|<>]+)\|([^<>]+)>/g, "$2")
      .replace(/<([a-z][a-z0-9+.-]*:[^|<>\s]+)>/gi, "$1")
      .replace(/<([@#])([A-Z0-9]+)>/g, (_, sigil: string, id: string) => `${sigil}${id}`)
      .replace(/[*_]/g, ""),
  );
}

/**
 * The parent message. With `postButton` (a draft in the secretary's DM) it carries the
 * {@link ActionId.digestPost} button whose value is the digest id.
 */
export function renderDigestParent(
  doc: DigestDoc,
  locale: Locale,
  postButton?: { digestId: number; intro: string },
): SlackMessage {
  const blocks: KnownBlock[] = [header(doc.title)];
  if (postButton) blocks.push(section(postButton.intro));
  blocks.push(section(doc.headline.join("\n")), contextLine(`${doc.context} · ${doc.slackNote}`));
  if (postButton)
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: ActionId.digestPost,
          style: "primary",
          text: { type: "plain_text", text: digestText(locale).postButton },
          value: String(postButton.digestId),
        },
      ],
    });
  return { text: plainText(`${doc.title}\n${doc.headline.join("\n")}`), blocks };
}

/** Section blocks for mrkdwn paragraphs, each ≤ 3,000 characters, split at boundaries. */
export function paragraphBlocks(paragraphs: readonly string[]): KnownBlock[] {
  return paragraphs
    .flatMap((p) => splitText(p, SECTION_TEXT_MAX))
    .map((text) => ({ type: "section", text: { type: "mrkdwn", text } }) as KnownBlock);
}

/** The thread: per section a message (or several when it is long), in order. */
export function renderDigestThread(doc: DigestDoc): SlackMessage[] {
  const messages: SlackMessage[] = [];
  for (const part of doc.sections) {
    const body = paragraphBlocks(part.paragraphs);
    const max = Math.min(THREAD_BLOCKS_MAX, MESSAGE_BLOCKS_MAX) - 1;
    for (let i = 0; i < body.length || i === 0; i += max) {
      const blocks = [header(part.heading), ...body.slice(i, i + max)];
      messages.push({ text: part.heading, blocks });
    }
  }
  return messages;
}
