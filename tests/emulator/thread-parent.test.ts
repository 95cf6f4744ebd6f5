/**
 * A reply to a reply joins the parent's thread, as in Slack (threads are one level deep;
 * https://docs.slack.dev/reference/methods/chat.postMessage, `thread_ts`: "Avoid using a reply's
 * ts value; use its parent instead"). Through the emulator's HTTP APIs: the bot's
 * chat.postMessage and a person's message (control API) with a reply's ts land in the root's
 * thread; a person's reply to a ts that names no message is refused (thread_not_found), while
 * the bot's is accepted as Slack accepts it.
 */
import type { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/server.ts";
import { emulatorHooks, control as postControl } from "./support.ts";

let emulator: Emulator;
let web: WebClient;
const C = "C0LOCAL01";
const USER = "U0LOCAL01";

emulatorHooks((suite) => ({ emulator, web } = suite));

/** The control API's POST /_emulator/<route> on this suite's emulator. */
const control = (route: string, body: Record<string, unknown>) =>
  postControl(emulator, route, body);

async function rootAndReply(): Promise<{ root: string; reply: string }> {
  const root = String((await web.chat.postMessage({ channel: C, text: "Atgādinājums" })).ts);
  const reply = String(
    (await web.chat.postMessage({ channel: C, text: "Atgādinām vēlreiz", thread_ts: root })).ts,
  );
  return { root, reply };
}

describe("a thread of a thread is the parent's thread", () => {
  it("a person's message with a reply's ts joins the root's thread", async () => {
    const { root, reply } = await rootAndReply();
    const sent = await control("messages", {
      channelId: C,
      userId: USER,
      text: "13.4: apmācības notika",
      threadTs: reply,
    });
    expect(sent).toMatchObject({ status: 200, json: { ok: true, threadTs: root } });
    const ts = String(sent.json.ts);
    expect(emulator.messagesIn(C).find((m) => m.ts === ts)?.thread_ts).toBe(root);
    const replies = await web.conversations.replies({ channel: C, ts: root });
    expect(replies.messages?.map((m) => m.ts)).toEqual([root, reply, ts]);
    // Asked by the reply's ts, conversations.replies gives the same one thread, as Slack does.
    const same = await web.conversations.replies({ channel: C, ts: reply });
    expect(same.messages?.map((m) => m.ts)).toEqual([root, reply, ts]);
  });

  it("a person's message to the root itself or a top-level message is unchanged", async () => {
    const { root } = await rootAndReply();
    const inThread = await control("messages", {
      channelId: C,
      userId: USER,
      text: "a",
      threadTs: root,
    });
    expect(inThread.json).toMatchObject({ ok: true, threadTs: root });
    const top = await control("messages", { channelId: C, userId: USER, text: "b" });
    expect(top.json.ok).toBe(true);
    expect(top.json).not.toHaveProperty("threadTs");
  });

  it("a person's message to a ts that names no message is refused: thread_not_found", async () => {
    await rootAndReply();
    const before = emulator.messagesIn(C).length;
    const sent = await control("messages", {
      channelId: C,
      userId: USER,
      text: "14: izpildīts",
      threadTs: "1234567890.000100",
    });
    expect(sent).toMatchObject({ status: 400, json: { ok: false, error: "thread_not_found" } });
    expect(emulator.messagesIn(C)).toHaveLength(before);
  });

  it("the bot's chat.postMessage with a reply's ts goes into the root's thread", async () => {
    const { root, reply } = await rootAndReply();
    const posted = await web.chat.postMessage({ channel: C, text: "vēl", thread_ts: reply });
    expect(posted.message?.thread_ts).toBe(root);
    const replies = await web.conversations.replies({ channel: C, ts: root });
    expect(replies.messages?.map((m) => m.ts)).toEqual([root, reply, posted.ts]);
    expect(replies.messages?.[0]).toMatchObject({ reply_count: 2, latest_reply: posted.ts });
  });

  it("the bot's chat.postEphemeral with a reply's ts is shown in the root's thread", async () => {
    const { root, reply } = await rootAndReply();
    await web.chat.postEphemeral({ channel: C, user: USER, text: "tikai jums", thread_ts: reply });
    expect(emulator.ephemerals.at(-1)).toMatchObject({ user: USER, thread_ts: root });
  });

  it("the bot's chat.postMessage to a ts naming no message is accepted, as Slack accepts it", async () => {
    const posted = await web.chat.postMessage({ channel: C, text: "x", thread_ts: "1.000001" });
    expect(posted.ok).toBe(true);
    expect(posted.message?.thread_ts).toBe("1.000001");
  });
});
