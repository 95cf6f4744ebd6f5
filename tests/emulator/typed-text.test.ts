import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commandTextAsSlackSends, typedToSlackText } from "../../src/emulator/typed-text.ts";
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

describe("commandTextAsSlackSends", () => {
  it("sends a typed @name and #name of the workspace as Slack's codes, others as text", () => {
    const people = new Map([["anna", "U0LOCAL02"]]);
    const channels = new Map([["iem-darba-grupa", "C0LOCAL02"]]);
    expect(
      commandTextAsSlackSends("set IEM #iem-darba-grupa @anna @nav #nav R&D", people, channels),
    ).toBe("set IEM <#C0LOCAL02|iem-darba-grupa> <@U0LOCAL02|anna> @nav #nav R&amp;D");
    expect(commandTextAsSlackSends("set IEM <#C0LOCAL02> a#anna", people, channels)).toBe(
      "set IEM <#C0LOCAL02> a#anna",
    );
  });
});
