/**
 * An answer's text (as `blocksToText` writes a link: "label (url)") with each URL shown as "…",
 * so a test can say where a link stands ("(<@U…>, #1, atvērt ziņu (…)): „…”") without the
 * emulator's addresses and message timestamps.
 */
export function hideUrls(text: string): string {
  return text.replace(/\((?:https?|slack):\/\/[^)\s]*\)/gu, "(…)");
}
