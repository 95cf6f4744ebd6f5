/**
 * `/task N` never names an institution whose channel the app knows it cannot post to as the
 * next reminder's recipient (a fresh user's finding: "Nākamais atgādinājums … – LM, IEM" while
 * `/cutoff plan` and `/institution LM` said LM's channel was unreachable): it says apart that
 * LM's channel cannot be reached, with the fix, as `/institution` does. The rule is the
 * digest's and `/cutoff`'s (`reachOf` on `channel_checks`), read once per store version with the
 * programme context: a new mapping is seen by the next `/task`. Real app, signed endpoint, the
 * emulator's Slack answering `/institution set`'s channel check; SQLite or PostgreSQL.
 * Fixture: cut-off on task 5 (LM, IZM, IEM): LM's channel has no app in it, IEM's is fine, IZM
 * has none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { slashText, taskCutoffText } from "../helpers/slash.ts";

const NOW = "2027-01-20T08:00:00Z";
const SECRETARY = "U0SEC0001";
let t: TestApp;
let cutoff: Cutoff;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock(NOW),
    worker: false,
    config: { secretaryUserIds: [SECRETARY] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: "U0LV", name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: "U0EN", name: "john", locale: "en-US" });
  await chooseLanguage(t, "U0EN", "en");
  t.emulator.addChannel({ id: "C0LM00001", name: "lm-darba-grupa", botIsMember: false });
  t.emulator.addChannel({ id: "C0LM00002", name: "lm-jauns" });
  t.emulator.addChannel({ id: "C0IEM0001", name: "iem-darba-grupa" });
  const iem = await findInstitution(t.app.db, "IEM");
  await setMapping(t.app.db, iem?.id ?? 0, "C0IEM0001", [], NOW);
  // Through the app, as the secretary does it: Slack says the app is not in LM's channel.
  const set = await slashText(t, "/institution", "set LM <#C0LM00001>", SECRETARY);
  expect(set).toContain("⚠️");
  const programme = await currentProgramme(t.app.db);
  cutoff = await insertCutoff(t.app.db, {
    programmeId: programme?.id ?? 0,
    at: "2027-02-01T21:59:59.999Z",
    title: "Informatīvais ziņojums MK",
    taskNumbers: ["5"],
    createdBy: SECRETARY,
    createdAt: NOW,
  });
  const offsets = parseOffsets("14,7,1");
  if (!offsets.ok) throw new Error(offsets.error);
  const settings = { offsets: offsets.offsets, time: { hour: 9, minute: 0 }, zone: "Europe/Riga" };
  await planCutoff(t.app.db, cutoff, settings, NOW);
});
afterAll(async () => {
  await t?.stop();
});

describe("/task N with an institution's channel known unreachable", () => {
  it("names only reachable institutions for the next reminder, and LM's channel apart with the fix", async () => {
    const lv = await taskCutoffText(t, "5", "U0LV");
    expect(lv).toContain(`⏳ *LM* vēl nav atbildējusi uz #${cutoff.id}`);
    expect(lv).toMatch(/^Nākamais atgādinājums: pirmd\. 25\.01\.2027\. 09:00 – IEM$/mu);
    expect(lv).toContain(
      "⚠️ Institūcijas LM kanāls <#C0LM00001> nav sasniedzams (lietotne nav pievienota kanālam), tāpēc atgādinājumus tur nevar nosūtīt. Lietotni kanālā var uzaicināt ar `/invite @Koordinators` vai arī sekretārs var norādīt citu kanālu ar `/institution set LM #kanāls`.",
    );
    // IZM, with no channel, keeps its own line; LM is not counted among those without one.
    expect(lv).toContain("Institūcijai IZM nav Slack kanāla");
    const en = await taskCutoffText(t, "5", "U0EN");
    expect(en).toMatch(/^Next reminder: Mon 25 Jan 2027 09:00, to IEM$/mu);
    expect(en).toContain(
      "⚠️ LM's channel <#C0LM00001> cannot be reached (the app is not in the channel), so reminders cannot be sent there. Anyone in the channel can invite the app with `/invite @Koordinators`, or the secretary can name another channel with `/institution set LM #channel`.",
    );
  });

  it("with only unreachable or unmapped institutions left, promises no reminder", async () => {
    const iem = await findInstitution(t.app.db, "IEM");
    await setMapping(t.app.db, iem?.id ?? 0, null, [], NOW);
    const lv = await taskCutoffText(t, "5", "U0LV");
    expect(lv).not.toContain("Nākamais atgādinājums");
    expect(lv).not.toContain("vairs nav plānoti");
    expect(lv).toContain("Institūcijas LM kanāls <#C0LM00001> nav sasniedzams");
    expect(lv).toContain("IZM, IEM");
    await setMapping(t.app.db, iem?.id ?? 0, "C0IEM0001", [], NOW);
  });

  it("a new channel for LM is seen by the next /task: LM is reminded again, no warning", async () => {
    const set = await slashText(t, "/institution", "set LM <#C0LM00002>", SECRETARY);
    expect(set).not.toContain("⚠️");
    const lv = await taskCutoffText(t, "5", "U0LV");
    expect(lv).toMatch(/^Nākamais atgādinājums: pirmd\. 25\.01\.2027\. 09:00 – LM, IEM$/mu);
    expect(lv).not.toContain("nav sasniedzams");
  });
});
