import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeSlackEntities,
  escapeSlackText,
  excerptSlackText,
  slackDisplayText,
  slackPlainText,
} from "../../src/slack/message-text.ts";

/** Text rich in the characters and codes Slack's formatting is made of. */
const slackish = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        "&",
        "<",
        ">",
        "|",
        "&amp;",
        "&lt;",
        "&gt;",
        "&quot;",
        "&amp;lt;",
        "<@U1>",
        "<@U1|anna>",
        "<#C1|general>",
        "<!channel>",
        "<!here>",
        "<!subteam^S1|@team>",
        "<!date^1392734382^{date}|Feb 18>",
        "<https://a.lv?x=1&amp;y=2|A &amp; B>",
        "<https://a.lv>",
        "<",
        "<!",
        "<https://cut",
      ),
    ),
  )
  .map((parts) => parts.join(""));

describe("slackPlainText", () => {
  it("reads every code of the formatting reference as a person does", () => {
    const names = { users: new Map([["U0LOCAL02", "anna"]]), channels: new Map([["C9", "darbs"]]) };
    expect(
      slackPlainText(
        "14: <!channel> skatīt <https://evil.example|lm.gov.lv> un <@U0LOCAL02> <@U7|juris> <@U8>",
        names,
      ),
    ).toBe("14: @channel skatīt lm.gov.lv (https://evil.example) un @anna @juris @U8");
    expect(slackPlainText("<#C1|general> <#C9> <#C2> <!here> <!everyone>", names)).toBe(
      "#general #darbs #C2 @here @everyone",
    );
    expect(
      slackPlainText("<!subteam^S1|@team> <!subteam^S2> <!date^1392734382^{date}|Feb 18>"),
    ).toBe("@team @S2 Feb 18");
    expect(
      slackPlainText("<https://a.lv?x=1&amp;y=2> <mailto:a@b.lv|a@b.lv> <https://b.lv|R&amp;D>"),
    ).toBe("https://a.lv?x=1&y=2 a@b.lv R&D (https://b.lv)");
    expect(slackPlainText("5: R&amp;D un 5 &lt; 6 &gt; 2")).toBe("5: R&D un 5 < 6 > 2");
  });

  it("leaves what is no code as written: a modal's raw text, a code cut short", () => {
    expect(slackPlainText("3 < 4 > 2 & <b> <https://cut")).toBe("3 < 4 > 2 & <b> <https://cut");
    expect(slackPlainText("&amp;lt; &quot; &nbsp;")).toBe("&lt; &quot; &nbsp;");
  });

  it("never throws, and decodes exactly Slack's three entities", () => {
    fc.assert(
      fc.property(slackish, (text) => {
        expect(typeof slackPlainText(text)).toBe("string");
      }),
    );
    // Typed text, escaped as Slack sends it, reads back exactly.
    fc.assert(
      fc.property(fc.string(), (typed) => {
        expect(slackPlainText(escapeSlackText(typed))).toBe(typed);
        expect(decodeSlackEntities(escapeSlackText(typed))).toBe(typed);
      }),
    );
    // Without codes, only &amp; &lt; &gt; change, each into its one character.
    fc.assert(
      fc.property(slackish, (text) => {
        const noCodes = text.replace(/[<>]/g, "");
        const expected = noCodes.replace(/&(amp|lt|gt);/g, (_, e: string) =>
          e === "amp" ? "&" : e === "lt" ? "<" : ">",
        );
        expect(slackPlainText(noCodes)).toBe(expected);
      }),
    );
  });
});

describe("slackDisplayText", () => {
  it("keeps entities escaped once, codes as codes, and shows broadcasts as plain @channel", () => {
    expect(slackDisplayText("5: R&amp;D un 5 &lt; 6")).toBe("5: R&amp;D un 5 &lt; 6");
    expect(slackDisplayText("<!channel> <!here|here> <!subteam^S1|@team> <@U1> <#C1|x>")).toBe(
      "@channel @here @team <@U1> <#C1|x>",
    );
    expect(slackDisplayText("<!everyone> <!subteam^S2> <!subteam^S3|R&amp;D>")).toBe(
      "@everyone @S2 @R&amp;D",
    );
    expect(slackDisplayText("<https://a.lv?x=1&y=2|A & B>")).toBe(
      "<https://a.lv?x=1&amp;y=2|A &amp; B>",
    );
    expect(slackDisplayText("3 < 4 & <b> <https://cut")).toBe(
      "3 &lt; 4 &amp; &lt;b&gt; &lt;https://cut",
    );
  });

  it("never throws, is idempotent on its own output, and leaves no broadcast code", () => {
    fc.assert(
      fc.property(slackish, (text) => {
        const shown = slackDisplayText(text);
        expect(slackDisplayText(shown)).toBe(shown);
        expect(shown).not.toMatch(/<!(channel|here|everyone|group|subteam)/);
        // No & is left that starts no entity.
        expect(shown.replace(/&(?!(amp|lt|gt);)/g, "")).toBe(shown);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (typed) => {
        expect(slackDisplayText(escapeSlackText(typed))).toBe(escapeSlackText(typed));
      }),
    );
  });
});

describe("excerptSlackText", () => {
  it("cuts before a code or an entity it would split, never inside", () => {
    const link = "<https://example.lv/a/very/long/path|the label of a link>";
    expect(excerptSlackText(`vārds vārds ${link}`, 40)).toBe("vārds vārds…");
    expect(excerptSlackText("aaaa bbbb R&amp;D", 14)).toBe("aaaa bbbb…");
    expect(excerptSlackText("īss  teksts\n<@U1>", 100)).toBe("īss teksts <@U1>");
  });

  it("never throws and fits max when it cuts", () => {
    fc.assert(
      fc.property(slackish, fc.integer({ min: 2, max: 60 }), (text, max) => {
        const cut = excerptSlackText(text, max);
        if (cut !== text.replace(/\s+/g, " ").trim()) expect(cut.length).toBeLessThanOrEqual(max);
      }),
    );
  });
});
