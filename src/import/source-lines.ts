/**
 * Lines of the PDF-extracted report, cleaned of extraction artefacts but still one per printed
 * line, with what the layout tells about each (width, page start).
 */

/** One printed line of the report (two when a word was broken across lines and re-joined). */
export interface SourceLine {
  /** 1-based line number in the report text (of the first part when joined). */
  no: number;
  /** The line without surrounding whitespace; inner spacing kept (row numbers rely on it). */
  text: string;
  /** Width in characters of the widest physical part, trimmed: narrow columns are ≤ ~33. */
  width: number;
  /** A whitespace-only line: paragraph spacing in the progress column. */
  blank: boolean;
  /** The first line of a new PDF page (see {@link readLines}). */
  pageStart: boolean;
}

/** PDF link annotations come out as a bare URL with no trailing space; text lines all end in one. */
const ANNOTATION = /^https?:\/\/\S+$/u;
/** Page numbers ("40", "49") stand alone on a line. */
const PAGE_NUMBER = /^\s*\d{1,3}\s*$/u;

/**
 * Reads physical lines `[from, to)` of the extracted text.
 * - Empty lines are dropped: the extraction puts one after every printed line.
 * - Link annotations and page numbers are dropped (they are not report text).
 * - A printed line without a trailing space ends in a broken word ("31.10.2006.noteikum" +
 *   "os Nr.889", "human-" + "trafficking/…"): it is joined to the next line without a space.
 * - `pageStart` is set on a line that follows a page number, or that begins with a space and
 *   follows the previous printed line directly (no empty line between): that is how the
 *   extraction starts every page (" un radītu skaidru…", " 8.  Izvērtēt…").
 */
export function readLines(
  physical: readonly string[],
  from = 0,
  to = physical.length,
): SourceLine[] {
  const out: SourceLine[] = [];
  let pendingPage = false;
  let joinNext = false;
  for (let i = Math.max(0, from); i < Math.min(to, physical.length); i++) {
    const raw = physical[i] ?? "";
    if (raw === "") continue;
    if (ANNOTATION.test(raw)) continue;
    if (PAGE_NUMBER.test(raw)) {
      pendingPage = true;
      continue;
    }
    const text = raw.trim();
    const previous = out.at(-1);
    if (joinNext && previous && text !== "") {
      previous.text += text;
      previous.width = Math.max(previous.width, text.length);
      joinNext = /\S$/u.test(raw);
      continue;
    }
    const pageStart = pendingPage || (i > 0 && (physical[i - 1] ?? "") !== "" && /^\s/u.test(raw));
    pendingPage = false;
    out.push({ no: i + 1, text, width: text.length, blank: text === "", pageStart });
    joinNext = text !== "" && /\S$/u.test(raw);
  }
  return out;
}

/** Splits a text into physical lines (LF or CRLF). */
export function splitPhysical(text: string): string[] {
  return text.split(/\r?\n/u);
}
