/**
 * A contact's own App Home names a task still missing for a cut-off that has just passed (a
 * finding: LM had not answered #1, which passed minutes ago, and anna's Home, about the next
 * cut-off #2, showed only #2's list, while the secretary's Home, the digest and `/task` named
 * LM as owing #1): "⌛ *Vēl gaidām jūsu atbildi uz #1 (pagājis 01.02.2027.) par:* 5 – termiņš ir
 * nokavēts, taču atbilde joprojām noderēs: atbildiet #1 atgādinājuma pavedienā (atvērt)." / "⌛
 * *We still need your reply for #1 (passed 1 Feb 2027) on:* 5 – it is late now, but still
 * welcome: reply in #1's reminder thread (open).", beside #2's, LM's thread for #1 linked (a
 * reply counts for the cut-off whose thread it came from; a reviewer's finding: the line did
 * not say where to reply); an unverified reply answers nothing, a verified one takes it off.
 * With no cut-off after it, the current cut-off itself, once passed, is said so the same way,
 * and while no reminder has started a thread (none on record, posted or failed) it is no dead
 * end (a finding: it said "reply in #1's reminder thread" with no thread, link or button): a
 * line says there is no thread yet, so reply here, and the Home's "Submit update" buttons
 * follow; once a thread exists, it is linked and the buttons go. Through the signed endpoint
 * (`app_home_opened`, `views.publish` in the emulator). SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { insertThread } from "../../db/threads.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { HOME_PEOPLE, openHome, startHomeApp } from "./support/home.ts";
import { storeCutoff, storeLmReply, twoCutoffsSuite } from "./support/lm-cutoffs.ts";

/** Minutes after #1 "Pirmais" passed (23:59 Riga, 1 Feb 2027); "Trešais" is ahead. */
const NOW = "2027-02-01T22:05:00Z";
const PASSED = "2027-02-01T21:59:00.000Z";
const AHEAD = "2027-04-01T20:59:00.000Z";
const { secretary: SECRETARY, anna: ANNA } = HOME_PEOPLE;

/** LM's reminder thread for #1 "Pirmais" in the first suite, and its address. */
const THREAD_TS = "1799990000.000100";
const THREAD_LINK = `https://slack.com/archives/C0LM/p${THREAD_TS.replace(".", "")}`;

/**
 * The ⌛ line for cut-off `id` as the Home's text reads (blocksToText: a link `<url|atvērt>`
 * as "atvērt (url)"); `link`: its thread's address.
 */
const lateLv = (id: number, link?: string) =>
  `⌛ *Vēl gaidām jūsu atbildi uz #${id} (pagājis 01.02.2027.) par:* 5 – termiņš ir nokavēts, taču atbilde joprojām noderēs: atbildiet #${id} atgādinājuma pavedienā${link ? ` (atvērt (${link}))` : ""}.`;

/** LM's reply to `cutoff` under task 5 (`verified`: from anna, its contact). */
async function reply(t: TestApp, cutoff: Cutoff, ts: string, verified: boolean) {
  const userId = verified ? ANNA : "U0STRANGER";
  await storeLmReply(t.app.db, {
    cutoffId: cutoff.id,
    task: "5",
    ts,
    userId,
    verified,
    text: "5: paveikts",
  });
}

