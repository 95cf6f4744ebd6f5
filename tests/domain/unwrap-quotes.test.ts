/**
 * `unwrapQuotes` (src/domain/codes.ts): one pair of quotation marks of any style wrapping the
 * whole text is dropped (`"LM"`, `'LM'`, `«Labklājības ministrija»`), quotes that belong to the
 * text (`Patvērums „Drošā māja”`) are kept.
 */
import { describe, expect, it } from "vitest";
import { unwrapQuotes } from "../../src/domain/codes.ts";

describe("unwrapQuotes", () => {
  it("drops one pair wrapping the whole text, any style, and trims inside", () => {
    for (const typed of ['"LM"', "'LM'", "„LM”", "“LM”", "«LM»", "‘LM’", "‚LM‘", "» LM «"])
      expect(unwrapQuotes(typed)).toBe("LM");
    expect(unwrapQuotes("«Labklājības ministrija»")).toBe("Labklājības ministrija");
    expect(unwrapQuotes("„Patvērums „Drošā māja””")).toBe("Patvērums „Drošā māja”");
    expect(unwrapQuotes('""LM""')).toBe('"LM"');
  });

  it("keeps text that is not wrapped whole, or wraps nothing", () => {
    for (const text of [
      "Patvērums „Drošā māja”",
      'Patvērums "Drošā māja"',
      "LM",
      '"LM',
      "LM'",
      '""',
      '" "',
      '"',
      "",
    ])
      expect(unwrapQuotes(text)).toBe(text);
  });
});
