/**
 * Thread replies through the real app: signed Events API callbacks and interactions in, Web API
 * calls out to the emulator, replies in a real SQLite file. Waits on the emulator's records and
 * the app's log lines, never on time.
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditFor } from "../../db/audit.ts";
import { findReplyByMessage, listNamedReplies, replyHistory } from "../../db/replies.ts";
import { buildDigestModel } from "../../src/digest/build.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { RecordedCall } from "../../src/emulator/types.ts";
import { buildAnnex } from "../../src/export/annex-model.ts";
import { annexTable } from "../../src/export/table.ts";
import { exportText } from "../../src/i18n/export.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, PEOPLE, reminderThread, type ThreadFixture } from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;
let channels = 0;

beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({ logger: logs.logger });
  addPeople(t.emulator);
});
afterAll(async () => {
  await t?.stop();
});

/** A fresh LM reminder thread in its own channel, scoped to `tasks`. */
function thread(tasks: string[]): Promise<ThreadFixture> {
  channels++;
  return reminderThread(
    { db: t.app.db, emulator: t.emulator },
    { code: "LM", channel: `C0LM${channels}`, tasks },
  );
}

/** Waits until the app has handled the message `ts` (stored or found stored). */
function handled(ts: string, created?: boolean) {
  return logs.waitFor(
    (l) =>
      l.msg === "reply stored" && l.ts === ts && (created === undefined || l.created === created),
  );
}

/** Posts a thread reply as `user` (stored in the emulator, event sent) and waits until it is stored. */
async function reply(f: ThreadFixture, text: string, user: string = PEOPLE.anna) {
  const { ts } = await t.slack.userMessage({
    channelId: f.channel,
    threadTs: f.threadTs,
    text,
    userId: user,
  });
  await handled(ts);
  return { ts, stored: await findReplyByMessage(t.app.db, f.channel, ts) };
}

async function taskOf(f: ThreadFixture, ts: string): Promise<string | null | undefined> {
  return (await listNamedReplies(t.app.db, f.cutoffId)).find((r) => r.ts === ts)?.taskNumber;
}

const ephemeralTo = (user: string, channel: string) =>
  isCall("chat.postEphemeral", (c) => c.args.user === user && c.args.channel === channel);

