/**
 * Text as a person meant it, for reading commands and replies: what a copy and paste from Word,
 * Outlook or a web page (or a right-to-left keyboard) brings along unseen is not part of it.
 * Pure.
 */

/**
 * Bidirectional formatting characters (Unicode UAX #9, "Explicit Directional Formatting
 * Characters" and "Implicit Directional Marks"): U+200E/U+200F left-to-right and right-to-left
 * marks, U+061C Arabic letter mark, U+202A–U+202E embeddings, overrides and their pop, U+2066–
 * U+2069 isolates and their pop. They only steer how text is drawn: none is a letter.
 * Source: https://www.unicode.org/reports/tr9/#Directional_Formatting_Characters
 */
const BIDI = "\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069";
/** Any character {@link visibleText} changes (a quick test before the replacements). */
const INVISIBLE_OR_NBSP = new RegExp(
  `[\\u00A0\\u2007\\u202F\\u200B-\\u200D\\u2060\\uFEFF${BIDI}]`,
  "u",
);
/**
 * Zero-width space, word joiner, byte-order mark and the bidirectional controls: never part of
 * what a person meant.
 */
const ZERO_WIDTH = new RegExp(`[\\u200B\\u2060\\uFEFF${BIDI}]`, "gu");
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
 * U+FEFF byte-order mark, U+200C/U+200D zero-width (non-)joiners outside an emoji sequence, and
 * the bidirectional controls U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069) and no-break
 * spaces (U+00A0, U+2007, U+202F) read as spaces; text without any is returned as it is. A
 * directional override is dropped, not applied: its characters are read in the order typed.
 * Slash commands (`cleanCommandText`) and replies (`src/domain/attribution.ts`: "14:" + U+200B
 * is only a task number, "U+200B 14: …" or "U+200F 14: …" names task 14) are read through it.
 */
export function visibleText(text: string): string {
  if (!INVISIBLE_OR_NBSP.test(text)) return text;
  return text.replace(ZERO_WIDTH, "").replace(JOINER, "").replace(NO_BREAK_SPACE, " ");
}
