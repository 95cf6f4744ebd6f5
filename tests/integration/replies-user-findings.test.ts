/**
 * What a fresh user found in reminder threads, through the real app: signed Events API
 * callbacks in, Web API calls out to the emulator, replies in the store. A reply naming tasks
 * both in and not in the reminder, how such a reply is shown, a reply that is only a task
 * number, an edit naming a task not in the reminder, and a message in the digest's thread.
 * Waits on the emulator's records and the app's log lines, never on time.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCutoff } from "../../db/cutoffs.ts";
import { groupPostOf, listDigests, startDigestPost, updateDigestPost } from "../../db/digests.ts";
import { findReplyByMessage, listNamedReplies } from "../../db/replies.ts";
import { formatReplies } from "../../src/cli/replies.ts";
import { isCall } from "../../src/emulator/server.ts";
import { createJobWebClient } from "../../src/slack/web.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import {
  addPeople,
  buttonsOf,
  ephemeralTo,
  PEOPLE,
  replySteps,
  sendMessageChanged,
} from "../replies/support.ts";

const WG = "C0WGFND01";
let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({
    logger: logs.logger,
    config: { secretaryUserIds: [PEOPLE.secretary], workgroupChannelId: WG },
  });
  addPeople(t.emulator);
  t.emulator.addChannel({ id: WG, name: "darba-grupa" });
});
afterAll(async () => {
  await t?.stop();
});
const { thread, reply, taskOf, edit, byForm, notesIn } = replySteps(() => ({ t, logs }), "C0FND");

describe("a reply naming a task not in the reminder before one that is", () => {
  it.each([["2: apmācības notiek; 14: licences pārbaudītas"], ["2 un 14 – kopā"]])(
    "%j is stored whole under 14; the author hears 14 got it and 2 is not in the reminder",
    async (text) => {
      const f = await thread(["5", "14"]);
      const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
      const { ts, stored } = await reply(f, text);
      expect(stored?.text).toBe(text);
      expect(await taskOf(f, ts)).toBe("14");
      const note = await told;
      expect(String(note.args.text)).toBe(
        "✅ Atbilde pievienota uzdevumam *14*. Uzdevuma *2* šajā atgādinājumā nav. Par katru uzdevumu, lūdzu, rakstiet atsevišķu atbildi.",
      );
      expect(buttonsOf(note.args.blocks)).toEqual([]);
    },
  );

  it("'2, 99: nav' names both missing tasks and asks which task, with the buttons", async () => {
    const f = await thread(["5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts, stored } = await reply(f, "2, 99: nav");
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    const said =
      "Uzdevumu *2* un *99* šajā atgādinājumā nav. Atbilde ir saglabāta, bet vēl nav pievienota nevienam uzdevumam. Pie kura uzdevuma pievienot šo atbildi?";
    expect(String(note.args.text)).toBe(said);
    // The visible section says it was saved, not only the notification text.
    expect(sectionOf(note.args.blocks)).toBe(said);
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["5", "14"].map((n) => `${stored?.id}:${n}`),
    );
  });

  it("'14. punkts: nav mūsu' from an English speaker: the prompt says the reply is saved", async () => {
    await chooseLanguage(t, PEOPLE.janis, "en");
    const f = await thread(["5", "2"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.janis, f.channel));
    const { ts, stored } = await reply(f, "14. punkts: nav mūsu", PEOPLE.janis);
    expect(stored?.text).toBe("14. punkts: nav mūsu");
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    expect(sectionOf(note.args.blocks)).toBe(
      "Task *14* is not in this reminder. The reply is saved but not yet attached to any task. Which task is this reply about?",
    );
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["2", "5"].map((n) => `${stored?.id}:${n}`),
    );
  });

  it("'2: a; 14: b' in English: filed under 14, with the advice to send one reply per task", async () => {
    await chooseLanguage(t, PEOPLE.janis, "en");
    const f = await thread(["5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.janis, f.channel));
    const { ts } = await reply(f, "2: a; 14: b", PEOPLE.janis);
    expect(await taskOf(f, ts)).toBe("14");
    expect(sectionOf((await told).args.blocks)).toBe(
      "✅ Reply attached to task *14*. Task *2* is not in this reminder. Please write a separate reply for each task.",
    );
  });
});

/** The text of a message's first section block. */
function sectionOf(blocks: unknown): string | undefined {
  const first = (blocks as Array<{ type: string; text?: { text: string } }>)[0];
  return first?.type === "section" ? first.text?.text : undefined;
}

