/**
 * A contact who writes in the working group's digest thread is told, privately, that replies are
 * not collected there, with a link to their institution's reminder thread for the current
 * cut-off (the root's message link, as the app's "atvērt" links): " (LM: <…|atvērt>)" in
 * Latvian, " (LM: <…|open>)" in English. A contact of an institution the cut-off asks but whose
 * reminder has not started a thread yet (IEM) is pointed to the "Submit update" button on the
 * app's Home tab instead (a fresh user's finding: the note said "the reminder thread or its
 * button", and there was no thread); a contact of both gets both. Once IEM has answered all the
 * cut-off asks of it (the Home then shows no button), the note says its answers are in, where to
 * see them and that a change goes through the secretary. Someone who is no contact is told of
 * reminder threads, naming none, as before.
 * Real app, signed Events API callbacks, the emulator; SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { findCutoff } from "../../db/cutoffs.ts";
import { groupPostOf, listDigests } from "../../db/digests.ts";
import { findInstitution } from "../../db/institutions.ts";
import { findReplyByMessage } from "../../db/replies.ts";
import { institutionScope } from "../../db/scope.ts";
import { messageLink } from "../../src/slack/render-task-cutoff.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { startFindingsApp, WG } from "../replies/findings-support.ts";
import { ephemeralTo, PEOPLE, replySteps } from "../replies/support.ts";
import { openHome } from "./support/home.ts";
import { storeReply } from "./support/replies.ts";

const IEM_CONTACT = "U0IEMCNT";
const IEM_ENGLISH = "U0IEMENG";
let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  ({ t, logs } = await startFindingsApp());
  t.emulator.addUser({ id: IEM_CONTACT, name: "ilze", locale: "lv-LV" });
  t.emulator.addUser({ id: IEM_ENGLISH, name: "ian", locale: "en-US" });
});
afterAll(async () => {
  await t?.stop();
});
const { thread } = replySteps(() => ({ t, logs }), "C0DTL");
/** LM's reminder thread's link and the cut-off, from the first case for the next. */
const first = { link: "", cutoffId: 0 };

const NOT_COLLECTED_LV =
  "Kopsavilkuma pavedienā atbildes netiek apkopotas, tāpēc jūsu ziņa nav saglabāta kā atbilde.";
const homeLv = (id: number) =>
  `Atgādinājuma pavediena uz #${id} vēl nav (IEM): atbildiet lietotnes sākumlapā (Home) ar pogu „Iesniegt atjauninājumu”.`;
const LEAD_LV =
  "Kopsavilkuma pavedienā atbildes netiek apkopotas, tāpēc jūsu ziņa nav saglabāta kā atbilde. Atbildiet savas institūcijas atgādinājuma pavedienā";
const TAIL_LV =
  ", sākot ar uzdevuma numuru (piem., „14: …”), vai spiediet tur pogu „Iesniegt atjauninājumu”.";

