/**
 * What a fresh user found about messages in the working group's digest thread, through the
 * real app: signed Events API callbacks in, Web API calls out to the emulator. A contact's
 * message there is not stored and its author is told where replies are collected (in their
 * language); a member discussing the digest gets no note unless answering by task number; a
 * draft's thread gets none.
 * Waits on the emulator's records and the app's log lines, never on time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupPostOf, listDigests, startDigestPost, updateDigestPost } from "../../db/digests.ts";
import { findReplyByMessage } from "../../db/replies.ts";
import { messageLink } from "../../src/slack/render-task-cutoff.ts";
import { createJobWebClient } from "../../src/slack/web.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { startFindingsApp, WG } from "../replies/findings-support.ts";
import { ephemeralTo, PEOPLE, replySteps } from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  ({ t, logs } = await startFindingsApp());
});
afterAll(async () => {
  await t?.stop();
});
const { thread, reply } = replySteps(() => ({ t, logs }), "C0FNDD");

describe("a message in the digest's thread", () => {
  it("is not stored; its author is told, in their language, where replies are collected", async () => {
    const f = await thread(["5", "14"]);
    // anna and janis are LM's contacts: the note links LM's reminder thread.
    const link = messageLink(f.channel, f.threadTs);
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
        `Kopsavilkuma pavedienā atbildes netiek apkopotas, tāpēc jūsu ziņa nav saglabāta kā atbilde. Atbildiet savas institūcijas atgādinājuma pavedienā (LM: <${link}|atvērt>), sākot ar uzdevuma numuru (piem., „14: …”), vai spiediet tur pogu „Iesniegt atjauninājumu”.`,
      ],
      [
        PEOPLE.janis,
        "Thanks, looks good",
        `Replies are not collected in the digest's thread, so your message was not saved as a reply. Answer in your institution's reminder thread (LM: <${link}|open>), starting with the task number (e.g. "14: …"), or press its "Submit update" button.`,
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
