/**
 * What a fresh user found about replies that are only a task number, and about edits, in
 * reminder threads, through the real app: signed Events API callbacks in (messages and
 * message_changed), Web API calls out to the emulator, replies in the store. A reply that is
 * only a task number, an edit naming only a task not in the reminder, editing to or from only
 * a task number, and editing an unassigned "99: …" reply.
 * Waits on the emulator's records and the app's log lines, never on time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findReplyByMessage, listNamedReplies } from "../../db/replies.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { startFindingsApp } from "../replies/findings-support.ts";
import {
  buttonsOf,
  ephemeralTo,
  PEOPLE,
  replySteps,
  sendMessageChanged,
} from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  ({ t, logs } = await startFindingsApp());
});
afterAll(async () => {
  await t?.stop();
});
const { thread, reply, taskOf, edit } = replySteps(() => ({ t, logs }), "C0FNDE");

describe("a reply that is only a task number", () => {
  /** Posts `text` as `user` in the thread and waits until the app refused it. */
  async function refused(f: { channel: string; threadTs: string }, text: string, user: string) {
    const { ts } = await t.slack.userMessage({
      channelId: f.channel,
      threadTs: f.threadTs,
      text,
      userId: user,
    });
    await logs.waitFor(
      (l) => l.msg === "reply refused" && l.ts === ts && l.reason === "number_only",
    );
    return ts;
  }

  it.each([["14:"], ["*14*. "], ["14 –"], ["uzd. 14"], ["5, 14:"]])(
    "%j is not stored; its author is told how to write a reply",
    async (text) => {
      const f = await thread(["5", "14"]);
      const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
      const ts = await refused(f, text, PEOPLE.anna);
      expect(await findReplyByMessage(t.app.db, f.channel, ts)).toBeUndefined();
      expect(await listNamedReplies(t.app.db, f.cutoffId)).toEqual([]);
      const note = await told;
      expect(note.args.thread_ts).toBe(f.threadTs);
      const number = text.startsWith("5") ? "5" : "14";
      expect(String(note.args.text)).toBe(
        `Jūsu ziņā ir tikai uzdevuma numurs, tāpēc tā nav saglabāta kā atbilde. Lūdzu, uzrakstiet numuru un atbildi vienā ziņā, piem., „${number}: …teksts…”.`,
      );
    },
  );

  it("in English for an English-speaking author; a later reply with text is stored", async () => {
    await chooseLanguage(t, PEOPLE.janis, "en");
    const f = await thread(["5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.janis, f.channel));
    await refused(f, "14:", PEOPLE.janis);
    expect(String((await told).args.text)).toBe(
      'Your message has only the task number, so it was not saved as a reply. Please write the number and the reply in one message, e.g. "14: …text…".',
    );
    const { ts } = await reply(f, "14: licences checked", PEOPLE.janis);
    expect(await taskOf(f, ts)).toBe("14");
  });
});

describe("an edit naming only a task not in the reminder", () => {
  it("keeps the reply under its task; the author is told, with the buttons", async () => {
    const f = await thread(["5", "14"]);
    const { ts, stored } = await reply(f, "14: pārbaudes veiktas");
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    await edit(f, ts, "14: pārbaudes veiktas", "99: nav tāda");
    expect(await taskOf(f, ts)).toBe("14");
    expect((await findReplyByMessage(t.app.db, f.channel, ts))?.text).toBe("99: nav tāda");
    const note = await told;
    expect(note.args.thread_ts).toBe(f.threadTs);
    expect(JSON.stringify(note.args.blocks)).toContain(
      // 99 is no task of the test programme at all.
      "Uzdevuma *99* programmā nav. Jūsu labotā atbilde joprojām ir pievienota uzdevumam *14*. Pie kura uzdevuma pievienot šo atbildi?",
    );
    const buttons = buttonsOf(note.args.blocks);
    expect(buttons.map((b) => b.value)).toEqual(["5", "14"].map((n) => `${stored?.id}:${n}`));

    const pressed = await t.slack.blockAction({
      actionId: buttons[0]?.action_id ?? "",
      value: buttons[0]?.value ?? "",
      userId: PEOPLE.anna,
      channelId: f.channel,
    });
    await t.slack.waitForResponse(pressed.responseUrl ?? "");
    expect(await taskOf(f, ts)).toBe("5");
  });

  it("'2: a; 14: b' edited into a task-5 reply moves it to 14, as a new reply is filed", async () => {
    const f = await thread(["5", "14"]);
    const { ts } = await reply(f, "5: grozījumi pieņemti");
    await edit(f, ts, "5: grozījumi pieņemti", "2: a; 14: b");
    expect(await taskOf(f, ts)).toBe("14");
  });
});

/** Edits `ts` in the emulator and sends Slack's message_changed for it, without waiting. */
let changes = 0;
async function sendEdit(
  f: { channel: string; threadTs: string },
  ts: string,
  before: string,
  after: string,
) {
  changes++;
  await sendMessageChanged(
    t,
    f,
    ts,
    before,
    after,
    `1910000000.${String(changes).padStart(6, "0")}`,
  );
}

const NUMBER_ONLY_14 =
  "Jūsu labotajā ziņā ir tikai uzdevuma numurs, tāpēc atbildei saglabāts tās iepriekšējais teksts. Lūdzu, uzrakstiet numuru un atbildi vienā ziņā, piem., „14: …teksts…”.";

