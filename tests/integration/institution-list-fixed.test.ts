/**
 * `/institution list` after a failed reminder follows the channel's state now, as the App Home
 * does (src/slack/render-home-delivery.ts `failureSince`): while nothing newer is known of the
 * channel the line is ⚠️ "pēdējais atgādinājums netika nosūtīts: …"; once Slack says the app can
 * post there after the failure (an "ok" check, here by `/institution set`), or another channel
 * is set, the line is ✅ and says it failed then and the channel has been fixed or changed since
 * (a fresh user's finding: the ⚠️ stayed until a reminder went through); a failure for want of a
 * channel says one is set now; an error not about the channel stays ⚠️. `/institution set`'s
 * answer says the same when Slack says the app can post in the channel set. lv and en. Through the
 * signed endpoint and the emulator, SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordChannelCheck } from "../../db/channel-checks.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { markSending, markSkipped, upsertPlannedReminder } from "../../db/reminders.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { slashText } from "../helpers/slash.ts";
import { startInstitutionApp } from "./support/institution.ts";

const SECRETARY = "U0SEC0001";
const ANNA = "U0ANNA01";
const ANN_EN = "U0ANNEN1";
const BROKEN = "C0LMFIX01";
const OTHER = "C0LMOK002";
const LM = "Labklājības ministrija";
let t: TestApp;

beforeAll(async () => {
  t = await startInstitutionApp({
    secretary: SECRETARY,
    users: [
      { id: ANNA, name: "anna", locale: "lv-LV" },
      { id: ANN_EN, name: "ann", locale: "en-US" },
    ],
    channels: [
      { id: BROKEN, name: "lm-bez-lietotnes", botIsMember: false },
      { id: OTHER, name: "lm-darba-grupa" },
    ],
  });
  await chooseLanguage(t, ANN_EN, "en");
});
afterAll(async () => {
  await t?.stop();
});

/** `/institution list`'s line about LM, as `userId` sees it. */
async function lmLine(userId = ANNA): Promise<string> {
  const list = await slashText(t, "/institution", "list", userId);
  return list.split("\n").find((line) => line.includes("*LM*")) ?? "";
}

const set = (channel: string) =>
  slashText(t, "/institution", `set LM <#${channel}> <@${ANNA}>`, SECRETARY);

/** LM's reminder due at `scheduledAt` failed with `detail` on `channel` (null: none set), as the sender records it. */
async function fail(scheduledAt: string, detail: string, channel: string | null): Promise<void> {
  const db = t.app.db;
  const lm = await findInstitution(db, "LM");
  const programme = await currentProgramme(db);
  const cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: "2026-12-10T10:00:00.000Z",
    title: `Pārbaude ${scheduledAt}`,
    taskNumbers: ["14"],
    createdBy: SECRETARY,
    createdAt: "2026-11-27T12:00:00.000Z",
  });
  const row = await upsertPlannedReminder(db, {
    cutoffId: cutoff.id,
    institutionId: lm?.id ?? 0,
    kind: "before-P1D",
    scheduledAt,
    cutoffAt: cutoff.at,
  });
  if (channel) await markSending(db, row.id, channel);
  await markSkipped(db, row.id, "failed", detail);
}

describe("/institution list after LM's reminder failed", () => {
  it("⚠️ while nothing newer is known; ✅ 'fixed or changed since' after an ok check or another channel; lv, en", async () => {
    // The app is not in LM's channel: `/institution set` records it, the reminder fails so.
    await set(BROKEN);
    await fail("2026-11-28T07:00:00.000Z", "not_in_channel", BROKEN);
    expect(await lmLine()).toBe(
      `⚠️ *LM* ${LM} → #${BROKEN} – _kanāls nav sasniedzams: lietotne nav pievienota kanālam_`,
    );

    // An "ok" older than the failure says nothing of the channel since: the failure stands.
    await recordChannelCheck(t.app.db, BROKEN, "ok", "2026-11-28T06:00:00.000Z");
    expect(await lmLine()).toBe(
      `⚠️ *LM* ${LM} → #${BROKEN} – _pēdējais atgādinājums netika nosūtīts: lietotne nav pievienota kanālam_`,
    );

    // The app is invited; `/institution set` asks Slack and records "ok" (now, after the failure).
    t.emulator.addChannel({ id: BROKEN, name: "lm-bez-lietotnes", botIsMember: true });
    const answer = await set(BROKEN);
    expect(answer).not.toContain("⚠️");
    // The answer says so too: it failed then, the channel works now.
    expect(answer).toContain(
      "Pēdējo atgādinājumu (sestd. 28.11.2026. 09:00) nosūtīt neizdevās (toreiz: lietotne nav pievienota kanālam); kopš tā kanāls ir salabots vai nomainīts, un lietotne tajā rakstīt var: nākamie atgādinājumi tiks nosūtīti.",
    );
    expect(await lmLine()).toBe(
      `✅ *LM* ${LM} → #${BROKEN} – _pēdējais atgādinājums netika nosūtīts (toreiz: lietotne nav pievienota kanālam); kopš tā kanāls ir salabots vai nomainīts_`,
    );
    expect(await lmLine(ANN_EN)).toBe(
      `✅ *LM* ${LM} → #${BROKEN} – _the last reminder could not be sent (then: the app is not in the channel); the channel has been fixed or changed since_`,
    );

    // Another channel set: the old channel's failure is said as changed since, not as a problem.
    await chooseLanguage(t, SECRETARY, "en");
    expect(await set(OTHER)).toContain(
      "The last reminder (Sat 28 Nov 2026 09:00) could not be sent (then: the app is not in the channel); the channel has been fixed or changed since and the app can post there: the next reminders will be sent.",
    );
    await chooseLanguage(t, SECRETARY, "lv");
    expect(await lmLine()).toBe(
      `✅ *LM* ${LM} → #${OTHER} – _pēdējais atgādinājums netika nosūtīts (toreiz: lietotne nav pievienota kanālam); kopš tā kanāls ir salabots vai nomainīts_`,
    );
  });

  it("an error not about the channel stays ⚠️; a failure for want of a channel says one is set now", async () => {
    await fail("2026-11-28T08:00:00.000Z", "fatal_error", OTHER);
    // Not about the channel: `/institution set` says nothing of it either.
    expect(await set(OTHER)).not.toContain("Pēdējo atgādinājumu");
    expect(await lmLine()).toBe(
      `⚠️ *LM* ${LM} → #${OTHER} – _pēdējais atgādinājums netika nosūtīts: Slack atbildēja „fatal_error”_`,
    );

    await fail("2026-11-28T09:00:00.000Z", "no_mapping", null);
    expect(await set(OTHER)).toContain(
      "Pēdējo atgādinājumu (sestd. 28.11.2026. 11:00) nosūtīt neizdevās, jo toreiz nebija iestatīts kanāls; tagad tas ir iestatīts, un lietotne tajā rakstīt var: nākamie atgādinājumi tiks nosūtīti.",
    );
    expect(await lmLine()).toBe(
      `✅ *LM* ${LM} → #${OTHER} – _pēdējais atgādinājums netika nosūtīts, jo toreiz nebija iestatīts kanāls; tagad tas ir iestatīts_`,
    );
    expect(await lmLine(ANN_EN)).toBe(
      `✅ *LM* ${LM} → #${OTHER} – _the last reminder could not be sent because no channel was set then; one is set now_`,
    );
  });
});
