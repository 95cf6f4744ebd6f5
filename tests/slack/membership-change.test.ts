/**
 * membershipChange: which Events API events say the app itself joined or left a channel
 * (https://api.slack.com/events/member_joined_channel, member_left_channel, channel_left,
 * group_left), and which say nothing about it.
 */
import { describe, expect, it } from "vitest";
import { membershipChange } from "../../src/slack/listeners/channel-membership.ts";

const BOT = "U0KOORDBOT";

describe("membershipChange", () => {
  it("the app's bot user joining is 'ok', leaving or removed is 'not_member'", () => {
    expect(
      membershipChange({ type: "member_joined_channel", user: BOT, channel: "C0LM" }, BOT),
    ).toEqual({ channelId: "C0LM", state: "ok" });
    expect(
      membershipChange({ type: "member_left_channel", user: BOT, channel: "G0LM" }, BOT),
    ).toEqual({ channelId: "G0LM", state: "not_member" });
    for (const type of ["channel_left", "group_left"])
      expect(membershipChange({ type, channel: "C0LM", actor_id: "U0ANNA001" }, BOT)).toEqual({
        channelId: "C0LM",
        state: "not_member",
      });
  });

  it("another user, an unknown bot user id, no channel or another event: nothing", () => {
    const join = { type: "member_joined_channel", user: BOT, channel: "C0LM" };
    expect(membershipChange({ ...join, user: "U0ANNA001" }, BOT)).toBeNull();
    expect(membershipChange(join, undefined)).toBeNull();
    expect(membershipChange({ ...join, user: "" }, "")).toBeNull();
    expect(membershipChange({ ...join, channel: undefined }, BOT)).toBeNull();
    expect(membershipChange({ type: "channel_left" }, BOT)).toBeNull();
    expect(membershipChange({ ...join, type: "member_left_channel", user: "U0X" }, BOT)).toBeNull();
    expect(membershipChange({ ...join, type: "user_change" }, BOT)).toBeNull();
    expect(membershipChange(null, BOT)).toBeNull();
  });
});
