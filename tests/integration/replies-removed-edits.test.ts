/**
 * Replies and their edits in the thread of a cut-off the secretary removed (the signed
 * `/cutoff remove N`), through the real app: signed Events API callbacks in (messages and
 * message_changed), Web API calls out to the emulator, replies in the store. Every note says
 * the cut-off was removed and on which day (from the store's `removed_at`, in the configured
 * zone), and what happened to what was sent: a new reply kept, an edit saved (its task kept or
 * moved), an edit down to only a task number not saved (the previous text kept), a new message
 * that is only a task number not saved (the removal said first, as for the edit). An edit is
 * told once after the removal, then only when it moves the reply or names new numbers outside
 * the reminder or programme (a typo fix is not).
 * Waits on the emulator's records and the app's log lines, never on time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyCutoff } from "../../db/cutoffs.ts";
import { findReplyByMessage } from "../../db/replies.ts";
import type { Locale } from "../../src/config.ts";
import { isCall } from "../../src/emulator/server.ts";
import { formatInstantDay } from "../../src/slack/format.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import { startFindingsApp } from "../replies/findings-support.ts";
import {
  APP_WAIT_MS,
  buttonsOf,
  PEOPLE,
  replySteps,
  sendMessageChanged,
  type ThreadFixture,
} from "../replies/support.ts";

const LIMIT = { timeout: 120_000 };

let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  ({ t, logs } = await startFindingsApp());
  await chooseLanguage(t, PEOPLE.janis, "en");
}, LIMIT.timeout);
afterAll(async () => {
  await t?.stop();
});
const { thread, reply, taskOf, edit, notesIn } = replySteps(() => ({ t, logs }), "C0RMED");

/** Removes the thread's cut-off with the signed `/cutoff remove`; the day as a note says it. */
async function removeIt(f: ThreadFixture, locale: Locale = "lv"): Promise<string> {
  const answer = await slashText(t, "/cutoff", `remove ${f.cutoffId}`, PEOPLE.secretary);
  expect(answer).toContain("Saņemtās atbildes paliek.");
  const found = await replyCutoff(t.app.db, f.cutoffId);
  expect(found?.removed).toBe(true);
  return formatInstantDay(found?.removedAt ?? "", t.config.timezone, locale);
}

/** Matches a private note to `user` in `channel` whose text contains `words`. */
const noteTo = (user: string, channel: string, words: string) =>
  isCall(
    "chat.postEphemeral",
    (c) =>
      c.args.user === user && c.args.channel === channel && String(c.args.text).includes(words),
  );
/** Waits (up to 60 s: a loaded machine) for a private note {@link noteTo} matches. */
const told = (user: string, channel: string, words: string) =>
  t.emulator.waitFor(noteTo(user, channel, words), APP_WAIT_MS);

/**
 * Posts a thread message as `user` and waits (up to 60 s) until the app has refused it as only
 * a task number ("reply refused"), for a message that is no reply.
 */
async function sendMessage(f: ThreadFixture, text: string, user: string = PEOPLE.anna) {
  const { ts } = await t.slack.userMessage({
    channelId: f.channel,
    threadTs: f.threadTs,
    text,
    userId: user,
  });
  await logs.waitFor(
    (l) => l.msg === "reply refused" && l.ts === ts && l.reason === "number_only",
    APP_WAIT_MS,
  );
  return { ts };
}

let changes = 0;
/** Sends an edit without waiting for its outcome (for a refused one). */
async function sendEdit(f: ThreadFixture, ts: string, before: string, after: string) {
  changes++;
  await sendMessageChanged(
    t,
    f,
    ts,
    before,
    after,
    `1920000000.${String(changes).padStart(6, "0")}`,
  );
}

