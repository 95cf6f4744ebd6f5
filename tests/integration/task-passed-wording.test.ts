/**
 * After a cut-off has passed, `/task N`'s reminder lines say what was done, not what will be (a
 * fresh user's finding: "… atgādinājumi tai netiks sūtīti" under "Ziņošanas termiņš #1
 * pagājis", when no reminder was left): while the overdue reminder is still to go the future
 * stays true; once none is left, "netika sūtīti" / "were sent", and an answered task's "vairs
 * netiek sūtīti" / "are sent". Real app, signed endpoint, SQLite or PostgreSQL.
 * Fixture: cut-off on tasks 5 (LM, IZM, IEM) and 14 (LM) at Mon 1 Feb 2027 23:59 Riga, planned
 * on 20 January (14, 7, 1 days; the overdue one the next business day, 2 Feb 09:00); LM and
 * IEM have channels, IZM has none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { taskCutoffText } from "../helpers/slash.ts";

const PLANNED = "2027-01-20T08:00:00Z";
const clock = fixedClock(PLANNED);
let t: TestApp;
let cutoff: Cutoff;

beforeAll(async () => {
  t = await startTestApp({ clock, worker: false });
  const db = t.app.db;
  t.emulator.addUser({ id: "U0LV", name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: "U0EN", name: "john", locale: "en-US" });
  await chooseLanguage(t, "U0EN", "en");
  for (const [code, channel] of [
    ["LM", "C0LM"],
    ["IEM", "C0IEM"],
    ["IZM", null],
  ] as const) {
    const inst = await findInstitution(db, code);
    await setMapping(db, inst?.id ?? 0, channel, [`U0${code}OK`], PLANNED);
  }
  const programme = await currentProgramme(db);
  cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: "2027-02-01T21:59:59.999Z",
    title: "Informatīvais ziņojums MK",
    taskNumbers: ["5", "14"],
    createdBy: "U0SEC",
    createdAt: PLANNED,
  });
  const offsets = parseOffsets("14,7,1");
  if (!offsets.ok) throw new Error(offsets.error);
  const settings = { offsets: offsets.offsets, time: { hour: 9, minute: 0 }, zone: "Europe/Riga" };
  await planCutoff(db, cutoff, settings, PLANNED);
});
afterAll(async () => {
  await t?.stop();
});

describe("/task N's reminder lines once the cut-off has passed", () => {
  it("passed with the overdue reminder still to go: the future is still true", async () => {
    clock.set("2027-02-02T05:00:00Z");
    const lv = await taskCutoffText(t, "5", "U0LV");
    expect(lv).toContain(`*Ziņošanas termiņš #${cutoff.id} pagājis:`);
    expect(lv).toMatch(/^Nākamais atgādinājums: otrd\. 02\.02\.2027\. 09:00 – LM, IEM$/mu);
    expect(lv).toContain(
      "Institūcijai IZM nav Slack kanāla, tāpēc atgādinājumi tai netiks sūtīti.",
    );
  });

  it("passed with no reminder left: what was not sent, lv and en", async () => {
    clock.set("2027-02-03T10:00:00Z");
    const lv = await taskCutoffText(t, "5", "U0LV");
    expect(lv).toContain("Atgādinājumi vairs nav plānoti.");
    expect(lv).toContain(
      "⚠️ Institūcijai IZM nav Slack kanāla, tāpēc atgādinājumi tai netika sūtīti. Sekretārs kanālu var norādīt ar `/institution set IZM #kanāls`.",
    );
    expect(lv).not.toContain("netiks");
    const en = await taskCutoffText(t, "5", "U0EN");
    expect(en).toContain(
      "⚠️ IZM has no Slack channel, so no reminders were sent to it. The secretary can set one with `/institution set IZM #channel`.",
    );
    expect(en).not.toContain("will be sent");
  });

  it("passed and answered: no more reminders are sent, in the present", async () => {
    const lm = await findInstitution(t.app.db, "LM");
    const task = await t.app.db
      .selectFrom("tasks")
      .select("id")
      .where("number", "=", "14")
      .executeTakeFirstOrThrow();
    await insertReply(t.app.db, {
      cutoffId: cutoff.id,
      institutionId: lm?.id ?? 0,
      taskId: task.id,
      channelId: "C0LM",
      ts: "1800000000.000001",
      threadTs: null,
      userId: "U0LMOK",
      text: "14: paveikts",
      files: [],
      statusClaim: null,
      verified: true,
      source: "event",
      receivedAt: "2027-02-01T10:00:00.000Z",
    });
    expect(await taskCutoffText(t, "14", "U0LV")).toContain(
      "Atbilde ir saņemta – atgādinājumi par šo uzdevumu šim ziņošanas termiņam vairs netiek sūtīti.",
    );
    expect(await taskCutoffText(t, "14", "U0EN")).toContain(
      "The reply is in: no more reminders about this task are sent for this cut-off.",
    );
  });
});
