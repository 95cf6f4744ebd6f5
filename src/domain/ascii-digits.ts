/**
 * Numbers as typed on another keyboard read as ASCII ones: digits of any script ("/task ١٤"
 * (Arabic-Indic), "/task ۱۴" (Extended Arabic-Indic) or "/task १४" (Devanagari) is task 14) and
 * the separators such keyboards type in and between numbers ("١٣٫٣", "５：c", "5، 14"). Pure.
 */

/** A decimal digit (General_Category Nd) that is not an ASCII one, or a separator below. */
const NON_ASCII = /(?![0-9])\p{Nd}|[：．٫،，؛；]/gu;
const DIGIT = /^\p{Nd}$/u;

/**
 * The separators read as ASCII ones, each one code point for one: the fullwidth colon, full stop
 * and comma (U+FF1A, U+FF0E, U+FF0C: a Chinese or Japanese keyboard's "５：c", "１３．３"), the
 * Arabic decimal separator (U+066B, what `Intl.NumberFormat("ar-EG")` writes in "١٣٫٣") and the
 * Arabic comma (U+060C: "5، 14"), and the Arabic and fullwidth semicolons (U+061B, U+FF1B)
 * that part a reply's answers ("5: …؛ 14: …", attribution.ts). Not the ideographic full stop
 * "。" (U+3002), which ends a sentence and writes no decimals, nor the Arabic thousands
 * separator "٬" (U+066C).
 */
const SEPARATORS: Readonly<Record<string, string>> = {
  "：": ":",
  "．": ".",
  "٫": ".",
  "،": ",",
  "，": ",",
  "؛": ";",
  "；": ";",
};

/**
 * `text` with every decimal digit (Unicode General_Category Nd: "١", "۴", "४", "𝟏", fullwidth
 * "１", …) replaced by the ASCII digit of its value, and every separator of {@link SEPARATORS}
 * by its ASCII one (":" "." ","); other characters (letters, numerals that are not decimal
 * digits such as "Ⅻ", "①" or "一") as they are; text without any returned as it is. Code point
 * for code point (the same count as `text`, so {@link typedTail} finds what was typed); not
 * NFKC, which would change the count ("¼" → "1⁄4", "㉑" → "21"). Never throws.
 *
 * A digit's value: Unicode encodes each script's decimal digits as one contiguous run of ten,
 * zero first, ascending (The Unicode Standard, §4.6 "Numeric Value"), though runs may stand back
 * to back (the mathematical digits U+1D7CE–U+1D7FF are five), so a digit's value is its distance
 * from the start of the Nd run it stands in, modulo ten. tests/domain/ascii-digits.test.ts
 * checks this against the runtime's Unicode data and against `Intl.NumberFormat`'s digits.
 */
export function asciiDigits(text: string): string {
  return text.replace(
    NON_ASCII,
    (ch) => SEPARATORS[ch] ?? String(digitValue(ch.codePointAt(0) ?? 0)),
  );
}

/**
 * `text` with a decimal comma read as a full stop: "13,3" → "13.3", as Latvian (and most of
 * Europe) writes a decimal number, so a reply "13,3: …" or "/task 13,3" names task 13.3. Only an
 * ASCII comma between two runs of digits (any script's, "١٣,٣" too) with no space, the number
 * standing alone: not "5, 14" (a list), "1,5,14" (a list without spaces), "10.1,2" (neither one
 * nor the other), nor the Arabic or fullwidth comma ("١٤،١٥", "１４，１５": those keyboards write
 * no decimal comma; {@link asciiDigits} reads them as list commas). Call it before asciiDigits.
 * `isTask`, when given, decides each: the comma is read as a full stop only when it is true of
 * the number so read (ASCII digits, "13.3"); otherwise it is written as `listComma` (one code
 * point; default "," as typed), so a reply's "5,14: …" can be read as the list of tasks 5 and
 * 14 when 5.14 is no task (attribution.ts marks such a comma apart from the Arabic or fullwidth
 * one, which asciiDigits writes as ","). Without `isTask` every such comma is a decimal one
 * (`/task 13,3`, commands/task.ts).
 * One code point for one (the same count as `text`, as {@link typedTail} needs). Pure; never
 * throws (unless `isTask` does).
 */
export function decimalComma(
  text: string,
  isTask?: (number: string) => boolean,
  listComma = ",",
): string {
  if (!text.includes(",")) return text;
  return text.replace(DECIMAL_COMMA, (_, integer: string, fraction: string) =>
    !isTask || isTask(asciiDigits(`${integer}.${fraction}`))
      ? `${integer}.${fraction}`
      : `${integer}${listComma}${fraction}`,
  );
}

const DECIMAL_COMMA = /(?<![\p{Nd}.,．٫،，])(\p{Nd}+),(\p{Nd}+)(?![\p{Nd},،，]|[.．٫]\p{Nd})/gu;

/** The value (0–9) of the Nd code point `cp`: see {@link asciiDigits}. */
function digitValue(cp: number): number {
  let start = cp;
  while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/**
 * The end of `typed` that `tail`, an end of `read` = {@link asciiDigits}(`typed`), was read
 * from: asciiDigits replaces code point for code point (a digit outside the BMP, "𝟏", is two
 * UTF-16 units and becomes one), so the same number of code points from the end. For echoing a
 * mistake found in the read text as it was typed ("14 history ٣x" → "٣x", "١٤،x" as such). Pure.
 */
export function typedTail(typed: string, read: string, tail: string): string {
  if (typed === read) return tail;
  const count = [...tail].length;
  return count === 0 ? "" : [...typed].slice(-count).join("");
}