describe("a new reply in a removed cut-off's thread", LIMIT, () => {
  it("is kept; its author is told the cut-off was removed, on which day", async () => {
    const f = await thread(["2", "14"]);
    const day = await removeIt(f);
    expect(day).toMatch(/^\d\d\.\d\d\.\d{4}\.$/u);
    const pending = told(PEOPLE.anna, f.channel, "noņemts");
    const { ts } = await reply(f, "14: pārbaudes veiktas");
    expect(await taskOf(f, ts)).toBe("14");
    expect(String((await pending).args.text)).toBe(
      `Šī atgādinājuma ziņošanas termiņš ir noņemts ${day}, bet jūsu atbilde ir saglabāta pie uzdevuma *14*.`,
    );
  });

  it("in English for an English-speaking author", async () => {
    const f = await thread(["2", "14"]);
    const day = await removeIt(f, "en");
    const pending = told(PEOPLE.janis, f.channel, "removed");
    await reply(f, "Work continues", PEOPLE.janis);
    expect(String((await pending).args.text)).toBe(
      `This reminder's reporting cut-off was removed on ${day}, but your reply is kept.`,
    );
  });

  it("only a task number ('14:'): not stored; the note says the removal first, as an edit's does", async () => {
    const f = await thread(["2", "14"]);
    const day = await removeIt(f);
    const pending = told(PEOPLE.anna, f.channel, "tikai uzdevuma numurs");
    const { ts } = await sendMessage(f, "14:");
    expect(await findReplyByMessage(t.app.db, f.channel, ts)).toBeUndefined();
    expect(String((await pending).args.text)).toBe(
      `Šī atgādinājuma ziņošanas termiņš ir noņemts ${day.replace(/\.$/u, "")}. Jūsu ziņā ir tikai uzdevuma numurs, tāpēc tā nav saglabāta kā atbilde. Lūdzu, uzrakstiet numuru un atbildi vienā ziņā, piem., „14: …teksts…”.`,
    );
  });

  it("only a task number, in English: the removal and its day, then how to write a reply", async () => {
    const f = await thread(["2", "14"]);
    const day = await removeIt(f, "en");
    const pending = told(PEOPLE.janis, f.channel, "only the task number");
    await sendMessage(f, "2:", PEOPLE.janis);
    expect(String((await pending).args.text)).toBe(
      `This reminder's reporting cut-off was removed on ${day}. Your message has only the task number, so it was not saved as a reply. Please write the number and the reply in one message, e.g. "2: …text…".`,
    );
  });
});

describe("an edit in a removed cut-off's thread", LIMIT, () => {
  it("naming no other task: saved, the reply still under its task, and the author told so", async () => {
    const f = await thread(["2", "14"]);
    const { ts } = await reply(f, "14: pārbaudes veiktas");
    const day = await removeIt(f);
    const pending = told(PEOPLE.anna, f.channel, "labojums");
    await edit(f, ts, "14: pārbaudes veiktas", "14: pārbaudes veiktas, akts pievienots");
    expect((await findReplyByMessage(t.app.db, f.channel, ts))?.text).toBe(
      "14: pārbaudes veiktas, akts pievienots",
    );
    expect(await taskOf(f, ts)).toBe("14");
    const note = await pending;
    expect(note.args.thread_ts).toBe(f.threadTs);
    expect(String(note.args.text)).toBe(
      `Šī atgādinājuma ziņošanas termiņš ir noņemts ${day}, bet jūsu labojums ir saglabāts: atbilde joprojām ir pie uzdevuma *14*.`,
    );
    expect(buttonsOf(note.args.blocks)).toEqual([]);
  });

  it("naming another task of the cut-off: saved and moved there, as the note says", async () => {
    const f = await thread(["2", "14"]);
    const { ts } = await reply(f, "2: apmācīti 40 speciālisti");
    const day = await removeIt(f);
    const pending = told(PEOPLE.anna, f.channel, "labojums");
    await edit(f, ts, "2: apmācīti 40 speciālisti", "14: apmācīti 40 speciālisti");
    expect(await taskOf(f, ts)).toBe("14");
    expect(String((await pending).args.text)).toBe(
      `Šī atgādinājuma ziņošanas termiņš ir noņemts ${day}, bet jūsu labojums ir saglabāts: atbilde tagad ir pie uzdevuma *14* (līdz šim: *2*).`,
    );
  });

  it("naming only a task not in the programme: saved, kept under its task, no buttons", async () => {
    const f = await thread(["2", "14"]);
    const { ts } = await reply(f, "14: pārbaudes veiktas");
    const day = await removeIt(f);
    const pending = told(PEOPLE.anna, f.channel, "labojums");
    await edit(f, ts, "14: pārbaudes veiktas", "99: nav tāda");
    expect((await findReplyByMessage(t.app.db, f.channel, ts))?.text).toBe("99: nav tāda");
    expect(await taskOf(f, ts)).toBe("14");
    const note = await pending;
    expect(String(note.args.text)).toBe(
      `Šī atgādinājuma ziņošanas termiņš ir noņemts ${day}, bet jūsu labojums ir saglabāts: atbilde joprojām ir pie uzdevuma *14*. Uzdevuma *99* programmā nav.`,
    );
    expect(buttonsOf(note.args.blocks)).toEqual([]);
  });

  it("of an unassigned reply, in English: saved, still not filed under any task", async () => {
    const f = await thread(["2", "14"]);
    const { ts } = await reply(f, "Work continues", PEOPLE.janis);
    expect(await taskOf(f, ts)).toBeNull();
    const day = await removeIt(f, "en");
    const pending = told(PEOPLE.janis, f.channel, "your edit");
    await edit(f, ts, "Work continues", "Work continues, report next week", PEOPLE.janis);
    expect(await taskOf(f, ts)).toBeNull();
    expect(String((await pending).args.text)).toBe(
      `This reminder's reporting cut-off was removed on ${day}, but your edit is saved: the reply is still not filed under any task.`,
    );
  });

  it("down to only a task number: not saved, the previous text kept, and the note says both", async () => {
    const f = await thread(["2", "14"]);
    const { ts } = await reply(f, "14: ok");
    const day = await removeIt(f);
    const pending = told(PEOPLE.anna, f.channel, "labotajā ziņā");
    await sendEdit(f, ts, "14: ok", "14:");
    await logs.waitFor(
      (l) => l.msg === "reply changed" && l.ts === ts && l.result === "refused",
      APP_WAIT_MS,
    );
    expect((await findReplyByMessage(t.app.db, f.channel, ts))?.text).toBe("14: ok");
    expect(String((await pending).args.text)).toBe(
      `Šī atgādinājuma ziņošanas termiņš ir noņemts ${day.replace(/\.$/u, "")}. Jūsu labotajā ziņā ir tikai uzdevuma numurs, tāpēc atbildei saglabāts tās iepriekšējais teksts. Lūdzu, uzrakstiet numuru un atbildi vienā ziņā, piem., „14: …teksts…”.`,
    );
  });
});