describe("how a reply naming several tasks is shown", () => {
  /** The blocks of the app's answer to a slash command, as JSON. */
  async function slash(command: string, text: string): Promise<string> {
    const res = await t.slack.command(command, text, {
      userId: PEOPLE.secretary,
      channelId: WG,
    });
    let body = res.body as { blocks?: unknown[] } | "";
    if (body === "" || body.blocks === undefined)
      body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as {
        blocks?: unknown[];
      };
    return JSON.stringify(body.blocks);
  }

  it("'3: a; 19: b' is shown whole under 3 (/task, annex, cli replies); '19: c' without its number", async () => {
    // Tasks no other case here uses: /task shows the cut-off this one is in.
    const f = await thread(["3", "19"]);
    const several = "3: grozījumi pieņemti; 19: pārbaudes veiktas";
    const one = "19: licences pārbaudītas";
    const a = await reply(f, several);
    const b = await reply(f, one);
    expect(a.stored?.text).toBe(several);
    expect(await taskOf(f, a.ts)).toBe("3");
    expect(await taskOf(f, b.ts)).toBe("19");

    const task3 = await slash("/task", "3");
    expect(task3).toContain(several);
    const task19 = await slash("/task", "19");
    expect(task19).toContain("licences pārbaudītas");
    expect(task19).not.toContain(one);

    await slash("/export", `annex ${f.cutoffId} csv`);
    const file = [...t.emulator.files.values()].at(-1);
    const rows = parseCsv(file?.bytes?.toString("utf8") ?? "", { bom: true }) as string[][];
    const cells = rows.flat();
    // The annex marks it with the task it also names, after the text as written.
    expect(cells.some((c) => c.includes(`.: ${several} [`))).toBe(true);
    expect(cells.some((c) => c.endsWith(".: licences pārbaudītas"))).toBe(true);

    const cutoff = await findCutoff(t.app.db, f.cutoffId);
    if (!cutoff) throw new Error("no cut-off");
    const listing = formatReplies(
      cutoff,
      await listNamedReplies(t.app.db, f.cutoffId),
      "Europe/Riga",
      "lv",
    );
    expect(listing).toContain(several);
    expect(listing).not.toContain(one);
  });
});

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
      "Uzdevuma *99* šajā atgādinājumā nav. Jūsu labotā atbilde joprojām ir pievienota uzdevumam *14*. Pie kura uzdevuma pievienot šo atbildi?",
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

describe("a message in the digest's thread", () => {
  it("is not stored; its author is told, in their language, where replies are collected", async () => {
    const f = await thread(["5", "14"]);
    await reply(f, "14: pārbaudes veiktas");
    const since = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await t.slack.command("/digest", `since ${since}`, {
      userId: PEOPLE.secretary,
      channelId: WG,
    });
    await logs.waitFor((l) => l.msg === "digest posted", 20_000);
    const digest = (await listDigests(t.app.db, 1))[0];
    const post = digest ? await groupPostOf(t.app.db, digest.id) : undefined;
    if (!post) throw new Error("the digest was not posted to the working group");
    expect(post.channelId).toBe(WG);

    const cases = [
      [
        PEOPLE.anna,
        "14: pārbaudes pabeigtas",
        "Šajā pavedienā atbildes netiek apkopotas, tāpēc jūsu ziņa nav saglabāta kā atbilde. Atbildiet savas institūcijas atgādinājuma pavedienā, sākot ar uzdevuma numuru (piem., „14: …”), vai spiediet tur pogu „Iesniegt atjauninājumu”.",
      ],
      [
        PEOPLE.janis,
        "Thanks, looks good",
        'Replies are not collected in this thread, so your message was not saved as a reply. Answer in your institution\'s reminder thread, starting with the task number (e.g. "14: …"), or press its "Submit update" button.',
      ],
    ] as const;
    await chooseLanguage(t, PEOPLE.janis, "en");
    for (const [user, text, answer] of cases) {
      const told = t.emulator.waitFor(ephemeralTo(user, WG));
      const { ts } = await t.slack.userMessage({
        channelId: WG,
        threadTs: post.parentTs,
        text,
        userId: user,
      });
      await logs.waitFor(
        (l) => l.msg === "reply refused" && l.ts === ts && l.reason === "digest_thread",
      );
      expect(await findReplyByMessage(t.app.db, WG, ts)).toBeUndefined();
      const note = await told;
      expect(note.args.thread_ts).toBe(post.parentTs);
      expect(String(note.args.text)).toBe(answer);
    }

    // A member who is no institution's contact discussing the digest gets no note…
    const talk = await t.slack.userMessage({
      channelId: WG,
      threadTs: post.parentTs,
      text: "Paldies, izskatīsim sēdē",
      userId: PEOPLE.outsider,
    });
    await logs.waitFor(
      (l) =>
        l.msg === "message ignored" && l.ts === talk.ts && l.reason === "not_in_reminder_thread",
    );
    const toOutsider = () =>
      t.emulator.calls.filter(
        (c) => c.method === "chat.postEphemeral" && c.args.user === PEOPLE.outsider,
      ).length;
    expect(toOutsider()).toBe(0);
    // …but the same member answering with a task number does.
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.outsider, WG));
    const numbered = await t.slack.userMessage({
      channelId: WG,
      threadTs: post.parentTs,
      text: "14: pārbaudes pabeigtas",
      userId: PEOPLE.outsider,
    });
    await logs.waitFor(
      (l) => l.msg === "reply refused" && l.ts === numbered.ts && l.reason === "digest_thread",
    );
    expect((await told).args.thread_ts).toBe(post.parentTs);
    expect(toOutsider()).toBe(1);

    // A draft's thread (the secretary's DM) is no place for the note, even for "14: …".
    const dm = "D0SECDRAFT";
    t.emulator.addChannel({ id: dm, name: "sekretars-dm" });
    const bot = createJobWebClient(t.emulator.botToken, t.emulator.apiUrl);
    const draft = await bot.chat.postMessage({ channel: dm, text: "Kopsavilkuma melnraksts" });
    const row = await startDigestPost(t.app.db, digest?.id ?? 0, dm, "draft");
    await updateDigestPost(t.app.db, row.id, { parentTs: String(draft.ts) });
    const inDraft = await t.slack.userMessage({
      channelId: dm,
      threadTs: String(draft.ts),
      text: "14: jāpārbauda",
      userId: PEOPLE.secretary,
    });
    await logs.waitFor(
      (l) =>
        l.msg === "message ignored" && l.ts === inDraft.ts && l.reason === "not_in_reminder_thread",
    );
    expect(
      t.emulator.calls.filter((c) => c.method === "chat.postEphemeral" && c.args.channel === dm),
    ).toEqual([]);
  });
});

