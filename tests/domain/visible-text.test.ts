/**
 * visibleText reads text as it looks: invisible format characters (zero-width ones, the
 * byte-order mark, bidirectional controls) dropped, no-break spaces read as spaces (a fresh
 * user's findings: "/task 14" + U+200B, and bidi controls such as U+202A…U+202C around "14",
 * were quoted back in "Nesapratu „…”"). Examples, then properties over arbitrary text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { visibleText } from "../../src/domain/visible-text.ts";
import { userText } from "../property/arbitraries.ts";

/** The bidirectional controls (UAX #9): marks, embeddings, overrides, isolates and pops. */
const BIDI = [
  "\u200E",
  "\u200F",
  "\u061C",
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
];
/** Every character visibleText drops anywhere (joiners only outside emoji sequences). */
const DROPPED = ["\u200B", "\u2060", "\uFEFF", ...BIDI];
const hex = (c: string) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");

describe("bidirectional controls", () => {
  it.each(BIDI.map((c) => [hex(c), c]))("U+%s is dropped wherever it is", (_, c) => {
    expect(visibleText(`${c}14${c} vēsture${c}`)).toBe("14 vēsture");
  });

  it("an embedding or isolate around a word leaves the word ('\\u202A14\\u202C', '\\u2067IEM\\u2069')", () => {
    expect(visibleText("\u202A14\u202C")).toBe("14");
    expect(visibleText("\u2067IEM\u2069 \u200Fset")).toBe("IEM set");
  });

  it("an override is dropped, not applied: the characters are read in the order typed", () => {
    expect(visibleText("\u202E41\u202C")).toBe("41");
  });

  it("Latvian, Arabic and Hebrew letters are kept", () => {
    const text = "Ziņojums: مرحبا שלום";
    expect(visibleText(text)).toBe(text);
  });
});

/** `text` with `inserted` characters put in at positions `at` (each taken modulo its length + 1). */
function sprinkle(text: string, inserted: string[], at: number[]): string {
  let out = text;
  inserted.forEach((c, i) => {
    const where = (at[i] ?? 0) % (out.length + 1);
    out = `${out.slice(0, where)}${c}${out.slice(where)}`;
  });
  return out;
}

describe("properties", () => {
  const dropped = fc.array(fc.constantFrom(...DROPPED), { maxLength: 8 });
  const positions = fc.array(fc.nat(), { minLength: 8, maxLength: 8 });

  it("the result holds no dropped character and no no-break space", () => {
    fc.assert(
      fc.property(userText, dropped, positions, (text, chars, at) => {
        const seen = visibleText(sprinkle(text, chars, at));
        for (const c of [...DROPPED, "\u00A0", "\u2007", "\u202F"]) expect(seen).not.toContain(c);
      }),
      { numRuns: 300 },
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(userText, dropped, positions, (text, chars, at) => {
        const once = visibleText(sprinkle(text, chars, at));
        expect(visibleText(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it("text of letters, digits, punctuation and spaces reads the same with dropped characters sprinkled in", () => {
    const plain = fc.stringMatching(/^[\p{L}\p{N}\p{P} ]{0,80}$/u);
    fc.assert(
      fc.property(plain, dropped, positions, (text, chars, at) => {
        // A sprinkled character never lands inside a surrogate pair: plain text is BMP-only here.
        fc.pre([...text].every((c) => c.length === 1));
        expect(visibleText(sprinkle(text, chars, at))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
