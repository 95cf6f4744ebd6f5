/**
 * Numbers written in the digits of any script, for the property tests that check a reader takes
 * them as it takes ASCII ones (tests/domain/ascii-digits.test.ts, attribution-digits.test.ts,
 * tests/commands/task-parse.test.ts, any-digits-parse.test.ts). The scripts are the runtime's own:
 * every numbering system `Intl.NumberFormat` writes in Unicode decimal digits (Nd).
 */
import fc from "fast-check";

const ND = /^\p{Nd}$/u;

/**
 * The numbering systems whose ten digits are Nd characters, as `Intl.supportedValuesOf` names
 * them ("latn", "arab", "arabext", "deva", "mathbold", …; not "hanidec" or "roman").
 */
export const DECIMAL_SYSTEMS: readonly string[] = Intl.supportedValuesOf("numberingSystem").filter(
  (nu) => [...inDigits(nu, 1234567890)].every((d) => ND.test(d)),
);

/** fast-check: one of {@link DECIMAL_SYSTEMS}, for {@link inDigits}. */
export const anyDecimalSystem: fc.Arbitrary<string> = fc.constantFrom(...DECIMAL_SYSTEMS);

/**
 * The whole number `n` (≥ 0) written in numbering system `nu` without grouping, zero-padded to
 * `width` digits: inDigits("arab", 14) is "١٤", inDigits("latn", 5, 2) is "05".
 */
export function inDigits(nu: string, n: number | bigint, width = 1): string {
  return new Intl.NumberFormat(`en-u-nu-${nu}`, {
    useGrouping: false,
    minimumIntegerDigits: width,
  }).format(n);
}
