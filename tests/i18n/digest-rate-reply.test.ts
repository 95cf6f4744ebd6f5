/**
 * The digest's response rate in English agrees with the number asked for: "1 of 1 reply", "1 of
 * 2 replies" (a fresh user's finding: "(1 of 1 replies asked for; …)").
 */
import { describe, expect, it } from "vitest";
import { digestText } from "../../src/i18n/digest.ts";

describe("digest response rate (en)", () => {
  it.each([
    [100, 1, 1, "response rate 100% (1 of 1 reply asked for; past reporting cut-offs: 1)"],
    [0, 0, 1, "response rate 0% (0 of 1 reply asked for; past reporting cut-offs: 1)"],
    [50, 1, 2, "response rate 50% (1 of 2 replies asked for; past reporting cut-offs: 1)"],
  ])("%i%%, %i of %i", (pct, answered, asked, text) => {
    expect(digestText("en").rate(pct, answered, asked, 1)).toBe(text);
  });
});

describe("digest response rate with answers after the cut-off", () => {
  it.each([
    [1, 1, 1, "1 no 1 prasītās atbildes, pēc ziņošanas termiņa;", "1 of 1 reply asked for, after"],
    [
      3,
      4,
      3,
      "3 no 4 prasītajām atbildēm, visas pēc ziņošanas termiņa;",
      "3 of 4 replies asked for, all after",
    ],
    [
      3,
      4,
      2,
      "3 no 4 prasītajām atbildēm, no saņemtajām 2 pēc ziņošanas termiņa;",
      "3 of 4 replies asked for, 2 of those received after",
    ],
    [3, 4, 0, "3 no 4 prasītajām atbildēm;", "3 of 4 replies asked for;"],
  ])("%i of %i, %i late", (answered, asked, late, lv, en) => {
    expect(digestText("lv").rate(75, answered, asked, 2, late)).toContain(lv);
    expect(digestText("en").rate(75, answered, asked, 2, late)).toContain(en);
  });
});
