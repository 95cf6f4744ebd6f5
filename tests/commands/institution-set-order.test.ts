/**
 * How `/institution set` text in the wrong order is read (pure parser): a channel after people
 * or the code after the channel is a `set_order` mistake with what was read (`seen`); the
 * accepted forms are unchanged.
 */
import { describe, expect, it } from "vitest";
import { parse, seeSet } from "../../commands/institution-parse.ts";

describe("/institution set in the wrong order", () => {
  it.each([
    ["set TM <@U0ANNA001|anna> <#C0TM00001|tm>", "channel_after_people"],
    ["set TM @anna #kanāls", "channel_after_people"],
    ["set TM U0ANNA001 C0TM00001", "channel_after_people"],
    ["set @anna TM #kanāls", "channel_after_people"],
    ["set <#C0TM00001|tm> TM", "code_after_channel"],
    ["set C0TM00001 TM U0ANNA001", "code_after_channel"],
  ])("%j is set_order (%s)", (text, order) => {
    const input = parse(text);
    expect(input).toMatchObject({ kind: "invalid", mistake: { reason: "set_order", order } });
    if (input.kind === "invalid" && input.mistake.reason === "set_order")
      expect(input.mistake.seen.code).toBe("TM");
  });

  it("a channel alone is still a missing code; the accepted forms still parse", () => {
    expect(parse("set <#C0TM00001|tm>")).toMatchObject({ mistake: { reason: "missing_code" } });
    expect(parse("set VP GKrPP <#C0TM00001|tm> <@U0ANNA001|anna>")).toEqual({
      kind: "set",
      query: "VP GKrPP",
      channelId: "C0TM00001",
      userIds: ["U0ANNA001"],
    });
    expect(parse("set TM C0TM00001 --no-contacts")).toMatchObject({ kind: "set", userIds: [] });
    expect(parse("set TM C0TM00001")).toMatchObject({ kind: "set", userIds: null });
  });

  it("reads the words: the code's run, the channel, the people, the rest", () => {
    expect(seeSet(["VP", "GKrPP", "<#C0TM00001|tm>", "anna", "@janis", "--no-contacts"])).toEqual({
      code: "VP GKrPP",
      channel: "<#C0TM00001|tm>",
      people: ["@janis"],
      other: ["anna"],
    });
  });
});
