/**
 * The one place that makes long texts fit Slack's Block Kit limits: it splits at paragraph,
 * then line, then sentence, then word boundaries, never mid-word unless a single word is
 * longer than the limit. Limits: https://api.slack.com/reference/block-kit/blocks
 */

// A sentence ends after a word of three or more letters and ".", "!" or "?" (so "2009. gada",
// "Nr. 618" and "u.c." do not end one) before a capital, a digit or an opening quote; or at ";"/":".
const SENTENCE_END = /(?<=\p{L}{3}[.!?]["”»)]?)\s+(?=[\p{Lu}\d„"“«(•-])|(?<=[;:])\s+/gu;
const BOUNDARIES: RegExp[] = [/\n\n/g, /\n/g, SENTENCE_END, /\s+/g];

/**
 * Splits `text` into pieces of at most `max` UTF-16 code units (Slack counts characters the
 * same way for these limits), each trimmed, none empty, at the coarsest boundary that fits.
 * `splitText(t, 3000).join(" ")` loses only whitespace at the cut points.
 */
export function splitText(text: string, max: number): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed === "" ? [] : [trimmed];
  const pieces: string[] = [];
  let rest = trimmed;
  while (rest.length > max) {
    const cut = bestCut(rest, max);
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest !== "") pieces.push(rest);
  return pieces.filter((p) => p !== "");
}

/** Index at which to cut `text` so the head fits `max`: the last boundary of the coarsest kind. */
function bestCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const boundary of BOUNDARIES) {
    let last = -1;
    for (const m of window.matchAll(boundary)) {
      if (m.index > 0 && m.index <= max) last = m.index;
    }
    // A boundary in the first quarter would make many tiny pieces: try a finer one.
    if (last > max / 4) return last;
  }
  // A run without spaces (a URL) longer than max: cut hard, but not inside a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/**
 * The start of `text` within `max` code units, cut at a sentence or word boundary and ended
 * with "…" when anything was left out. Returns `text` unchanged when it fits.
 */
export function truncateText(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const head = splitText(trimmed, max - 1)[0] ?? "";
  return `${head}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
