/**
 * Digits of any script read as ASCII ones (a fresh user's finding: "/task ١٤" was not task 14),
 * and the separators other keyboards type in numbers ("：", "．", "٫", "،", "，") as ":" "." ",".
 * Checked against the runtime's own Unicode data (every Nd run is whole tens) and against the
 * digits `Intl.NumberFormat` writes in each decimal numbering system.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiDigits } from "../../src/domain/ascii-digits.ts";
import { anyDecimalSystem, DECIMAL_SYSTEMS, inDigits } from "../helpers/any-digits.ts";

const ND = /^\p{Nd}$/u;

/** The runs of consecutive Nd code points in the runtime's Unicode data: [first, length]. */
function ndRuns(): [number, number][] {
  const runs: [number, number][] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (!ND.test(String.fromCodePoint(cp))) continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === cp) last[1]++;
    else runs.push([cp, 1]);
  }
  return runs;
}

describe("asciiDigits", () => {
  it("reads the fresh user's '١٤' and '۱۴' as 14, and other scripts' digits too", () => {
    expect(asciiDigits("١٤")).toBe("14"); // U+0661 U+0664 Arabic-Indic
    expect(asciiDigits("۱۴")).toBe("14"); // U+06F1 U+06F4 Extended Arabic-Indic
    expect(asciiDigits("१४")).toBe("14"); // Devanagari
    expect(asciiDigits("１４")).toBe("14"); // fullwidth
    expect(asciiDigits("𝟏𝟒 𝟘 𝟿")).toBe("14 0 9"); // mathematical bold, double-struck, monospace
    expect(asciiDigits("١٠.١.٢")).toBe("10.1.2");
  });

  // A fresh user's finding: "５：c", "١٣٫٣: …" and "5، 14" typed on other keyboards were not read.
  it("reads separators typed on other keyboards as ASCII ones", () => {
    expect(asciiDigits("５：c")).toBe("5:c"); // U+FF1A fullwidth colon
    expect(asciiDigits("１３．３")).toBe("13.3"); // U+FF0E fullwidth full stop
    expect(asciiDigits("١٣٫٣: darīts")).toBe("13.3: darīts"); // U+066B Arabic decimal separator
    expect(asciiDigits("5، 14")).toBe("5, 14"); // U+060C Arabic comma
    expect(asciiDigits("５，１４")).toBe("5,14"); // U+FF0C fullwidth comma
    expect(asciiDigits("Labdien：sēde，plāns")).toBe("Labdien:sēde,plāns");
  });

  it("leaves the ideographic full stop and other punctuation as they are", () => {
    // "。" ends a sentence, it writes no decimals ("１４。" is no "14."); "٬" groups thousands.
    expect(asciiDigits("１４。")).toBe("14。");
    expect(asciiDigits("١٬٢٣٤ ۔ ､ ︰")).toBe("1٬234 ۔ ､ ︰");
  });

  it("reads the Arabic and fullwidth semicolons as ';', which part a reply's answers", () => {
    expect(asciiDigits("٥: sākts؛ ١٤: darīts")).toBe("5: sākts; 14: darīts"); // U+061B
    expect(asciiDigits("５：sākts；１４")).toBe("5:sākts;14"); // U+FF1B
  });

  it("reads a decimal number as Intl writes it with an Arabic decimal separator", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("ar-EG", "fa", "ps"),
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.integer({ min: 1, max: 9 }),
        (locale, whole, tenth) => {
          const n = whole + tenth / 10;
          const written = new Intl.NumberFormat(locale, { useGrouping: false }).format(n);
          expect(written).toContain("٫");
          expect(asciiDigits(written)).toBe(`${whole}.${tenth}`);
        },
      ),
    );
  });

  it("leaves what is not a decimal digit or such a separator as it is", () => {
    expect(asciiDigits("IEM 14 Ⅻ ① 一 ²")).toBe("IEM 14 Ⅻ ① 一 ²");
    const separators: Record<string, string> = {
      "：": ":",
      "．": ".",
      "٫": ".",
      "،": ",",
      "，": ",",
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ unit: "grapheme" }), fc.constantFrom(...Object.keys(separators))),
        ),
        (pieces) => {
          const text = pieces.join("");
          const out = asciiDigits(text);
          expect([...out]).toHaveLength([...text].length);
          [...text].forEach((ch, i) => {
            if (ND.test(ch)) expect([...out][i]).toMatch(/^[0-9]$/u);
            else expect([...out][i]).toBe(separators[ch] ?? ch);
          });
        },
      ),
    );
  });

  it("keeps the code-point count of any text, so typedTail echoes what was typed", () => {
    const piece = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.constantFrom("：", "．", "٫", "،", "，", "。", "١", "𝟏", "１", "\u200F"),
    );
    fc.assert(
      fc.property(fc.array(piece), (pieces) => {
        const text = pieces.join("");
        expect([...asciiDigits(text)]).toHaveLength([...text].length);
      }),
    );
  });

  it("every Nd run in the runtime's Unicode data is whole tens, each read 0 to 9", () => {
    const runs = ndRuns();
    expect(runs.length).toBeGreaterThan(50);
    for (const [first, length] of runs) {
      expect(length % 10, `run at U+${first.toString(16)}`).toBe(0);
      const text = Array.from({ length }, (_, i) => String.fromCodePoint(first + i)).join("");
      expect(asciiDigits(text)).toBe("0123456789".repeat(length / 10));
    }
  });

  it("reads any number as Intl writes it in any decimal numbering system", () => {
    expect(DECIMAL_SYSTEMS).toEqual(expect.arrayContaining(["arab", "arabext", "deva", "latn"]));
    fc.assert(
      fc.property(anyDecimalSystem, fc.bigInt({ min: 0n, max: 10n ** 20n }), (nu, n) => {
        expect(asciiDigits(inDigits(nu, n))).toBe(n.toString());
      }),
    );
  });
});