/** Matches a private note to anna in `channel` whose text or blocks contain `words`. */
const noteTo = (channel: string, words: string) =>
  isCall(
    "chat.postEphemeral",
    (c) =>
      c.args.user === PEOPLE.anna &&
      c.args.channel === channel &&
      `${String(c.args.text)}${JSON.stringify(c.args.blocks ?? null)}`.includes(words),
  );

describe("editing to or from only a task number", () => {
  it("a refused '14:' edited into '14: …' is stored at once under 14, with the ✅", async () => {
    const f = await thread(["5", "14"]);
    const { ts } = await t.slack.userMessage({
      channelId: f.channel,
      threadTs: f.threadTs,
      text: "14:",
      userId: PEOPLE.anna,
    });
    await logs.waitFor((l) => l.msg === "reply refused" && l.ts === ts);
    expect(await findReplyByMessage(t.app.db, f.channel, ts)).toBeUndefined();
    const reacted = t.emulator.waitFor(isCall("reactions.add", (c) => c.args.timestamp === ts));
    await sendEdit(f, ts, "14:", "14: licences pārbaudītas");
    await logs.waitFor((l) => l.msg === "reply stored" && l.ts === ts && l.created === true);
    expect((await findReplyByMessage(t.app.db, f.channel, ts))?.text).toBe(
      "14: licences pārbaudītas",
    );
    expect(await taskOf(f, ts)).toBe("14");
    await reacted;
  });

  it("'14: ok' edited down to '14:' keeps the previous text; the author is told", async () => {
    const f = await thread(["5", "14"]);
    const { ts } = await reply(f, "14: ok");
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    await sendEdit(f, ts, "14: ok", "14:");
    await logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts && l.result === "refused");
    expect((await findReplyByMessage(t.app.db, f.channel, ts))?.text).toBe("14: ok");
    expect(await taskOf(f, ts)).toBe("14");
    const note = await told;
    expect(note.args.thread_ts).toBe(f.threadTs);
    expect(String(note.args.text)).toBe(NUMBER_ONLY_14);
  });
});

describe("fresh findings: edits naming numbers outside the reminder", () => {
  it("'14: …\\n150: …' edited to '150: …' stays under 14; the author is told, with the buttons", async () => {
    const f = await thread(["5", "14"]);
    const { ts, stored } = await reply(f, "14: grozījumi pieņemti\n150: cits");
    expect(await taskOf(f, ts)).toBe("14");
    const told = t.emulator.waitFor(noteTo(f.channel, "labotā atbilde"));
    await edit(f, ts, "14: grozījumi pieņemti\n150: cits", "150: tikai nezināms");
    expect(await taskOf(f, ts)).toBe("14");
    expect((await findReplyByMessage(t.app.db, f.channel, ts))?.text).toBe("150: tikai nezināms");
    const note = await told;
    expect(note.args.thread_ts).toBe(f.threadTs);
    expect(JSON.stringify(note.args.blocks)).toContain(
      "Uzdevuma *150* programmā nav. Jūsu labotā atbilde joprojām ir pievienota uzdevumam *14*. Pie kura uzdevuma pievienot šo atbildi?",
    );
    const buttons = buttonsOf(note.args.blocks);
    expect(buttons.map((b) => b.value)).toEqual(["5", "14"].map((n) => `${stored?.id}:${n}`));
  });

  it("an unassigned '2, 150: …' edited down to '14:' keeps its previous text, and says so", async () => {
    const f = await thread(["5", "14"]);
    const { ts } = await reply(f, "2, 150: kopīgs");
    expect(await taskOf(f, ts)).toBeNull();
    const told = t.emulator.waitFor(noteTo(f.channel, "labotajā ziņā"));
    await sendEdit(f, ts, "2, 150: kopīgs", "14:");
    await logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts && l.result === "refused");
    expect((await findReplyByMessage(t.app.db, f.channel, ts))?.text).toBe("2, 150: kopīgs");
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    expect(note.args.thread_ts).toBe(f.threadTs);
    expect(String(note.args.text)).toBe(NUMBER_ONLY_14);
    expect(String(note.args.text)).not.toContain("nav saglabāta");
  });
});

describe("editing an unassigned '99: …' reply", () => {
  it("does not prompt again while it names the same stray numbers; does when they change", async () => {
    const f = await thread(["5", "14"]);
    const { ts } = await reply(f, "99: nav tāda");
    const prompts = () =>
      t.emulator.calls.filter(
        (c) =>
          c.method === "chat.postEphemeral" &&
          c.args.channel === f.channel &&
          JSON.stringify(c.args.blocks).includes("Pie kura uzdevuma pievienot šo atbildi?"),
      ).length;
    expect(prompts()).toBe(1);
    await edit(f, ts, "99: nav tāda", "99: nav tāda, labots");
    expect((await findReplyByMessage(t.app.db, f.channel, ts))?.text).toBe("99: nav tāda, labots");
    expect(prompts()).toBe(1);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    await edit(f, ts, "99: nav tāda, labots", "98: cits");
    expect(JSON.stringify((await told).args.blocks)).toContain("Uzdevuma *98* programmā nav.");
    expect(prompts()).toBe(2);
  });
});
