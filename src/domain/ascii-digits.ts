/**
 * Digits of any script read as ASCII digits, for numbers typed in commands: "/task ١٤"
 * (Arabic-Indic), "/task ۱۴" (Extended Arabic-Indic) or "/task १४" (Devanagari) is task 14, as
 * a keyboard set to another script types it. Pure.
 */

/** A decimal digit (General_Category Nd) that is not an ASCII one. */
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const DIGIT = /^\p{Nd}$/u;

/**
 * `text` with every decimal digit (Unicode General_Category Nd: "١", "۴", "४", "𝟏", fullwidth
 * "１", …) replaced by the ASCII digit of its value; other characters (letters, numerals that are
 * not decimal digits such as "Ⅻ", "①" or "一") as they are; text without any returned as it is.
 * Never throws.
 *
 * The value: Unicode encodes each script's decimal digits as one contiguous run of ten, zero
 * first, ascending (The Unicode Standard, §4.6 "Numeric Value"), though runs may stand back to
 * back (the mathematical digits U+1D7CE–U+1D7FF are five), so a digit's value is its distance
 * from the start of the Nd run it stands in, modulo ten. tests/domain/ascii-digits.test.ts
 * checks this against the runtime's Unicode data and against `Intl.NumberFormat`'s digits.
 */
export function asciiDigits(text: string): string {
  return text.replace(NON_ASCII_DIGIT, (digit) => String(digitValue(digit.codePointAt(0) ?? 0)));
}

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
 * mistake found in the read text as it was typed ("14 history ٣x" → "٣x"). Pure.
 */
export function typedTail(typed: string, read: string, tail: string): string {
  if (typed === read) return tail;
  const count = [...tail].length;
  return count === 0 ? "" : [...typed].slice(-count).join("");
}
