import { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/server.ts";
import { apiError, emulatorHooks, quietLogger } from "./support.ts";

let emulator: Emulator;
let web: WebClient;
const C = "C0LOCAL01";

emulatorHooks((suite) => ({ emulator, web } = suite));

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });

describe("chat.postMessage", () => {
  it("stores the message, answers an increasing ts and records the call", async () => {
    const first = await web.chat.postMessage({
      channel: C,
      text: "Task 14",
      blocks: [section("*14*")],
    });
    const second = await web.chat.postMessage({ channel: C, text: "again" });
    expect(first.ok).toBe(true);
    expect(first.channel).toBe(C);
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message?.bot_id).toBe(emulator.identity.botId);
    expect(emulator.messagesIn(C).map((m) => m.text)).toEqual(["Task 14", "again"]);
    const call = emulator.calls[0];
    expect(call).toMatchObject({ kind: "call", method: "chat.postMessage", ok: true, status: 200 });
    // blocks arrive form-encoded as a JSON string and are recorded decoded, without the token
    expect(call?.args.blocks).toEqual([section("*14*")]);
    expect(call?.args).not.toHaveProperty("token");
  });

  it("refuses invalid blocks with Slack's errors", async () => {
    const tooMany = Array.from({ length: 51 }, () => ({ type: "divider" }));
    expect(
      await apiError(web.chat.postMessage({ channel: C, text: "x", blocks: tooMany })),
    ).toMatchObject({
      error: "invalid_blocks",
      errors: ["must be less than 51 items [json-pointer:/blocks]"],
    });
    const longSection = [section("x".repeat(3001))];
    expect(
      await apiError(web.chat.postMessage({ channel: C, text: "x", blocks: longSection })),
    ).toMatchObject({
      error: "invalid_blocks",
      errors: ["must be less than 3001 characters [json-pointer:/blocks/0/text/text]"],
    });
    const header = [{ type: "header", text: { type: "plain_text", text: "h".repeat(151) } }];
    const data = await apiError(web.chat.postMessage({ channel: C, text: "x", blocks: header }));
    expect(data.error).toBe("invalid_blocks");
    expect(data.response_metadata).toMatchObject({
      messages: ["[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]"],
    });
    expect(emulator.messagesIn(C)).toHaveLength(0);
    expect(emulator.calls.map((c) => c.error)).toEqual([
      "invalid_blocks",
      "invalid_blocks",
      "invalid_blocks",
    ]);
  });

  it("answers channel_not_found, not_in_channel, no_text and msg_too_long", async () => {
    expect(await apiError(web.chat.postMessage({ channel: "C404", text: "x" }))).toMatchObject({
      error: "channel_not_found",
    });
    emulator.addChannel({ id: "CPRIV", name: "private", botIsMember: false });
    expect((await apiError(web.chat.postMessage({ channel: "CPRIV", text: "x" }))).error).toBe(
      "not_in_channel",
    );
    expect((await apiError(web.apiCall("chat.postMessage", { channel: C }))).error).toBe("no_text");
    const long = "x".repeat(40_001);
    expect((await apiError(web.chat.postMessage({ channel: C, text: long }))).error).toBe(
      "msg_too_long",
    );
  });

  it("answers not_authed without a token and invalid_auth with a wrong one", async () => {
    const anonymous = new WebClient(undefined, {
      slackApiUrl: emulator.apiUrl,
      logger: quietLogger,
    });
    expect((await apiError(anonymous.chat.postMessage({ channel: C, text: "x" }))).error).toBe(
      "not_authed",
    );
    const wrong = new WebClient("xoxb-wrong", {
      slackApiUrl: emulator.apiUrl,
      logger: quietLogger,
    });
    expect((await apiError(wrong.chat.postMessage({ channel: C, text: "x" }))).error).toBe(
      "invalid_auth",
    );
    expect((await apiError(web.apiCall("chat.nonsense", {}))).error).toBe("unknown_method");
  });

  it("accepts application/json bodies with the token in the Authorization header", async () => {
    const response = await fetch(`${emulator.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { authorization: `Bearer ${emulator.botToken}`, "content-type": "application/json" },
      body: JSON.stringify({ channel: C, blocks: [section("json")] }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: C });
    expect(emulator.messagesIn(C)[0]?.blocks).toEqual([section("json")]);
  });

  it("threads replies and keeps metadata for history with include_all_metadata", async () => {
    const metadata = {
      event_type: "reminder_sent",
      event_payload: { task: "14", cutoff: "2010-06-30" },
    };
    const parent = await web.chat.postMessage({ channel: C, text: "Reminder", metadata });
    await web.chat.postMessage({ channel: C, text: "reply", thread_ts: parent.ts });
    const withMeta = await web.conversations.history({ channel: C, include_all_metadata: true });
    expect(withMeta.messages).toHaveLength(1);
    expect(withMeta.messages?.[0]).toMatchObject({ text: "Reminder", reply_count: 1, metadata });
    const without = await web.conversations.history({ channel: C });
    expect(without.messages?.[0]).not.toHaveProperty("metadata");
    const bad = await apiError(
      web.chat.postMessage({ channel: C, text: "x", thread_ts: "yesterday" }),
    );
    expect(bad.error).toBe("invalid_thread_ts");
  });

  it("posts to a user id through the bot's DM channel", async () => {
    const result = await web.chat.postMessage({ channel: "U0LOCAL01", text: "hi" });
    expect(result.channel).toMatch(/^D/);
    expect(emulator.messagesIn(result.channel as string)[0]?.text).toBe("hi");
  });
});

describe("chat.update, chat.postEphemeral, chat.getPermalink, reactions.add/remove", () => {
  it("updates the bot's own messages only", async () => {
    const posted = await web.chat.postMessage({ channel: C, text: "draft" });
    const updated = await web.chat.update({ channel: C, ts: posted.ts as string, text: "final" });
    expect(updated).toMatchObject({ ok: true, ts: posted.ts, text: "final" });
    expect(emulator.messagesIn(C)[0]?.text).toBe("final");
    expect((await apiError(web.chat.update({ channel: C, ts: "1.000001", text: "x" }))).error).toBe(
      "message_not_found",
    );
    const human = emulator.postAsUser({ channelId: C, userId: "U0LOCAL01", text: "mine" });
    expect((await apiError(web.chat.update({ channel: C, ts: human, text: "x" }))).error).toBe(
      "cant_update_message",
    );
  });

  it("keeps ephemeral messages out of history", async () => {
    const result = await web.chat.postEphemeral({
      channel: C,
      user: "U0LOCAL01",
      text: "only you",
    });
    expect(result.message_ts).toBeDefined();
    expect(emulator.ephemerals).toMatchObject([{ user: "U0LOCAL01", text: "only you" }]);
    expect(emulator.messagesIn(C)).toHaveLength(0);
    const blocks = [section("x".repeat(3001))];
    const invalid = await apiError(
      web.chat.postEphemeral({ channel: C, user: "U0LOCAL01", text: "x", blocks }),
    );
    expect(invalid.error).toBe("invalid_blocks");
  });

  it("gives permalinks and refuses a second identical reaction", async () => {
    const posted = await web.chat.postMessage({ channel: C, text: "x" });
    const link = await web.chat.getPermalink({ channel: C, message_ts: posted.ts as string });
    expect(link.permalink).toBe(
      `${emulator.url}/archives/${C}/p${(posted.ts as string).replace(".", "")}`,
    );
    await web.reactions.add({
      channel: C,
      timestamp: posted.ts as string,
      name: "white_check_mark",
    });
    const again = web.reactions.add({
      channel: C,
      timestamp: posted.ts as string,
      name: "white_check_mark",
    });
    expect((await apiError(again)).error).toBe("already_reacted");
    expect(emulator.messagesIn(C)[0]?.reactions).toEqual([
      { name: "white_check_mark", users: [emulator.identity.botUserId], count: 1 },
    ]);
  });

  it("removes the bot's reaction, and refuses one it has not added (no_reaction)", async () => {
    const posted = await web.chat.postMessage({ channel: C, text: "x" });
    const timestamp = posted.ts as string;
    await web.reactions.add({ channel: C, timestamp, name: "question" });
    await web.reactions.add({ channel: C, timestamp, name: "white_check_mark" });
    await web.reactions.remove({ channel: C, timestamp, name: "question" });
    expect(emulator.messagesIn(C)[0]?.reactions).toEqual([
      { name: "white_check_mark", users: [emulator.identity.botUserId], count: 1 },
    ]);
    const again = web.reactions.remove({ channel: C, timestamp, name: "question" });
    expect((await apiError(again)).error).toBe("no_reaction");
    await web.reactions.remove({ channel: C, timestamp, name: "white_check_mark" });
    expect(emulator.messagesIn(C)[0]?.reactions).toBeUndefined();
  });
});
