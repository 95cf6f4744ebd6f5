import { describe, expect, it } from "vitest";
import { escapeMrkdwn, splitText, truncateText } from "../../src/slack/fit.ts";

describe("splitText", () => {
  it("keeps a text that fits whole", () => {
    expect(splitText("  Īss teksts.  ", 100)).toEqual(["Īss teksts."]);
    expect(splitText("   ", 100)).toEqual([]);
  });

  it("splits at paragraph boundaries first", () => {
    const a = "A".repeat(60);
    const b = "B".repeat(60);
    expect(splitText(`${a}\n\n${b}`, 100)).toEqual([a, b]);
  });

  it("splits at sentence ends when a paragraph is too long, never mid-word", () => {
    const sentence = "Valsts policija sadarbībā ar biedrību izstrādāja projekta pieteikumu. ";
    const text = sentence.repeat(100);
    const pieces = splitText(text, 3000);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(3000);
      expect(p.endsWith(".")).toBe(true);
    }
    expect(pieces.join(" ")).toBe(text.trim());
  });

  it("cuts a run without spaces hard, but not inside a surrogate pair", () => {
    const text = "🙂".repeat(20);
    const pieces = splitText(text, 5);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(5);
    expect(pieces.join("")).toBe(text);
  });
});

describe("truncateText", () => {
  it("ends with an ellipsis at a word boundary", () => {
    const t = truncateText("viens divi trīs četri pieci", 15);
    expect(t.length).toBeLessThanOrEqual(15);
    expect(t).toBe("viens divi…");
  });
  it("leaves a fitting text alone", () => expect(truncateText("ok", 2)).toBe("ok"));
});

describe("escapeMrkdwn", () => {
  it("escapes Slack's control characters", () => {
    expect(escapeMrkdwn("a < b & c > d")).toBe("a &lt; b &amp; c &gt; d");
  });
});

describe("sentence boundaries in Latvian report text", () => {
  it("does not end a sentence at a year, an abbreviation or a number", () => {
    const text = `${"Programmas cilvēku tirdzniecības novēršanai 2009. gada plānā ir noteikumi Nr. 618 un u.c. lietas ".repeat(3)}Beigas. Nākamais teikums.`;
    const [head] = splitText(text, 320);
    expect(head?.endsWith("Beigas.") || !/\b(2009|Nr|u\.c)\.$/.test(head ?? "")).toBe(true);
  });
});
