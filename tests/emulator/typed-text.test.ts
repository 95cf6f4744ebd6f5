import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { typedToSlackText } from "../../src/emulator/typed-text.ts";
import { slackPlainText } from "../../src/slack/message-text.ts";

describe("typedToSlackText", () => {
  it("escapes &, < and > and makes Slack's codes of broadcasts, members and URLs", () => {
    const people = new Map([["anna.liepa", "U0LOCAL02"]]);
    expect(typedToSlackText("5: R&D un 5 < 6 > 2")).toBe("5: R&amp;D un 5 &lt; 6 &gt; 2");
    expect(typedToSlackText("@here, @anna.liepa. @nav (https://a.lv/x?y=1&z=2)", people)).toBe(
      "<!here>, <@U0LOCAL02>. @nav (<https://a.lv/x?y=1&amp;z=2>)",
    );
    expect(typedToSlackText("e-pasts a@channel.lv")).toBe("e-pasts a@channel.lv");
  });

  it("reads back as typed, for text without codes", () => {
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const plain = typed.replace(/@|https?:\/\//g, "");
        expect(slackPlainText(typedToSlackText(plain))).toBe(plain);
      }),
    );
  });
});