describe("the note to a person writing in the digest's thread", () => {
  it("links the contact's reminder thread for the current cut-off; otherwise names none", async () => {
    const f = await thread(["5", "14"]);
    const iem = await findInstitution(t.app.db, "IEM");
    await setMapping(
      t.app.db,
      iem?.id ?? 0,
      null,
      [IEM_CONTACT, IEM_ENGLISH, PEOPLE.anna],
      new Date().toISOString(),
    );
    const since = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await t.slack.command("/digest", `since ${since}`, {
      userId: PEOPLE.secretary,
      channelId: WG,
    });
    await logs.waitFor((l) => l.msg === "digest posted", 20_000);
    const digest = (await listDigests(t.app.db, 1))[0];
    const post = digest ? await groupPostOf(t.app.db, digest.id) : undefined;
    if (!post) throw new Error("the digest was not posted to the working group");
    await chooseLanguage(t, PEOPLE.janis, "en");
    await chooseLanguage(t, IEM_ENGLISH, "en");
    const link = messageLink(f.channel, f.threadTs);
    Object.assign(first, { link, cutoffId: f.cutoffId });

    const cases = [
      [PEOPLE.anna, "14: pārbaudes pabeigtas", `${LEAD_LV} (LM: <${link}|atvērt>)${TAIL_LV}`],
      [
        PEOPLE.janis,
        "5: done",
        `Replies are not collected in the digest's thread, so your message was not saved as a reply. Answer in your institution's reminder thread (LM: <${link}|open>), starting with the task number (e.g. "5: …"), or press its "Submit update" button.`,
      ],
      // IEM's contact: no reminder of IEM has started a thread for the cut-off: the Home's button.
      [IEM_CONTACT, "14: izpildīts", `${NOT_COLLECTED_LV} ${homeLv(f.cutoffId)}`],
      [
        IEM_ENGLISH,
        "done",
        `Replies are not collected in the digest's thread, so your message was not saved as a reply. There is no reminder thread for #${f.cutoffId} yet (IEM): reply with the "Submit update" button on the app's Home tab.`,
      ],
      // A contact of LM (thread) and IEM (none yet), naming no task: both ways.
      [PEOPLE.anna, "Paldies", `${LEAD_LV} (LM: <${link}|atvērt>)${TAIL_LV} ${homeLv(f.cutoffId)}`],
      // No institution's contact: today's text.
      [PEOPLE.outsider, "14: izpildīts", `${LEAD_LV}${TAIL_LV}`],
    ] as const;
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
  });

  it("IEM has answered all #N asks of it, no thread: the note says so and points to no button; lv, en", async () => {
    // The first case's digest is in place; IEM answers every task of the cut-off's scope for it.
    const digest = (await listDigests(t.app.db, 1))[0];
    const post = digest ? await groupPostOf(t.app.db, digest.id) : undefined;
    if (!post) throw new Error("no digest posted by the first case");
    const db = t.app.db;
    const iem = await findInstitution(db, "IEM");
    const cutoff = await findCutoff(db, first.cutoffId);
    if (!cutoff) throw new Error("no cut-off from the first case");
    const scope = await institutionScope(db, cutoff, iem?.id ?? 0);
    const numbers = scope.map((task) => task.number);
    expect(numbers.length).toBeGreaterThan(0);
    for (const [i, task] of numbers.entries())
      await storeReply(db, {
        code: "IEM",
        cutoffId: cutoff.id,
        task,
        channelId: "C0IEMFORM",
        ts: `1700000000.00010${i}`,
        userId: IEM_CONTACT,
        text: `${task}: izpildīts`,
        verified: true,
        receivedAt: new Date().toISOString(),
      });
    // As the Home says it: everything in, no "Submit update" button for IEM.
    const home = await openHome(t, IEM_CONTACT);
    expect(home).toContain(`✅ Par ziņošanas termiņu #${cutoff.id} viss ir iesniegts.`);
    expect(home).not.toContain("Iesniegt atjauninājumu");
    const task0 = numbers[0] ?? "";
    const allInLv = (task: string) =>
      `Visas atbildes, ko #${cutoff.id} prasa no IEM, jau ir saņemtas (tās redz ar \`/task ${task}\`), tāpēc sākumlapā (Home) pogas „Iesniegt atjauninājumu” vairs nav; ja kādu atbildi vajag mainīt, sazinieties ar sekretāru.`;
    const cases = [
      [IEM_CONTACT, `${task0}: papildinājums`, `${NOT_COLLECTED_LV} ${allInLv(task0)}`],
      [
        IEM_ENGLISH,
        "one more thing",
        `Replies are not collected in the digest's thread, so your message was not saved as a reply. Every answer #${cutoff.id} asks of IEM is already in (see \`/task ${task0}\`), so the Home has no "Submit update" button for it any more; to change an answer, ask the secretary.`,
      ],
      // A contact of LM (thread) and IEM (all in): the thread, then that IEM's answers are in.
      [
        PEOPLE.anna,
        "Paldies",
        `${LEAD_LV} (LM: <${first.link}|atvērt>)${TAIL_LV} ${allInLv(task0)}`,
      ],
    ] as const;
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
      expect(String((await told).args.text)).toBe(answer);
    }
  });
});
