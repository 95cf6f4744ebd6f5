/**
 * What an edit of a reply changed, as two short excerpts for `/task N history` ("„…noteikumi
 * pieņemti 2010. gadā…” → „…noteikumi pieņemti 2011. gadā…”"). Replies are narratives of
 * thousands of characters in which an edit often changes a word: showing the start of each
 * side would show the same words twice, so each side is cut around the part that differs. Pure.
 */
import { escapeSlackText, excerptSlackText, slackPlainText } from "../slack/message-text.ts";

/** Characters of a side shown before the first difference (then the nearest word start). */
export const CHANGE_CONTEXT = 40;

/**
 * A space that starts a sentence: after a word of three or more letters and ".", "!" or "?"
 * (so "2010. gadā" and "51. teikumā" do not), before a capital, a digit or a quote; or after
 * ";"/":" (as src/slack/fit.ts splits sentences).
 */
const SENTENCE_START = /(?<=\p{L}{3}[.!?]["”»)]?) (?=[\p{Lu}\d„"“«(])|(?<=[;:]) /gu;

/** The two sides of an edit as excerpts in Slack's stored form (entities and codes kept). */
export interface TextChange {
  before: string;
  after: string;
  /**
   * Present (true) when the texts differ only in whitespace (spaces, line breaks), which the
   * folded sides cannot show: `/task N history` then says so instead of quoting the same text
   * twice. Absent otherwise.
   */
  whitespaceOnly?: true;
}

/**
 * The texts `before` and `after` (as Slack sent them, folded onto one line) cut to at most `max`
 * characters each (`max` ≥ 20) around what differs: both start at the same place, the start of
 * the sentence of their first difference when that is at most {@link CHANGE_CONTEXT} characters
 * before it, else a word start about that far before it; each ends about {@link CHANGE_CONTEXT}
 * characters after its last difference (at a word end), or earlier as {@link excerptSlackText}
 * cuts to `max`. "…" marks text left out at either end; no cut falls inside a Slack formatting
 * code `<…>` or entity `&amp;`; a code longer than `max`/3 just before the difference is left
 * out (a link of hundreds of characters would fill the side and push the difference out of it);
 * when the difference is inside a code too long for a side, so that a side would end before
 * it, the texts are compared as read instead ({@link slackPlainText}, escaped again). Texts
 * that differ only in whitespace are shown from their start, marked `whitespaceOnly`. Never
 * throws.
 */
export function textChange(before: string, after: string, max: number): TextChange {
  const a = fold(before);
  const b = fold(after);
  if (a === b) {
    const same = { before: excerptSlackText(a, max), after: excerptSlackText(b, max) };
    return before === after ? same : { ...same, whitespaceOnly: true };
  }
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  const room = Math.min(a.length, b.length) - prefix;
  while (suffix < room && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const start = from(a, prefix, max);
  const change = {
    before: side(a, start, to(a, a.length - suffix), max),
    after: side(b, start, to(b, b.length - suffix), max),
  };
  // The difference is inside a code longer than a side, which cannot be cut: compare the
  // texts as read (codes as plain text, escaped again), which can be cut anywhere.
  if (reaches(change.before, a, start, prefix) && reaches(change.after, b, start, prefix))
    return change;
  const [plainA, plainB] = [a, b].map((text) => escapeSlackText(slackPlainText(text)));
  // Texts without codes (read as they are: once is enough) and codes that read alike (a channel
  // renamed in its code only) keep the sides of the stored form.
  if (plainA === undefined || plainB === undefined || (plainA === a && plainB === b)) return change;
  return fold(plainA) === fold(plainB) ? change : textChange(plainA, plainB, max);
}

function fold(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Where both excerpts start for a first difference at `prefix` (the same index in both), each
 * side at most `max` characters.
 */
function from(text: string, prefix: number, max: number): number {
  let start = Math.max(0, prefix - CHANGE_CONTEXT);
  if (start === 0) return 0;
  // The start of the sentence of the difference, if near; else a word start.
  const sentence = [...text.slice(start, prefix).matchAll(SENTENCE_START)].at(-1);
  if (sentence) start += sentence.index + 1;
  else {
    const space = text.lastIndexOf(" ", start - 1);
    if (space >= 0 && start - space <= CHANGE_CONTEXT) start = space + 1;
  }
  // Not inside a code or an entity: move back to its "<" or "&"; past a long code's ">" when
  // the difference comes after it (the whole code would leave the side no room for it).
  const open = text.lastIndexOf("<", start - 1);
  if (open > text.lastIndexOf(">", start - 1)) {
    const close = text.indexOf(">", start);
    start = close !== -1 && close < prefix && close + 1 - open > max / 3 ? close + 1 : open;
  }
  const amp = text.lastIndexOf("&", start - 1);
  if (amp >= 0 && start - amp <= 4 && !text.slice(amp, start).includes(";")) start = amp;
  // Cutting off only a few characters at the start saves nothing: keep the whole start.
  return start <= 8 ? 0 : start;
}

/** Where one side ends for its last difference ending at `end`: a word end, not in a code. */
function to(text: string, end: number): number {
  let stop = Math.min(text.length, end + CHANGE_CONTEXT);
  const space = text.indexOf(" ", stop);
  stop = space === -1 ? text.length : space;
  const open = text.lastIndexOf("<", stop - 1);
  if (open > text.lastIndexOf(">", stop - 1)) stop = text.indexOf(">", open) + 1 || text.length;
  const amp = text.lastIndexOf("&", stop - 1);
  if (amp >= 0 && stop - amp <= 4 && !text.slice(amp, stop).includes(";"))
    stop = text.indexOf(";", amp) + 1 || text.length;
  // Leaving out only a few characters at the end saves nothing: keep the whole end.
  return text.length - stop <= 8 ? text.length : stop;
}

/** Whether `side` (of `text`, from `start`) holds the character at `at`, the first difference. */
function reaches(side: string, text: string, start: number, at: number): boolean {
  const body = side.replace(/^…/u, "").replace(/…$/u, "");
  return body.startsWith(text.slice(start, at + 1).trim());
}

/** One side from `start` to `stop`, "…" where text was left out, cut to `max`. */
function side(text: string, start: number, stop: number, max: number): string {
  const head = start > 0 ? "…" : "";
  const tail = stop < text.length ? "…" : "";
  const cut = excerptSlackText(text.slice(start, stop), max - head.length - tail.length);
  return `${head}${cut}${cut.endsWith("…") ? "" : tail}`;
}
