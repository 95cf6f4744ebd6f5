/**
 * Institution codes as people read them: in Latvian alphabetical order ("AiM", "ĀM", "IEM",
 * "TM": Ā right after A, not after Z as code points would put it) and compared without
 * diacritics where a typed code may lack them ("AM" for "ĀM").
 */

const LATVIAN = new Intl.Collator("lv");

/** Compares two codes in Latvian alphabetical order ("AiM" < "ĀM" < "BM" < "TM"). */
export function compareCodes(a: string, b: string): number {
  return LATVIAN.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Compares two records by their `code` (see `compareCodes`): `rows.sort(byCode)`. */
export function byCode(a: { code: string }, b: { code: string }): number {
  return compareCodes(a.code, b.code);
}

/** `code` upper-cased in Latvian with its diacritics dropped: "ĀM" → "AM", "IzM" → "IZM". */
export function foldCode(code: string): string {
  return code.normalize("NFD").replace(/\p{M}/gu, "").toLocaleUpperCase("lv");
}

/** Whether `text` carries no diacritics ("AM", "iem"), i.e. folding changes only its case. */
export function withoutDiacritics(text: string): boolean {
  return text.normalize("NFD") === text.normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * `text` with every double quotation mark written as the straight `"`: Latvian „…”, English
 * “…”, «…» and the straight one typed on a keyboard all compare alike, so `Patvērums "Drošā
 * māja"` (as typed, or as a Slack client without smart quotes sends it) finds the code the
 * report prints as „Patvērums „Drošā māja”” (src/import/institutions.ts compares so too).
 */
export function plainQuotes(text: string): string {
  return text.replace(/[„“”‟«»"]/gu, '"');
}

/** Quotation marks, double and single, of any style a keyboard, a client or a report writes. */
const QUOTE = "„“”‟\"«»‚‘’‛'‹›";

/**
 * `text` without one pair of quotation marks (any style, double or single: "…", „…”, “…”,
 * «…», '…', ‘…’) that wrap the whole of it, the rest trimmed: `"LM"` → `LM`, `«Labklājības
 * ministrija»` → `Labklājības ministrija`, `„Patvērums „Drošā māja””` → `Patvērums „Drošā
 * māja”`. Text that is not wholly wrapped (`Patvērums „Drošā māja”`: its quotes are its own),
 * or wraps nothing (`""`), is returned as it is. Pure.
 */
export function unwrapQuotes(text: string): string {
  const chars = [...text];
  const [first, last] = [chars[0] ?? "", chars.at(-1) ?? ""];
  if (chars.length < 3 || !QUOTE.includes(first) || !QUOTE.includes(last)) return text;
  const inner = chars.slice(1, -1).join("").trim();
  return inner === "" ? text : inner;
}
