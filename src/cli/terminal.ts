/**
 * What the CLI prints for a command's Block Kit answer: the blocks as plain text
 * ({@link blocksToText}), without Slack's mrkdwn emphasis markers, which a terminal would show
 * as literal asterisks and underscores. The local Slack (`npm run slack`) keeps them: it shows
 * what Slack would render.
 * mrkdwn: https://api.slack.com/reference/surfaces/formatting#visual-styles
 */
import { blocksToText } from "../slack/blocks-to-text.ts";

/** Text before an opening marker: start, space, an opening bracket or quote. */
const OPEN = String.raw`(^|[\s(\[„“"'])`;
/** Text after a closing marker: end, space, punctuation, a closing bracket or quote. */
const CLOSE = String.raw`(?=$|[\s)\].,:;!?”"'])`;
/** `m`-marked text as Slack reads it: not starting or ending with a space (`2 * 3 * 4` is not). */
const marked = (m: string) =>
  new RegExp(String.raw`${OPEN}[${m}]([^${m}\s](?:[^${m}\n]*?[^${m}\s])?)[${m}]${CLOSE}`, "gmu");
const BOLD = marked("*");
const ITALIC = marked("_");
const STRIKE = marked("~");

/**
 * Drops mrkdwn's `*bold*`, `_italic_` and `~strike~` markers where Slack would read them as
 * such (a marker pair around text, at word edges), and leaves other asterisks and underscores
 * (`user_settings`, `2 * 3`) as they are.
 */
export function stripEmphasis(text: string): string {
  return text.replace(BOLD, "$1$2").replace(ITALIC, "$1$2").replace(STRIKE, "$1$2");
}

/** A command's answer as terminal text (see the module comment). */
export function terminalText(blocks: unknown): string {
  return stripEmphasis(blocksToText(blocks));
}

/**
 * `text` without `note` where a reply carries it: a line that is only the note goes, and a note
 * joined to other hints with " · " is cut out with its separator. For a note the CLI says in
 * its own, more precise words (the re-plan note), so the terminal shows it once.
 */
export function withoutNote(text: string, note: string): string {
  return text
    .split("\n")
    .filter((line) => line.trim() !== note)
    .map((line) => line.replace(` · ${note}`, "").replace(`${note} · `, ""))
    .join("\n");
}
