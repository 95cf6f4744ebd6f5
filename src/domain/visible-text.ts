/**
 * Text as a person meant it, for reading commands and replies: what a copy and paste from Word,
 * Outlook or a web page brings along unseen is not part of it. Pure.
 */

/** Any character {@link visibleText} changes (a quick test before the replacements). */
const INVISIBLE_OR_NBSP = /[\u00A0\u2007\u202F\u200B-\u200D\u2060\uFEFF]/u;
/** Zero-width space, word joiner and byte-order mark: never part of what a person meant. */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/gu;
/**
 * Zero-width (non-)joiners, except a joiner inside an emoji sequence (👨‍👩‍👧 in a title): after
 * a pictograph, its variation selector or skin tone and before another pictograph.
 */
const JOINER =
  /(?<!\p{Extended_Pictographic}|\u{FE0F}|\p{Emoji_Modifier})[\u200C\u200D]|[\u200C\u200D](?!\p{Extended_Pictographic})/gu;
/** No-break spaces (U+00A0, figure and narrow ones): read as the space they look like. */
const NO_BREAK_SPACE = /[\u00A0\u2007\u202F]/gu;

/**
 * `text` with invisible format characters removed (U+200B zero-width space, U+2060 word joiner,
 * U+FEFF byte-order mark, U+200C/U+200D zero-width (non-)joiners outside an emoji sequence) and
 * no-break spaces (U+00A0, U+2007, U+202F) read as spaces; text without any is returned as it
 * is. Slash commands (`cleanCommandText`) and replies (`src/domain/attribution.ts`: "14:" + U+200B
 * is only a task number, "U+200B 14: …" names task 14) are read through it.
 */
export function visibleText(text: string): string {
  if (!INVISIBLE_OR_NBSP.test(text)) return text;
  return text.replace(ZERO_WIDTH, "").replace(JOINER, "").replace(NO_BREAK_SPACE, " ");
}
