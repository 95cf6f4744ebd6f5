/**
 * A contact's own App Home names a task still missing for a cut-off that has just passed (a
 * finding: LM had not answered #1, which passed minutes ago, and anna's Home, about the next
 * cut-off #2, showed only #2's list, while the secretary's Home, the digest and `/task` named
 * LM as owing #1): "⌛ *Vēl gaidām jūsu atbildi uz #1 (pagājis 01.02.2027.) par:* 5 – termiņš ir
 * nokavēts, taču atbilde joprojām noderēs." / "⌛ *We still need your reply for #1 (passed 1 Feb
 * 2027) on:* 5 – it is late now, but still welcome.", beside #2's; an unverified reply answers
 * nothing, a verified one takes it off. With no cut-off after it, the current cut-off itself,
 * once passed, is said so the same way. Through the signed endpoint (`app_home_opened`,
 * `views.publish` in the emulator). SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cutoff } from "../../db/cutoffs.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { HOME_PEOPLE, openHome, startHomeApp } from "./support/home.ts";
import { storeCutoff, storeLmReply, twoCutoffsSuite } from "./support/lm-cutoffs.ts";

/** Minutes after #1 "Pirmais" passed (23:59 Riga, 1 Feb 2027); "Trešais" is ahead. */
const NOW = "2027-02-01T22:05:00Z";
const PASSED = "2027-02-01T21:59:00.000Z";
const AHEAD = "2027-04-01T20:59:00.000Z";
const { secretary: SECRETARY, anna: ANNA } = HOME_PEOPLE;

const lateLv = (id: number) =>
  `⌛ *Vēl gaidām jūsu atbildi uz #${id} (pagājis 01.02.2027.) par:* 5 – termiņš ir nokavēts, taču atbilde joprojām noderēs.`;

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
    const lv = await openHome(s.t, ANNA);
    expect(lv).toContain(`*Vēl gaidām jūsu atbildi uz #${s.third.id} par:* 5`);
    expect(lv).toContain(lateLv(s.first.id));
    await chooseLanguage(s.t, ANNA, "en");
    const en = await openHome(s.t, ANNA);
    expect(en).toContain(`*We still need your reply for #${s.third.id} on:* 5`);
    expect(en).toContain(
      `⌛ *We still need your reply for #${s.first.id} (passed 1 Feb 2027) on:* 5 – it is late now, but still welcome.`,
    );
    await chooseLanguage(s.t, ANNA, "lv");
  });

  it("an unverified reply to #1 answers nothing; anna's verified one takes it off", async () => {
    await reply(s.t, s.first, "1800000000.000001", false);
    expect(await openHome(s.t, ANNA)).toContain(lateLv(s.first.id));
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

  it("the current cut-off, passed, is named the same way, once", async () => {
    const lv = await openHome(t, ANNA);
    expect(lv).toContain(`⏰ Ziņošanas termiņš #${only.id} pagājis: *Pirmais*`);
    expect(lv).toContain(lateLv(only.id));
    expect(lv.split("Vēl gaidām jūsu atbildi").length).toBe(2);
  });
});
