/**
 * The current cut-off's line on a contact's App Home links the institution's reminder thread
 * once a reminder has started one (a reviewer's finding: the ⌛ line of a passed cut-off linked
 * it, "atvērt", but the line of the cut-off still ahead did not, though that thread is where a
 * reply counts for it): "*Vēl gaidām jūsu atbildi uz #1 par:* 5 – atbildiet atgādinājuma
 * pavedienā (atvērt)." / "… – reply in the reminder thread (open)."; no thread, no link. Through
 * the signed endpoint (`app_home_opened`, `views.publish` in the emulator). SQLite or PostgreSQL
 * (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { insertThread } from "../../db/threads.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { HOME_PEOPLE, openHome, startHomeApp } from "./support/home.ts";
import { storeCutoff } from "./support/lm-cutoffs.ts";

const NOW = "2026-12-02T10:00:00Z";
const AHEAD = "2027-02-01T21:59:59.999Z";
const THREAD_TS = "1799990000.000200";
const LINK = `https://slack.com/archives/C0LM/p${THREAD_TS.replace(".", "")}`;
const { secretary: SECRETARY, anna: ANNA } = HOME_PEOPLE;

describe("the current cut-off, ahead, unanswered by LM", () => {
  let t: TestApp;
  let cutoff: Cutoff;
  beforeAll(async () => {
    t = await startHomeApp(NOW);
    cutoff = await storeCutoff(t.app.db, {
      at: AHEAD,
      title: "Pirmais",
      taskNumbers: ["5"],
      createdBy: SECRETARY,
      createdAt: NOW,
    });
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it("no thread yet: the line names the tasks, unlinked", async () => {
    const lv = await openHome(t, ANNA);
    expect(lv).toContain(`*Vēl gaidām jūsu atbildi uz #${cutoff.id} par:* 5\n`);
    expect(lv).not.toContain("pavedienā");
  });

  it("once the reminder started LM's thread, the line links it; lv and en", async () => {
    const lm = await findInstitution(t.app.db, "LM");
    await insertThread(t.app.db, {
      cutoffId: cutoff.id,
      institutionId: lm?.id ?? 0,
      channelId: "C0LM",
      threadTs: THREAD_TS,
      at: NOW,
    });
    expect(await openHome(t, ANNA)).toContain(
      `*Vēl gaidām jūsu atbildi uz #${cutoff.id} par:* 5 – atbildiet atgādinājuma pavedienā (atvērt (${LINK})).`,
    );
    await chooseLanguage(t, ANNA, "en");
    expect(await openHome(t, ANNA)).toContain(
      `*We still need your reply for #${cutoff.id} on:* 5 – reply in the reminder thread (open (${LINK})).`,
    );
    await chooseLanguage(t, ANNA, "lv");
  });
});
