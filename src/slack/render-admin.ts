/**
 * Pieces the admin answers (`/institution`, `/role`, `/cutoff`) share: dates and times as
 * people in Riga read them, and packing paragraphs into sections within Slack's limits.
 * Pure. Limits: https://api.slack.com/reference/block-kit/blocks
 */
import type { KnownBlock } from "@slack/types";
import { HEADER_TEXT_MAX, SECTION_TEXT_MAX } from "./block-limits.ts";
import { truncateText } from "./fit.ts";

/** Dates and times: one style everywhere, defined in format.ts. */
export { formatDay, formatInstant } from "./format.ts";

/** A header block, its text cut to Slack's 150 characters. */
export function header(text: string): KnownBlock {
  return {
    type: "header",
    text: { type: "plain_text", text: truncateText(text, HEADER_TEXT_MAX) },
  };
}

/** A mrkdwn section, its text cut to Slack's 3,000 characters. */
export function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncateText(text, SECTION_TEXT_MAX) } };
}

/** A context line (small grey text). */
export function contextLine(text: string): KnownBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: truncateText(text, 3000) }] };
}

/**
 * Packs paragraphs (joined by `separator`: a blank line, or "\n" for the lines of one list)
 * into as few sections as fit, at most `maxBlocks` blocks in all; a paragraph longer than a
 * section is cut. When not everything fits, the last block is `more(n)` naming the `n`
 * paragraphs left out, so nothing disappears silently.
 */
export function packParagraphs(
  paragraphs: readonly string[],
  maxBlocks: number,
  more: (left: number) => string,
  separator = "\n\n",
): KnownBlock[] {
  const texts: string[] = [];
  let current = "";
  let used = 0;
  for (const raw of paragraphs) {
    const paragraph = truncateText(raw, SECTION_TEXT_MAX);
    const joined = current === "" ? paragraph : `${current}${separator}${paragraph}`;
    if (joined.length <= SECTION_TEXT_MAX) {
      current = joined;
      used++;
      continue;
    }
    if (texts.length + 2 >= maxBlocks) break;
    texts.push(current);
    current = paragraph;
    used++;
  }
  if (current !== "") texts.push(current);
  const blocks = texts.map(section);
  const left = paragraphs.length - used;
  return left > 0 ? [...blocks, contextLine(more(left))] : blocks;
}