describe("a reply in a reminder thread", () => {
  it("is stored, attributed by its number prefix and acknowledged with a reaction", async () => {
    const f = await thread(["2", "14", "19"]);
    const reacted = t.emulator.waitFor(
      isCall("reactions.add", (c) => c.args.channel === f.channel),
    );
    const { ts, stored } = await reply(f, "14: Pārbaudīti 12 komersanti.");
    expect(stored).toMatchObject({ verified: true, source: "event", threadTs: f.threadTs });
    expect(await taskOf(f, ts)).toBe("14");
    const call = await reacted;
    expect(call.args).toMatchObject({ timestamp: ts, name: "white_check_mark" });
    expect(call.ok).toBe(true);
    const message = t.emulator.messagesIn(f.channel).find((m) => m.ts === ts);
    expect(message?.reactions?.[0]?.name).toBe("white_check_mark");
    expect(t.emulator.ephemerals.filter((e) => e.channel === f.channel)).toEqual([]);
  });

  it('recognises a bold number with a full stop ("*14*. …"): stored as written, shown without it', async () => {
    const f = await thread(["2", "14", "19"]);
    const bold = await reply(f, "*14*. Grozījumi pieņemti Saeimā.");
    const inside = await reply(f, "*19.* Apmācīti 40 robežsargi.");
    expect(await taskOf(f, bold.ts)).toBe("14");
    expect(await taskOf(f, inside.ts)).toBe("19");
    expect(bold.stored?.text).toBe("*14*. Grozījumi pieņemti Saeimā.");
    expect(t.emulator.ephemerals.filter((e) => e.channel === f.channel)).toEqual([]);
    const annex = await buildAnnex(t.app.db, { cutoffId: f.cutoffId });
    if ("problem" in annex) throw new Error(annex.problem);
    const cells = annexTable(annex, exportText("lv"), "Europe/Riga").rows;
    const cellOf = (number: string) => cells.find((r) => r[6] === number)?.[3] ?? "";
    expect(cellOf("14")).toMatch(/^LM, \d\d\.\d\d\.\d{4}\.: Grozījumi pieņemti Saeimā\.$/u);
    expect(cellOf("19")).toMatch(/: Apmācīti 40 robežsargi\.$/u);
    const digest = await buildDigestModel(t.app.db, {
      now: DateTime.utc(),
      zone: "Europe/Riga",
      since: null,
    });
    const excerpts = digest.replies.filter((r) => r.institution === "LM").map((r) => r.excerpt);
    expect(excerpts).toContain("Grozījumi pieņemti Saeimā.");
    expect(excerpts).toContain("Apmācīti 40 robežsargi.");
  });

  it("belongs to the institution's one open task when it names none", async () => {
    const f = await thread(["14"]);
    const first = await reply(f, "Viss izdarīts, sīkāk pielikumā.");
    expect(await taskOf(f, first.ts)).toBe("14");
    const second = await reply(f, "Papildinājums: vēl divas pārbaudes.");
    expect(await taskOf(f, second.ts)).toBe("14");
  });

  it("stays unassigned when several tasks are open; the prompt's button attaches it", async () => {
    const f = await thread(["2", "14", "19"]);
    const prompted = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts, stored } = await reply(f, "Darbs turpinās, ziņosim martā.");
    expect(await taskOf(f, ts)).toBeNull();
    const prompt = await prompted;
    const blocks = prompt.args.blocks as Array<{ type: string; elements?: Button[] }>;
    expect(validateBlocks(blocks, "message")).toEqual([]);
    expect(prompt.args.thread_ts).toBe(f.threadTs);
    const buttons = blocks.flatMap((b) => b.elements ?? []).filter((e) => e.type === "button");
    expect(buttons.map((b) => b.value)).toEqual(["2", "14", "19"].map((n) => `${stored?.id}:${n}`));

    const press = (user: string, button: Button) =>
      t.slack.blockAction({
        actionId: button.action_id,
        value: button.value,
        userId: user,
        channelId: f.channel,
      });
    const refused = await press(PEOPLE.outsider, buttons[2] as Button);
    const refusal = await t.slack.waitForResponse(refused.responseUrl ?? "");
    expect(refusal.body.text).toContain("tikai tās autors vai sekretārs");
    expect(await taskOf(f, ts)).toBeNull();

    const pressed = await press(PEOPLE.anna, buttons[2] as Button);
    const answer = await t.slack.waitForResponse(pressed.responseUrl ?? "");
    expect(answer.body).toMatchObject({ replace_original: true });
    expect(answer.body.text).toContain("19");
    expect(await taskOf(f, ts)).toBe("19");

    const bySecretary = await press(PEOPLE.secretary, buttons[0] as Button);
    await t.slack.waitForResponse(bySecretary.responseUrl ?? "");
    expect(await taskOf(f, ts)).toBe("2");
    const audit = await auditFor(t.app.db, "reply", String(stored?.id));
    expect(audit.map((a) => [a.actor, a.before, a.after])).toEqual([
      [PEOPLE.secretary, '"19"', '"2"'],
      [PEOPLE.anna, null, '"19"'],
    ]);
  });

  it("naming a task outside the reminder: the prompt says so first, then the buttons", async () => {
    const f = await thread(["5", "14"]);
    const prompted = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts, stored } = await reply(f, "99: nav tāda");
    expect(await taskOf(f, ts)).toBeNull();
    const prompt = await prompted;
    const blocks = prompt.args.blocks as Array<{
      type: string;
      text?: { text: string };
      elements?: Button[];
    }>;
    expect(validateBlocks(blocks, "message")).toEqual([]);
    expect(blocks[0]?.text?.text).toBe(
      "Uzdevuma *99* šajā atgādinājumā nav. Pie kura uzdevuma pievienot šo atbildi?",
    );
    expect(prompt.args.text).toContain("Uzdevuma *99* šajā atgādinājumā nav.");
    const buttons = blocks.flatMap((b) => b.elements ?? []).filter((e) => e.type === "button");
    expect(buttons.map((b) => b.value)).toEqual(["5", "14"].map((n) => `${stored?.id}:${n}`));
  });

  it("from someone who is not a contact is kept, unverified, and its author is told why", async () => {
    const f = await thread(["14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.outsider, f.channel));
    const { ts, stored } = await reply(
      f,
      "14: Informācija no Valsts darba inspekcijas.",
      PEOPLE.outsider,
    );
    expect(stored?.verified).toBe(false);
    expect(await taskOf(f, ts)).toBe("14");
    const text = String((await told).args.text);
    expect(text).toContain("nepārbaudīta");
    expect(text).toContain(`<@${PEOPLE.anna}>, <@${PEOPLE.janis}>`);
    expect(text).toContain("/institution set LM");
  });
});

interface Button {
  type: string;
  action_id: string;
  value: string;
}

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