describe("a reply without a number after the institution answered by number", () => {
  it("is kept unassigned, not taken for the one open task's answer; the author gets the buttons", async () => {
    const f = await thread(["5", "14"]);
    await reply(f, "14: pārbaudes veiktas");
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts, stored } = await reply(f, "Paldies par atgādinājumu, atbildēsim rīt.");
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    expect(JSON.stringify(note.args.blocks)).toContain(
      "Jūsu ziņā nav uzdevuma numura, tāpēc tā saglabāta, bet nav pievienota nevienam uzdevumam. Ja tā nav atbilde par kādu uzdevumu, nekas nav jādara. Pie kura uzdevuma pievienot šo atbildi?",
    );
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["5", "14"].map((n) => `${stored?.id}:${n}`),
    );
    // Task 5 is still open: a later numbered answer is filed there without a note.
    const later = await reply(f, "5: grozījumi pieņemti");
    expect(await taskOf(f, later.ts)).toBe("5");
  });

  it("the institution's first reply, or one after answers by the form, still goes to the one open task", async () => {
    const f = await thread(["5", "14"]);
    await byForm(f, "14");
    const { ts } = await reply(f, "Darbs turpinās, ziņosim vēlāk");
    expect(await taskOf(f, ts)).toBe("5");
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
  "Jūsu ziņā ir tikai uzdevuma numurs, tāpēc tā nav saglabāta kā atbilde. Lūdzu, uzrakstiet numuru un atbildi vienā ziņā, piem., „14: …teksts…”.";

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

describe("years in a reply's later lines", () => {
  it("'14: …\n2025: …\n2026: …' is filed under 14 with no 'not in the reminder' note; shown without '14: '", async () => {
    const f = await thread(["5", "14"]);
    const text = "14: izpildīts.\n2025: 3 līgumi\n2026: 5 līgumi";
    const { ts, stored } = await reply(f, text);
    expect(stored?.text).toBe(text);
    expect(await taskOf(f, ts)).toBe("14");
    // Acknowledged (before "reply stored"), with no note about tasks 2025 and 2026.
    expect(
      t.emulator.calls.some((c) => c.method === "reactions.add" && c.args.timestamp === ts),
    ).toBe(true);
    expect(notesIn(f).join("\n")).not.toContain("šajā atgādinājumā nav");
    const cutoff = await findCutoff(t.app.db, f.cutoffId);
    if (!cutoff) throw new Error("no cut-off");
    const listing = formatReplies(
      cutoff,
      await listNamedReplies(t.app.db, f.cutoffId),
      "Europe/Riga",
      "lv",
    );
    expect(listing).toContain("izpildīts.");
    expect(listing).not.toContain("14: izpildīts.");
  });
});

describe("a pasted list of hundreds of numbers none in the reminder", () => {
  it("still gets the assign prompt, its numbers capped and within Slack's limits", async () => {
    const f = await thread(["5", "14"]);
    const text = Array.from({ length: 400 }, (_, i) => `${i + 100}: rinda`).join("\n");
    const told = t.emulator.waitFor(
      isCall(
        "chat.postEphemeral",
        (c) => c.args.user === PEOPLE.anna && c.args.channel === f.channel,
      ),
    );
    const { ts, stored } = await reply(f, text);
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    expect(note.ok).toBe(true);
    const section = JSON.stringify(note.args.blocks);
    expect(section).toContain(
      "Uzdevumu *100*, *101*, *102*, *103*, *104*, *105*, *106*, *107*, *108*, *109* … (vēl 390) šajā atgādinājumā nav. Atbilde ir saglabāta, bet vēl nav pievienota nevienam uzdevumam. Pie kura uzdevuma pievienot šo atbildi?",
    );
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["5", "14"].map((n) => `${stored?.id}:${n}`),
    );
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
    expect(JSON.stringify((await told).args.blocks)).toContain(
      "Uzdevuma *98* šajā atgādinājumā nav.",
    );
    expect(prompts()).toBe(2);
  });
});
