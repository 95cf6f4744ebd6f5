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