describe("#1 passed minutes ago, unanswered by LM; #2 ahead", () => {
  const s = twoCutoffsSuite(() => startHomeApp(NOW), {
    firstAt: PASSED,
    thirdAt: AHEAD,
    taskNumbers: ["5"],
    createdBy: SECRETARY,
    now: NOW,
  });

  it("anna's Home names #1's missing task, late but still welcome, beside #2's; lv and en", async () => {
    const lm = await findInstitution(s.t.app.db, "LM");
    // #1's reminder went out to LM: the line links its thread, where a reply counts for #1.
    await insertThread(s.t.app.db, {
      cutoffId: s.first.id,
      institutionId: lm?.id ?? 0,
      channelId: "C0LM",
      threadTs: THREAD_TS,
      at: PASSED,
    });
    const lv = await openHome(s.t, ANNA);
    expect(lv).toContain(`*Vēl gaidām jūsu atbildi uz #${s.third.id} par:* 5`);
    expect(lv).toContain(lateLv(s.first.id, THREAD_LINK));
    await chooseLanguage(s.t, ANNA, "en");
    const en = await openHome(s.t, ANNA);
    expect(en).toContain(`*We still need your reply for #${s.third.id} on:* 5`);
    expect(en).toContain(
      `⌛ *We still need your reply for #${s.first.id} (passed 1 Feb 2027) on:* 5 – it is late now, but still welcome: reply in #${s.first.id}'s reminder thread (open (${THREAD_LINK})).`,
    );
    await chooseLanguage(s.t, ANNA, "lv");
  });

  it("an unverified reply to #1 answers nothing; anna's verified one takes it off", async () => {
    await reply(s.t, s.first, "1800000000.000001", false);
    expect(await openHome(s.t, ANNA)).toContain(lateLv(s.first.id, THREAD_LINK));
    await reply(s.t, s.first, "1800000000.000002", true);
    const lv = await openHome(s.t, ANNA);
    expect(lv).not.toContain("pagājis 01.02.2027.");
    // The reply to #1 answers nothing for #2, and is named with its own cut-off.
    expect(lv).toContain(`*Vēl gaidām jūsu atbildi uz #${s.third.id} par:* 5`);
    expect(lv).toContain(`↩️ Atbildes saņemtas arī uz ziņošanas termiņu #${s.first.id} „Pirmais”`);
  });
});

describe("#1 passed minutes ago, no cut-off after it", () => {
  let t: TestApp;
  let only: Cutoff;
  beforeAll(async () => {
    t = await startHomeApp(NOW);
    only = await storeCutoff(t.app.db, {
      at: PASSED,
      title: "Pirmais",
      taskNumbers: ["5"],
      createdBy: SECRETARY,
      createdAt: NOW,
    });
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it("the current cut-off, passed, is named the same way, once; no thread yet: reply here", async () => {
    const lv = await openHome(t, ANNA);
    expect(lv).toContain(`⏰ Ziņošanas termiņš #${only.id} pagājis: *Pirmais*`);
    expect(lv).toContain(
      `⌛ *Vēl gaidām jūsu atbildi uz #${only.id} (pagājis 01.02.2027.) par:* 5 – termiņš ir nokavēts, taču atbilde joprojām noderēs.`,
    );
    expect(lv).toContain(
      `💬 Atgādinājuma pavediena uz #${only.id} vēl nav: atbildiet šeit ar pogu „Iesniegt atjauninājumu” zemāk.`,
    );
    expect(lv).toContain(`[ Iesniegt atjauninājumu: 5 (#${only.id}) ]`);
    expect(lv).not.toContain("atgādinājuma pavedienā");
    expect(lv.split("Vēl gaidām jūsu atbildi").length).toBe(2);
    await chooseLanguage(t, ANNA, "en");
    const en = await openHome(t, ANNA);
    expect(en).toContain(`on:* 5 – it is late now, but still welcome.`);
    expect(en).toContain(
      `💬 There is no reminder thread for #${only.id} yet: reply here with the "Submit update" button below.`,
    );
    expect(en).toContain(`[ Submit update: 5 (#${only.id}) ]`);
    await chooseLanguage(t, ANNA, "lv");
  });

  it("its thread, once a reminder started one, linked", async () => {
    const lm = await findInstitution(t.app.db, "LM");
    const ts = "1799990000.000200";
    await insertThread(t.app.db, {
      cutoffId: only.id,
      institutionId: lm?.id ?? 0,
      channelId: "C0LM",
      threadTs: ts,
      at: PASSED,
    });
    const link = `https://slack.com/archives/C0LM/p${ts.replace(".", "")}`;
    const lv = await openHome(t, ANNA);
    expect(lv).toContain(lateLv(only.id, link));
    expect(lv).not.toContain("Iesniegt atjauninājumu:");
    expect(lv).not.toContain("vēl nav: atbildiet šeit");
  });
});
