/** Whitespace rules for text taken from the report. */

/** Collapses every run of whitespace to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** Joins the lines of one cell into one string, whitespace-normalised; `null` when empty. */
export function joinCell(lines: readonly string[]): string | null {
  const text = squash(lines.join(" "));
  return text === "" ? null : text;
}

/**
 * Joins a narrative: `null` items are paragraph breaks (the report's blank lines), lines of a
 * paragraph are joined with single spaces, paragraphs with "\n\n". `null` when nothing is left.
 */
export function joinParagraphs(items: readonly (string | null)[]): string | null {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = squash(current.join(" "));
    if (text !== "") paragraphs.push(text);
    current = [];
  };
  for (const item of items) {
    if (item === null) flush();
    else current.push(item);
  }
  flush();
  return paragraphs.length === 0 ? null : paragraphs.join("\n\n");
}

/** Whether a text ends a sentence ("…ekspluatāciju.", "…kārtībā.”"). */
export function endsSentence(text: string): boolean {
  return /[.!?]["”»)]?$/u.test(text.trimEnd());
}
