import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findReplyByMessage, listNamedReplies, replyHistory } from "../../db/replies.ts";
import type { RecordedCall } from "../../src/emulator/types.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, PEOPLE, replySteps, type ThreadFixture } from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({ logger: logs.logger });
  addPeople(t.emulator);
});
afterAll(async () => {
  await t?.stop();
});
const { thread, reply, handled, taskOf } = replySteps(() => ({ t, logs }), "C0LM");

describe("delivery, edits and deletions", () => {
  it("stores one reply when Slack delivers the same event three times", async () => {
    const f = await thread(["14"]);
    const ts = t.emulator.postAsUser({
      channelId: f.channel,
      userId: PEOPLE.anna,
      threadTs: f.threadTs,
      text: "14: Izpildīts.",
    });
    const event = messageEvent(f, ts, "14: Izpildīts.");
    for (const retryNum of [undefined, 1, 2]) {
      const res = await t.slack.event(event, { eventId: "Ev0DUPLICATE", retryNum });
      expect(res.status).toBe(200);
    }
    for (let i = 0; i < 3; i++) await logs.waitFor(nth("reply stored", ts, i));
    const outcomes = logs.lines.filter((l) => l.msg === "reply stored" && l.ts === ts);
    expect(outcomes.map((l) => l.created).sort()).toEqual([false, false, true]);
    const stored = (await listNamedReplies(t.app.db, f.cutoffId)).filter((r) => r.ts === ts);
    expect(stored).toHaveLength(1);
    expect(reactionsOn(ts)).toHaveLength(1);
  });

  it("updates a reply on message_changed and keeps the earlier text", async () => {
    const f = await thread(["14"]);
    const { ts, stored } = await reply(f, "14: Pārbaudīti 10 komersanti.");
    await t.slack.event({
      type: "message",
      subtype: "message_changed",
      channel: f.channel,
      hidden: true,
      ts: "1900000000.000001",
      event_ts: "1900000000.000001",
      message: {
        type: "message",
        user: PEOPLE.anna,
        text: "14: Pārbaudīti 12 komersanti.",
        ts,
        thread_ts: f.threadTs,
        edited: { user: PEOPLE.anna, ts: "1900000000.000001" },
      },
      previous_message: {
        type: "message",
        user: PEOPLE.anna,
        text: "14: Pārbaudīti 10 komersanti.",
        ts,
      },
    });
    await logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts);
    const after = await findReplyByMessage(t.app.db, f.channel, ts);
    expect(after?.text).toBe("14: Pārbaudīti 12 komersanti.");
    expect(after?.editedAt).not.toBeNull();
    expect(await replyHistory(t.app.db, stored?.id ?? 0)).toEqual([
      { text: "14: Pārbaudīti 10 komersanti.", at: after?.editedAt },
    ]);
  });

  it("ignores an edit of a message that is not a stored reply", async () => {
    const f = await thread(["14"]);
    await t.slack.event({
      type: "message",
      subtype: "message_changed",
      channel: f.channel,
      message: { type: "message", user: PEOPLE.anna, text: "cits", ts: "1700000000.000777" },
    });
    const line = await logs.waitFor(
      (l) => l.msg === "reply changed" && l.ts === "1700000000.000777",
    );
    expect(line.result).toBe("unknown");
    expect(await listNamedReplies(t.app.db, f.cutoffId)).toEqual([]);
  });

  it("leaves a reply alone when message_changed keeps its text (an unfurl)", async () => {
    const f = await thread(["14"]);
    const { ts } = await reply(f, "14: Skat. https://example.lv/atskaite");
    await t.slack.event({
      type: "message",
      subtype: "message_changed",
      channel: f.channel,
      hidden: true,
      message: {
        type: "message",
        user: PEOPLE.anna,
        text: "14: Skat. https://example.lv/atskaite",
        ts,
        thread_ts: f.threadTs,
        attachments: [{ from_url: "https://example.lv/atskaite", title: "Atskaite" }],
      },
    });
    const line = await logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts);
    expect(line.result).toBe("unchanged");
    expect((await findReplyByMessage(t.app.db, f.channel, ts))?.editedAt).toBeNull();
  });

  it("marks a reply withdrawn on message_deleted and keeps it in the store", async () => {
    const f = await thread(["14"]);
    const { ts } = await reply(f, "14: Kļūdaina atbilde.");
    await t.slack.event({
      type: "message",
      subtype: "message_deleted",
      channel: f.channel,
      hidden: true,
      deleted_ts: ts,
      ts: "1900000000.000002",
      event_ts: "1900000000.000002",
      previous_message: { type: "message", user: PEOPLE.anna, text: "14: Kļūdaina atbilde.", ts },
    });
    const line = await logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts);
    expect(line.result).toBe("withdrawn");
    const [stored] = await listNamedReplies(t.app.db, f.cutoffId);
    expect(stored?.withdrawnAt).not.toBeNull();
  });

  it("ignores other bots, the app's own messages and threads that are not reminders", async () => {
    const f = await thread(["14"]);
    const other = { ...messageEvent(f, "1700000000.000100", "14: automātisks ziņojums") };
    await t.slack.event({
      ...other,
      user: undefined,
      bot_id: "B0OTHERBOT",
      subtype: "bot_message",
    });
    await logs.waitFor((l) => l.msg === "message ignored" && l.ts === "1700000000.000100");
    const { botUserId, botId } = t.emulator.identity;
    const own = messageEvent(f, "1700000000.000200", "📝 apstiprinājums");
    await t.slack.event({ ...own, user: botUserId, bot_id: botId });
    const elsewhere = {
      ...messageEvent(f, "1700000000.000300", "14: ne šeit"),
      thread_ts: "1600000000.000001",
    };
    await t.slack.event(elsewhere);
    const line = await logs.waitFor(
      (l) => l.msg === "message ignored" && l.ts === "1700000000.000300",
    );
    expect(line.reason).toBe("not_in_reminder_thread");
    const { ts } = await reply(f, "14: Cilvēka atbilde.");
    const stored = await listNamedReplies(t.app.db, f.cutoffId);
    expect(stored.map((r) => r.ts)).toEqual([ts]);
  });

  it("keeps attached files as names and links", async () => {
    const f = await thread(["14"]);
    const ts = t.emulator.postAsUser({
      channelId: f.channel,
      userId: PEOPLE.anna,
      threadTs: f.threadTs,
      text: "14: Atskaite pielikumā.",
    });
    const files = [
      {
        id: "F0ATSKAITE",
        name: "atskaite-2026.pdf",
        url_private: "https://files.slack.com/files-pri/T0-F0ATSKAITE/atskaite-2026.pdf",
        permalink: "https://koordinators.slack.com/files/U0ANNA/F0ATSKAITE/atskaite-2026.pdf",
      },
      {
        id: "F0TABULA",
        title: "Tabula",
        permalink: "https://koordinators.slack.com/files/U0ANNA/F0TABULA/tabula",
      },
    ];
    await t.slack.event({
      ...messageEvent(f, ts, "14: Atskaite pielikumā."),
      subtype: "file_share",
      files,
    });
    await handled(ts, true);
    const stored = await findReplyByMessage(t.app.db, f.channel, ts);
    expect(stored?.files).toEqual([
      { name: "atskaite-2026.pdf", url: files[0]?.url_private },
      { name: "Tabula", url: files[1]?.permalink },
    ]);
  });

  it("stores a 40 000-character reply with emoji and Latvian diacritics whole", async () => {
    const f = await thread(["2", "14"]);
    const unit = "Ā ē ī ū š ž ķ ļ ņ ģ č 👍🏽 „Darba inspekcija” ";
    let text = "14: ";
    while (text.length + unit.length <= 40_000) text += unit;
    const { ts, stored } = await reply(f, text);
    expect(text.length).toBeGreaterThan(39_950);
    expect(stored?.text).toBe(text);
    expect(await taskOf(f, ts)).toBe("14");
  });
});

function messageEvent(f: ThreadFixture, ts: string, text: string): Record<string, unknown> {
  return {
    type: "message",
    channel: f.channel,
    user: PEOPLE.anna,
    text,
    ts,
    event_ts: ts,
    thread_ts: f.threadTs,
    channel_type: "channel",
  };
}

function nth(msg: string, ts: string, index: number) {
  return () => logs.lines.filter((l) => l.msg === msg && l.ts === ts).length > index;
}

function reactionsOn(ts: string): RecordedCall[] {
  return t.emulator.calls.filter((c) => c.method === "reactions.add" && c.args.timestamp === ts);
}
