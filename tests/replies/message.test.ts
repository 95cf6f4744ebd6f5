import { describe, expect, it } from "vitest";
import {
  isNotFromPerson,
  readFiles,
  readMessage,
  readMessageEvent,
  tsToIso,
} from "../../src/replies/message.ts";

const base = {
  type: "message",
  channel: "C0LM",
  user: "U0ANNA",
  text: "14: izpildīts",
  ts: "1764417600.000200",
  thread_ts: "1764417600.000100",
};

describe("readMessageEvent", () => {
  it("reads a thread reply", () => {
    expect(readMessageEvent(base)).toEqual({
      kind: "posted",
      message: {
        channelId: "C0LM",
        ts: "1764417600.000200",
        threadTs: "1764417600.000100",
        userId: "U0ANNA",
        text: "14: izpildīts",
        files: [],
        botId: null,
        subtype: null,
      },
    });
  });

  it("reads an edit from the inner message and a deletion from deleted_ts", () => {
    const changed = {
      type: "message",
      subtype: "message_changed",
      channel: "C0LM",
      message: { ...base, channel: undefined, text: "14: labots" },
      previous_message: base,
    };
    expect(readMessageEvent(changed)).toEqual({
      kind: "changed",
      channelId: "C0LM",
      ts: base.ts,
      text: "14: labots",
      message: expect.objectContaining({
        channelId: "C0LM",
        ts: base.ts,
        threadTs: base.thread_ts,
        text: "14: labots",
      }),
    });
    const deleted = {
      type: "message",
      subtype: "message_deleted",
      channel: "C0LM",
      deleted_ts: base.ts,
    };
    expect(readMessageEvent(deleted)).toEqual({ kind: "deleted", channelId: "C0LM", ts: base.ts });
  });

  it("gives up quietly on what it cannot read", () => {
    for (const odd of [null, "x", [], {}, { type: "message", subtype: "message_changed" }])
      expect(readMessageEvent(odd)).toEqual({ kind: "other" });
  });
});

describe("readMessage", () => {
  it("takes the channel from the caller when the message has none (conversations.replies)", () => {
    const { channel: _c, ...noChannel } = base;
    expect(readMessage(noChannel, "C0OTHER")?.channelId).toBe("C0OTHER");
    expect(readMessage({ text: "no ts" }, "C0OTHER")).toBeNull();
  });
});

describe("readFiles", () => {
  it("keeps a name and a link per file, preferring url_private", () => {
    expect(
      readFiles([
        { id: "F1", name: "a.pdf", url_private: "https://files/a.pdf", permalink: "https://p/a" },
        { id: "F2", title: "Tabula", permalink: "https://p/b" },
        { id: "F3" },
        "junk",
      ]),
    ).toEqual([
      { name: "a.pdf", url: "https://files/a.pdf" },
      { name: "Tabula", url: "https://p/b" },
      { name: "F3", url: "" },
    ]);
    expect(readFiles(undefined)).toEqual([]);
  });
});

describe("isNotFromPerson", () => {
  const message = (over: Record<string, unknown>) => {
    const read = readMessage({ ...base, ...over });
    if (!read) throw new Error("unreadable");
    return read;
  };
  const self = { botUserId: "U0BOT", botId: "B0BOT" };

  it("accepts people's messages, file shares and broadcast replies", () => {
    for (const subtype of [undefined, "file_share", "thread_broadcast"])
      expect(isNotFromPerson(message({ subtype }), self)).toBe(false);
  });

  it("refuses bots, the app itself, system subtypes and authorless messages", () => {
    expect(isNotFromPerson(message({ bot_id: "B0OTHER" }), self)).toBe(true);
    expect(isNotFromPerson(message({ subtype: "bot_message", user: undefined }), self)).toBe(true);
    expect(isNotFromPerson(message({ user: "U0BOT" }), self)).toBe(true);
    expect(isNotFromPerson(message({ subtype: "channel_join" }), self)).toBe(true);
    expect(isNotFromPerson(message({ user: undefined }), self)).toBe(true);
  });
});

describe("tsToIso", () => {
  it("reads Slack's seconds.micros as a UTC instant", () => {
    expect(tsToIso("1764417600.000200")).toBe("2025-11-29T12:00:00.000Z");
  });
});