describe("later edits in a removed cut-off's thread", LIMIT, () => {
  /** The author's notes in the thread's channel that say the cut-off was removed. */
  const removedNotes = (f: ThreadFixture) => notesIn(f).filter((n) => n.includes("noņemts"));

  it("told of the first edit, not of typo fixes; told again when it moves or names task 99", async () => {
    const f = await thread(["2", "14"]);
    const { ts } = await reply(f, "14: pārbaudes veiktas");
    const day = await removeIt(f);
    await edit(f, ts, "14: pārbaudes veiktas", "14: pārbaudes veikts");
    expect(removedNotes(f)).toEqual([
      `Šī atgādinājuma ziņošanas termiņš ir noņemts ${day}, bet jūsu labojums ir saglabāts: atbilde joprojām ir pie uzdevuma *14*.`,
    ]);
    // A typo fix keeping the task: stored, nobody told ("reply changed" is logged after notes).
    await edit(f, ts, "14: pārbaudes veikts", "14: pārbaudes veiktas");
    await edit(f, ts, "14: pārbaudes veiktas", "14: pārbaudes veiktas.");
    expect(removedNotes(f)).toHaveLength(1);
    // Moved to task 2: told.
    await edit(f, ts, "14: pārbaudes veiktas.", "2: pārbaudes veiktas.");
    expect(await taskOf(f, ts)).toBe("2");
    expect(removedNotes(f).at(-1)).toBe(
      `Šī atgādinājuma ziņošanas termiņš ir noņemts ${day}, bet jūsu labojums ir saglabāts: atbilde tagad ir pie uzdevuma *2* (līdz šim: *14*).`,
    );
    // A number outside the programme: told; the same again: not.
    await edit(f, ts, "2: pārbaudes veiktas.", "99: pārbaudes veiktas.");
    expect(removedNotes(f)).toHaveLength(3);
    expect(removedNotes(f).at(-1)).toContain("Uzdevuma *99* programmā nav.");
    await edit(f, ts, "99: pārbaudes veiktas.", "99: pārbaudes veiktas!");
    expect(removedNotes(f)).toHaveLength(3);
    expect(await taskOf(f, ts)).toBe("2");
  });

  it("a reply edited before the removal: its first edit after it is told", async () => {
    const f = await thread(["2", "14"]);
    const { ts } = await reply(f, "2: apmācīti 40 speciālisti");
    await edit(f, ts, "2: apmācīti 40 speciālisti", "2: apmācīti 41 speciālists");
    expect(removedNotes(f)).toEqual([]);
    const day = await removeIt(f);
    await edit(f, ts, "2: apmācīti 41 speciālists", "2: apmācīti 42 speciālisti");
    expect(removedNotes(f)).toEqual([
      `Šī atgādinājuma ziņošanas termiņš ir noņemts ${day}, bet jūsu labojums ir saglabāts: atbilde joprojām ir pie uzdevuma *2*.`,
    ]);
    await edit(f, ts, "2: apmācīti 42 speciālisti", "2: apmācīti 43 speciālisti");
    expect(removedNotes(f)).toHaveLength(1);
  });
});
