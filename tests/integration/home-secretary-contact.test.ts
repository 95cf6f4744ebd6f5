/**
 * A secretary who is also an institution's contact reads on their own Home how LM's channel is
 * fixed as theirs to do (a fresh user's finding: it said "kanālu iestata sekretārs ar
 * `/institution set LM #kanāls` (vērsieties pie sekretāra)", telling the secretary to ask the
 * secretary): "jūs varat iestatīt kanālu ar `/institution set LM #kanāls`" / "you can set the
 * channel with …", also after a member's `/invite`; a contact who is not a secretary (anna) is
 * still told to ask the secretary. Through the signed endpoint (`app_home_opened`) and the
 * emulator's `views.publish`; the state is changed in the store as `/institution set` (mapping,
 * channel check) and the send job (failed reminder) change it. lv (sekretare) and en (john).
 * SQLite or PostgreSQL (TEST_DATABASE).
 */
import { describe, expect, it } from "vitest";
import { recordChannelCheck } from "../../db/channel-checks.ts";
import { setMapping } from "../../db/contacts.ts";
import type { Cutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { markSkipped, upsertPlannedReminder } from "../../db/reminders.ts";
import type { TestApp } from "../helpers/app.ts";
import { HOME_PEOPLE, openHome, startHomeApp } from "./support/home.ts";
import { LM_CHANNEL, twoCutoffsSuite } from "./support/lm-cutoffs.ts";

const NOW = "2027-02-01T22:05:00Z";
const PASSED = "2027-02-01T21:59:00.000Z";
const AHEAD = "2027-04-01T20:59:00.000Z";
const { secretary: SECRETARY, john: JOHN, anna: ANNA } = HOME_PEOPLE;
const BUTTON_LV = "atbildiet šeit ar pogu „Iesniegt atjauninājumu” zemāk.";
const BUTTON_EN = 'reply here with the "Submit update" button below.';

/**
 * Sets LM's channel to `channel` (null: none) with anna and both secretaries (sekretare, john)
 * as its contacts, as `/institution set` does.
 */
async function setChannel(t: TestApp, channel: string | null): Promise<void> {
  const lm = await findInstitution(t.app.db, "LM");
  await setMapping(t.app.db, lm?.id ?? 0, channel, [ANNA, SECRETARY, JOHN], NOW);
}

/** LM's reminder for `cutoff` failed with `detail`, as the send job records it. */
async function failReminder(t: TestApp, cutoff: Cutoff, detail: string): Promise<void> {
  const lm = await findInstitution(t.app.db, "LM");
  const row = await upsertPlannedReminder(t.app.db, {
    cutoffId: cutoff.id,
    institutionId: lm?.id ?? 0,
    kind: "before-P1D",
    scheduledAt: "2027-01-31T07:00:00.000Z",
    cutoffAt: cutoff.at,
  });
  await markSkipped(t.app.db, row.id, "failed", detail);
}

describe("a secretary who is LM's contact, LM owing #1 (passed) and #2 (ahead) with no thread", () => {
  const s = twoCutoffsSuite(() => startHomeApp(NOW), {
    firstAt: PASSED,
    thirdAt: AHEAD,
    taskNumbers: ["5"],
    createdBy: SECRETARY,
    now: NOW,
  });

  it("no channel: the secretary can set it, anna is told to ask the secretary; lv, en", async () => {
    await setChannel(s.t, null);
    const lv = await openHome(s.t, SECRETARY);
    // Both parts: the secretary's and LM's.
    expect(lv).toContain("Sekretāram");
    expect(lv).toContain("LM – ");
    expect(lv).toContain(
      `💬 Atgādinājuma pavediena uz #${s.third.id} vēl nav, un LM kanālā to nevar publicēt (kanāls nav iestatīts): ${BUTTON_LV} Jūs varat iestatīt kanālu ar \`/institution set LM #kanāls\`.`,
    );
    expect(lv).not.toContain("vērsieties pie sekretāra");
    expect(lv).not.toContain("iestata sekretārs");
    const en = await openHome(s.t, JOHN);
    expect(en).toContain(
      `💬 There is no reminder thread for #${s.third.id} yet, and it cannot be posted in LM's channel (no channel is set): ${BUTTON_EN} You can set the channel with \`/institution set LM #channel\`.`,
    );
    expect(en).not.toContain("ask the secretary");
    expect(await openHome(s.t, ANNA)).toContain(
      `${BUTTON_LV} Kanālu iestata sekretārs ar \`/institution set LM #kanāls\` (vērsieties pie sekretāra).`,
    );
  });

  it("#1's reminder failed for want of a channel: the ⚠️ line's fix is the secretary's own", async () => {
    await failReminder(s.t, s.first, "no_mapping");
    const lv = await openHome(s.t, SECRETARY);
    expect(lv).toContain(
      `⚠️ Atgādinājumu uz #${s.first.id} nevarēja publicēt LM kanālā (kanāls nav iestatīts), tāpēc pavediena nav: atbildiet ar pogu „Iesniegt atjauninājumu” zemāk. Sekretārs par to ir informēts; jūs varat iestatīt kanālu ar \`/institution set LM #kanāls\`.`,
    );
    expect(lv).not.toContain("vērsieties pie sekretāra");
    const en = await openHome(s.t, JOHN);
    expect(en).toContain(
      `⚠️ The reminder for #${s.first.id} could not be posted in LM's channel (no channel is set), so there is no thread: reply with the "Submit update" button below. The secretary has been told; you can set the channel with \`/institution set LM #channel\`.`,
    );
    expect(en).not.toContain("ask the secretary");
  });

  it("a channel the app is not in: a member's /invite, or the secretary themselves; lv, en", async () => {
    await setChannel(s.t, LM_CHANNEL);
    // As `/institution set` stores Slack's answer (conversations.info: not a member).
    await recordChannelCheck(s.t.app.db, LM_CHANNEL, "not_member", NOW);
    const lv = await openHome(s.t, SECRETARY);
    expect(lv).toContain(
      `💬 Atgādinājuma pavediena uz #${s.third.id} vēl nav, un LM kanālā to nevar publicēt (lietotne nav pievienota kanālam): ${BUTTON_LV} To salabo kāds kanāla dalībnieks ar \`/invite @Koordinators\` tajā, vai arī jūs varat iestatīt kanālu ar \`/institution set LM #kanāls\`.`,
    );
    expect(lv).not.toContain("vai sekretārs ar");
    expect(await openHome(s.t, JOHN)).toContain(
      `${BUTTON_EN} A member of the channel can fix it with \`/invite @Koordinators\` in it, or you can set the channel with \`/institution set LM #channel\`.`,
    );
    expect(await openHome(s.t, ANNA)).toContain(
      `${BUTTON_LV} To salabo kāds kanāla dalībnieks ar \`/invite @Koordinators\` tajā vai sekretārs ar \`/institution set LM #kanāls\`.`,
    );
  });
});
