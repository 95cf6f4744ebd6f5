/**
 * What an edit changed is never lost from `/task N history`'s excerpt (a reviewer's finding:
 * with a 214-character link just before an edited "2010" → "2011" both sides read "……"). A
 * link longer than a side before the difference is left out rather than filling the side; a
 * difference inside such a link is shown as the link reads; and, for many generated narratives
 * (sentences, links of 5–400 characters, mentions, entities) with one word changed, both sides
 * hold the changed word whole, within `max`, with no code cut open; a side too short for the
 * change still ends (no endless re-reading of the texts). Pure functions.
 */
import { describe, expect, it } from "vitest";
import { textChange } from "../../src/history/text-change.ts";

/** A small seeded generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

// No "w", "q" or "x": the changed words are made of them, so finding one proves it is that word.
const LETTERS = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzž";
const CHANGED = "wqx";

function narrative(next: () => number, changed: string): string {
  const pick = (n: number) => Math.floor(next() * n);
  const word = () =>
    Array.from({ length: 2 + pick(10) }, () => LETTERS[pick(LETTERS.length)]).join("");
  const token = () => {
    const r = next();
    if (r < 0.12)
      return `<https://likumi.lv/ta/id/${"a".repeat(5 + pick(396))}|${word()} ${word()}>`;
    if (r < 0.16) return `<@U0${pick(1e6)}>`;
    if (r < 0.2) return "R&amp;D";
    if (r < 0.3) return `${word()}. ${word().toUpperCase().slice(0, 1)}${word()}`;
    return word();
  };
  const tokens = Array.from({ length: 20 + pick(200) }, token);
  tokens.splice(pick(tokens.length), 0, changed);
  return tokens.join(" ");
}

const changedWord = (next: () => number) =>
  Array.from({ length: 3 + Math.floor(next() * 14) }, () => CHANGED[Math.floor(next() * 3)]).join(
    "",
  );

describe("textChange keeps what was changed", () => {
  it("leaves out a link longer than a side just before the difference", () => {
    const link = `<https://likumi.lv/ta/id/${"123456-".repeat(28)}grozijumi|Grozījumi Darba likumā>`;
    expect(link.length).toBeGreaterThan(200);
    const before = `${"Ievads. ".repeat(10)}Sk. ${link} pieņemts 2010. gadā ${"un tā tālāk ".repeat(20)}`;
    const change = textChange(before, before.replace("2010", "2011"), 200);
    expect(change.before).toMatch(/^…pieņemts 2010\. gadā un tā tālāk.*…$/u);
    expect(change.after).toMatch(/^…pieņemts 2011\. gadā un tā tālāk.*…$/u);
  });

  it("shows a difference inside a link longer than a side as the link reads", () => {
    const before = `Sk. <https://likumi.lv/ta/id/${"a".repeat(300)}-2010|likums> un tā tālāk`;
    const change = textChange(before, before.replace("2010", "2011"), 200);
    expect(change.before).toMatch(/^…a+-2010\) un tā tālāk$/u);
    expect(change.after).toMatch(/^…a+-2011\) un tā tālāk$/u);
    expect(change.before.length).toBeLessThanOrEqual(200);
  });

  it("ends, within max, when a side too short for the change is asked for (max 20-60)", () => {
    const next = random(2_011);
    const plain = `${"vārds ".repeat(30)}pieņemts 2010. gadā`;
    expect(textChange(plain, plain.replace("2010", "2011"), 20).before.length).toBeLessThanOrEqual(
      20,
    );
    for (let i = 0; i < 300; i++) {
      const before = narrative(next, changedWord(next));
      const after = narrative(next, changedWord(next));
      const max = 20 + Math.floor(next() * 41);
      const change = textChange(before, after, max);
      expect(change.before.length).toBeLessThanOrEqual(max);
      expect(change.after.length).toBeLessThanOrEqual(max);
    }
  });

  it("holds the changed word on both sides of 2,000 generated edits", () => {
    const next = random(20_101);
    for (let i = 0; i < 2_000; i++) {
      const old = changedWord(next);
      let now = changedWord(next);
      while (now === old) now = changedWord(next);
      const before = narrative(next, old);
      const after = before.replace(old, now);
      const max = [200, 300][i % 2] ?? 200;
      const change = textChange(before, after, max);
      const seen = `#${i} max ${max}: ${JSON.stringify({ before, after, change })}`;
      expect(change.before, seen).toMatch(new RegExp(`(?<![${CHANGED}])${old}(?![${CHANGED}])`));
      expect(change.after, seen).toMatch(new RegExp(`(?<![${CHANGED}])${now}(?![${CHANGED}])`));
      for (const side of [change.before, change.after]) {
        expect(side.length, seen).toBeLessThanOrEqual(max);
        expect(side.split("<").length, seen).toBe(side.split(">").length);
      }
    }
  });
});
