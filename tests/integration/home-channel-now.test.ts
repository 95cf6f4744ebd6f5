/**
 * The Home's line under a cut-off LM owes with no reminder thread says what the store knows of
 * LM's channel now (a fresh user's finding: "💬 no reminder thread yet" did not say the channel
 * was already known unreachable, and a failed reminder's "(kanāls nav iestatīts)" stayed after
 * a channel was set). Through the signed endpoint (`app_home_opened`) and the emulator, lv and
 * en; the state is changed in the store as `/institution set` (mapping, channel check) and the
 * send job (failed reminder, channel check) change it. SQLite or PostgreSQL (TEST_DATABASE).
 */
import { describe, expect, it } from "vitest";
import { checkOfPostError, recordChannelCheck } from "../../db/channel-checks.ts";
import { setMapping } from "../../db/contacts.ts";
import type { Cutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { markSkipped, upsertPlannedReminder } from "../../db/reminders.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { HOME_PEOPLE, openHome, startHomeApp } from "./support/home.ts";
import { LM_CHANNEL, twoCutoffsSuite } from "./support/lm-cutoffs.ts";

const NOW = "2027-02-01T22:05:00Z";
const PASSED = "2027-02-01T21:59:00.000Z";
const AHEAD = "2027-04-01T20:59:00.000Z";
const NEW_CHANNEL = "C0LMNEW";
const { secretary: SECRETARY, anna: ANNA } = HOME_PEOPLE;
const BUTTON_LV = "atbildiet ar pogu „Iesniegt atjauninājumu” zemāk.";

/** Sets LM's channel to `channel` (null: none), anna its contact, as `/institution set` does. */
async function setChannel(t: TestApp, channel: string | null): Promise<void> {
  const lm = await findInstitution(t.app.db, "LM");
  await setMapping(t.app.db, lm?.id ?? 0, channel, [ANNA], NOW);
}

/** LM's reminder for `cutoff` failed with `detail` on `channel`, as the send job records it. */
async function failReminder(t: TestApp, cutoff: Cutoff, detail: string, channel?: string) {
  if (channel) await recordChannelCheck(t.app.db, channel, checkOfPostError(detail), NOW);
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

describe("LM owes #1 (passed) and #2 (ahead), no thread for either", () => {
  const s = twoCutoffsSuite(() => startHomeApp(NOW), {
    firstAt: PASSED,
    thirdAt: AHEAD,
    taskNumbers: ["5"],
    createdBy: SECRETARY,
    now: NOW,
  });

  it("no reminder tried yet, channel known unreachable or none: the 💬 line says so; lv, en", async () => {
    const plain = await openHome(s.t, ANNA);
    expect(plain).toContain(
      `💬 Atgādinājuma pavediena uz #${s.third.id} vēl nav: atbildiet šeit ar pogu „Iesniegt atjauninājumu” zemāk.`,
    );
    // As `/institution set` stores Slack's answer (conversations.info: not a member).
    await recordChannelCheck(s.t.app.db, LM_CHANNEL, "not_member", NOW);
    const lv = await openHome(s.t, ANNA);
    for (const id of [s.first.id, s.third.id])
      expect(lv).toContain(
        `💬 Atgādinājuma pavediena uz #${id} vēl nav, un LM kanālā to nevar publicēt (lietotne nav pievienota kanālam): atbildiet šeit ar pogu „Iesniegt atjauninājumu” zemāk. To salabo kāds kanāla dalībnieks ar \`/invite @Koordinators\` tajā vai sekretārs ar \`/institution set LM #kanāls\`.`,
      );
    expect(lv).not.toContain("vēl nav: atbildiet šeit");
    expect(lv).toContain(`[ Iesniegt atjauninājumu: 5 (#${s.third.id}) ]`);
    await chooseLanguage(s.t, ANNA, "en");
    expect(await openHome(s.t, ANNA)).toContain(
      `💬 There is no reminder thread for #${s.third.id} yet, and it cannot be posted in LM's channel (the app is not in the channel): reply here with the "Submit update" button below. A member of the channel can fix it with \`/invite @Koordinators\` in it, or the secretary with \`/institution set LM #channel\`.`,
    );
    await chooseLanguage(s.t, ANNA, "lv");
    await setChannel(s.t, null);
    expect(await openHome(s.t, ANNA)).toContain(
      `💬 Atgādinājuma pavediena uz #${s.first.id} vēl nav, un LM kanālā to nevar publicēt (kanāls nav iestatīts): atbildiet šeit ar pogu „Iesniegt atjauninājumu” zemāk. Kanālu iestata sekretārs ar \`/institution set LM #kanāls\` (vērsieties pie sekretāra).`,
    );
  });

  it("#1 failed for want of a channel; once one is set, the ⚠️ line says it was so then", async () => {
    await failReminder(s.t, s.first, "no_mapping");
    expect(await openHome(s.t, ANNA)).toContain(
      `⚠️ Atgādinājumu uz #${s.first.id} nevarēja publicēt LM kanālā (kanāls nav iestatīts), tāpēc pavediena nav: ${BUTTON_LV}`,
    );
    await setChannel(s.t, NEW_CHANNEL);
    const lv = await openHome(s.t, ANNA);
    expect(lv).toContain(
      `⚠️ Atgādinājumu uz #${s.first.id} nevarēja publicēt, jo LM toreiz nebija iestatīts kanāls; tagad tas ir iestatīts, bet pavediena vēl nav: ${BUTTON_LV}`,
    );
    expect(lv).not.toContain("kanāls nav iestatīts");
    expect(lv).toContain(`[ Iesniegt atjauninājumu: 5 (#${s.first.id}) ]`);
    // #2: no reminder tried, the new channel not known unreachable.
    expect(lv).toContain(`💬 Atgādinājuma pavediena uz #${s.third.id} vēl nav: atbildiet šeit`);
    await chooseLanguage(s.t, ANNA, "en");
    expect(await openHome(s.t, ANNA)).toContain(
      `⚠️ The reminder for #${s.first.id} could not be posted because LM had no channel set then; one is set now, but there is no thread yet: reply with the "Submit update" button below.`,
    );
    await chooseLanguage(s.t, ANNA, "lv");
  });

  it("#2 refused by Slack; found reachable since, then no channel: then and now", async () => {
    await failReminder(s.t, s.third, "not_in_channel", NEW_CHANNEL);
    const refused = `⚠️ Atgādinājumu uz #${s.third.id} nevarēja publicēt LM kanālā (lietotne nav pievienota kanālam), tāpēc pavediena nav: ${BUTTON_LV} Sekretārs par to ir informēts;`;
    expect(await openHome(s.t, ANNA)).toContain(refused);
    // As `/institution set` stores Slack's newer answer: the app is in the channel now.
    await recordChannelCheck(s.t.app.db, NEW_CHANNEL, "ok", "2027-02-01T22:10:00.000Z");
    const fixed = await openHome(s.t, ANNA);
    expect(fixed).toContain(
      `⚠️ Atgādinājumu uz #${s.third.id} nevarēja publicēt LM kanālā (toreiz: lietotne nav pievienota kanālam); kopš tā kanāls ir salabots vai nomainīts, bet pavediena vēl nav: ${BUTTON_LV}`,
    );
    expect(fixed).not.toContain(refused);
    await chooseLanguage(s.t, ANNA, "en");
    expect(await openHome(s.t, ANNA)).toContain(
      `⚠️ The reminder for #${s.third.id} could not be posted in LM's channel (then: the app is not in the channel); the channel has been fixed or changed since, but there is no thread yet: reply with the "Submit update" button below.`,
    );
    await chooseLanguage(s.t, ANNA, "lv");
    await setChannel(s.t, null);
    const none = await openHome(s.t, ANNA);
    expect(none).toContain(
      `⚠️ Atgādinājumu uz #${s.third.id} nevarēja publicēt LM kanālā (toreiz: lietotne nav pievienota kanālam; tagad: kanāls nav iestatīts), tāpēc pavediena nav: ${BUTTON_LV} Sekretārs par to ir informēts; kanālu iestata sekretārs ar \`/institution set LM #kanāls\` (vērsieties pie sekretāra).`,
    );
    // No channel: a member's /invite cannot help, so it is the secretary's to fix.
    expect(none).not.toContain("/invite");
    // #1 failed "no_mapping" and there is none again: today's words, true again.
    expect(none).toContain(
      `⚠️ Atgādinājumu uz #${s.first.id} nevarēja publicēt LM kanālā (kanāls nav iestatīts), tāpēc pavediena nav: ${BUTTON_LV}`,
    );
  });
});

describe("who can fix LM's channel, by Slack's error", () => {
  const s = twoCutoffsSuite(() => startHomeApp(NOW), {
    firstAt: PASSED,
    thirdAt: AHEAD,
    taskNumbers: ["5"],
    createdBy: SECRETARY,
    now: NOW,
  });

  it("channel_not_found (a private channel the app is not in, too): a member's /invite fixes it; archived: the secretary only", async () => {
    await failReminder(s.t, s.first, "channel_not_found", LM_CHANNEL);
    const lv = await openHome(s.t, ANNA);
    expect(lv).toContain(
      "to salabo kāds kanāla dalībnieks ar `/invite @Koordinators` tajā vai sekretārs ar `/institution set LM #kanāls`",
    );
    await failReminder(s.t, s.first, "is_archived", LM_CHANNEL);
    const archived = await openHome(s.t, ANNA);
    expect(archived).toContain("kanālu iestata sekretārs ar `/institution set LM #kanāls`");
    expect(archived).not.toContain("/invite");
  });
});
