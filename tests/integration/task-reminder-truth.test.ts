/**
 * `/task N`'s cut-off section says what the reminders will really do about the task (a fresh
 * user's finding: it showed "next reminder" for a task already answered). Real app, real store
 * (SQLite or PostgreSQL), the signed endpoint; reminders planned by the app's own planner and
 * judged by the sender's own rule (`institutionProgress` lists what a follow-up asks about).
 * Fixture: a cut-off on tasks 5 (LM, IZM, IEM), 8 (LM, IEM), 14 (LM), 18 and 20 (IEM, LM);
 * LM and IEM have channels, IZM has none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders, markSkipped } from "../../db/reminders.ts";
import { insertReply } from "../../db/replies.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { noChannelNotice } from "../../src/i18n/no-channel.ts";
import { institutionProgress } from "../../src/reminders/compose.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { taskCutoffSections } from "../helpers/slash.ts";

const NOW = "2027-01-20T08:00:00Z";
let t: TestApp;
let db: Db;
let cutoff: Cutoff;
let replies = 0;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock(NOW), worker: false });
  db = t.app.db;
  t.emulator.addUser({ id: "U0LV", name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: "U0EN", name: "john", locale: "en-US" });
  await chooseLanguage(t, "U0EN", "en");
  for (const [code, channel, contact] of [
    ["LM", "C0LM", "U0LMOK"],
    ["IEM", "C0IEM", "U0IEMOK"],
    ["IZM", null, "U0IZMOK"],
  ] as const) {
    const inst = await findInstitution(db, code);
    await setMapping(db, inst?.id ?? 0, channel, [contact], NOW);
  }
  const programme = await currentProgramme(db);
  cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: "2027-02-01T21:59:59.999Z",
    title: "Informatīvais ziņojums MK",
    taskNumbers: ["5", "8", "14", "18", "20"],
    createdBy: "U0SEC",
    createdAt: NOW,
  });
  const offsets = parseOffsets("14,7,1");
  if (!offsets.ok) throw new Error(offsets.error);
  const settings = { offsets: offsets.offsets, time: { hour: 9, minute: 0 }, zone: "Europe/Riga" };
  await planCutoff(db, cutoff, settings, NOW);
});
afterAll(async () => {
  await t?.stop();
});

/** A reply of `code` to task `number` for the cut-off; by a contact when `verified`. */
async function reply(code: string, number: string, verified = true): Promise<void> {
  const [inst, task] = await Promise.all([
    findInstitution(db, code),
    db.selectFrom("tasks").select("id").where("number", "=", number).executeTakeFirstOrThrow(),
  ]);
  replies++;
  await insertReply(db, {
    cutoffId: cutoff.id,
    institutionId: inst?.id ?? 0,
    taskId: task.id,
    channelId: `C0${code}`,
    ts: `1800000000.${String(replies).padStart(6, "0")}`,
    threadTs: null,
    userId: verified ? `U0${code}OK` : "U0STRANGER",
    text: `${number}: paveikts`,
    files: [],
    statusClaim: null,
    verified,
    source: "event",
    receivedAt: "2027-01-19T10:00:00.000Z",
  });
}

/**
 * The cut-off part of `/task number` as `userId` gets it through the signed endpoint: the texts
 * of its sections (block ids "task_cutoff…": replies, then the reminders' own), one a line.
 */
async function section(number: string, userId = "U0LV"): Promise<string> {
  const texts = await taskCutoffSections(t, number, userId);
  if (!texts[0]?.startsWith("*Ziņošanas termiņš") && !texts[0]?.startsWith("*Reporting cut-off"))
    throw new Error(`no cut-off section in /task ${number}`);
  return texts.join("\n");
}

/** Task numbers the institution's next follow-up would list (the sender's own reading). */
async function asked(code: string): Promise<string[]> {
  const inst = await findInstitution(db, code);
  return (await institutionProgress(db, cutoff, inst?.id ?? 0)).open;
}

describe("/task N tells what the reminders will do about the task", () => {
  it("none answered: the next reminder, to everyone, names nobody", async () => {
    const lv = await section("8");
    expect(lv).toContain(`⏳ *LM* vēl nav atbildējusi uz #${cutoff.id}`);
    expect(lv).toMatch(/Nākamais atgādinājums: pirmd\. 25\.01\.2027\. 09:00$/mu);
    expect(lv).not.toContain("kas vēl nav");
    const en = await section("8", "U0EN");
    expect(en).toMatch(/Next reminder: Mon 25 Jan 2027 09:00$/mu);
    expect(en).not.toMatch(/that ha(?:s|ve) not replied/u);
  });

  it("partly answered (two institutions): the next reminder goes to the one that has not", async () => {
    await reply("LM", "18");
    // A stranger's word for IEM answers nothing: IEM is still reminded, as the sender does.
    await reply("IEM", "18", false);
    expect(await asked("LM")).not.toContain("18");
    expect(await asked("IEM")).toContain("18");
    const lv = await section("18");
    expect(lv).toContain("✅ *LM* atbildēja");
    // The stranger's line says first that IEM has not answered, as the reminder line does (a
    // fresh user's finding: "❔ *IEM* atbildēja …" beside "… kas vēl nav atbildējusi: IEM").
    expect(lv).toMatch(
      /^❔ \*IEM\* – pārbaudītas atbildes uz #\d+ vēl nav; <@U0STRANGER> \(nav IEM kontaktpersona\) rakstīja 19\.01\.2027\. \(<https:\/\/slack\.com\/archives\/C0IEM\/p\d+\|atvērt ziņu>\): paveikts$/mu,
    );
    expect(lv).not.toContain("*IEM* atbildēja");
    expect(lv).not.toContain("nepārbaudīta");
    expect(lv).toContain(
      `Nākamais atgādinājums: pirmd. 25.01.2027. 09:00 – institūcijai, kas vēl nav atbildējusi uz #${cutoff.id}: IEM`,
    );
    expect(lv).not.toContain("Bez kanāla");
    const en = await section("18", "U0EN");
    expect(en).toMatch(
      /^❔ \*IEM\* – no verified reply to #\d+ yet; <@U0STRANGER> \(not a contact of IEM\) wrote on 19 Jan 2027 \(<https:\/\/slack\.com\/archives\/C0IEM\/p\d+\|open message>\): paveikts$/mu,
    );
    expect(en).not.toContain("*IEM* replied");
    expect(en).toContain(
      `Next reminder: Mon 25 Jan 2027 09:00, to the institution that has not replied to #${cutoff.id} yet: IEM`,
    );
  });

  it("all answered: no next reminder; the reply is in and nothing more is sent for this cut-off", async () => {
    await reply("LM", "14");
    expect(await asked("LM")).not.toContain("14");
    const one = await section("14");
    expect(one).toContain(
      "Atbilde ir saņemta – atgādinājumi par šo uzdevumu šim ziņošanas termiņam vairs netiks sūtīti.",
    );
    expect(one).not.toContain("Nākamais atgādinājums");
    expect(one).not.toContain("vairs nav plānoti");
    expect(await section("14", "U0EN")).toContain(
      "The reply is in: no more reminders about this task will be sent for this cut-off.",
    );
    await reply("IEM", "20");
    await reply("LM", "20");
    const two = await section("20");
    expect(two).toContain(
      "Visas institūcijas ir atbildējušas – atgādinājumi par šo uzdevumu šim ziņošanas termiņam vairs netiks sūtīti.",
    );
    expect(two).not.toContain("Nākamais atgādinājums");
    const en = await section("20", "U0EN");
    expect(en).toContain(
      "All institutions have replied: no more reminders about this task will be sent for this cut-off.",
    );
    expect(en).not.toContain("Next reminder");
  });

  it("an institution without a channel is named as not reminded, never among those reminded", async () => {
    // None answered; IZM has no channel: the reminder goes to LM and IEM, named without saying
    // "who have not replied" (IZM has not either), and IZM's line says why it is left out.
    const none = await section("5");
    expect(none).toContain(`⏳ *IZM* vēl nav atbildējusi uz #${cutoff.id}`);
    expect(none).toMatch(/^Nākamais atgādinājums: pirmd\. 25\.01\.2027\. 09:00 – LM, IEM$/mu);
    expect(none).not.toContain("kas vēl nav");
    expect(none).toContain(`⚠️ ${noChannelNotice("lv", ["IZM"])}`);
    expect(await section("5", "U0EN")).toMatch(
      /^Next reminder: Mon 25 Jan 2027 09:00, to LM, IEM$/mu,
    );
    await reply("LM", "5");
    const lv = await section("5");
    expect(lv).toContain(`⏳ *IZM* vēl nav atbildējusi uz #${cutoff.id}`);
    expect(lv).toMatch(/^Nākamais atgādinājums: pirmd\. 25\.01\.2027\. 09:00 – IEM$/mu);
    expect(lv).not.toContain("kas vēl nav");
    expect(lv).toContain(
      "⚠️ Institūcijai IZM nav Slack kanāla, tāpēc atgādinājumi tai netiks sūtīti. Sekretārs kanālu var norādīt ar `/institution set IZM #kanāls`.",
    );
    const en = await section("5", "U0EN");
    expect(en).toMatch(/^Next reminder: Mon 25 Jan 2027 09:00, to IEM$/mu);
    expect(en).not.toMatch(/that ha(?:s|ve) not replied/u);
    expect(en).toContain(
      "⚠️ IZM has no Slack channel, so no reminders will be sent to it. The secretary can set one with `/institution set IZM #channel`.",
    );
    // IEM answers too: only IZM is left, and it is not reminded; no next reminder, no "none planned".
    await reply("IEM", "5");
    const left = await section("5");
    expect(left).not.toContain("Nākamais atgādinājums");
    expect(left).not.toContain("vairs nav plānoti");
    expect(left).toContain("Institūcijai IZM nav Slack kanāla");
    // Given a channel, IZM is reminded again, and named so: it is the only one not answered.
    const izm = await findInstitution(db, "IZM");
    await setMapping(db, izm?.id ?? 0, "C0IZM", ["U0IZMOK"], NOW);
    const mapped = await section("5");
    expect(mapped).toContain(`institūcijai, kas vēl nav atbildējusi uz #${cutoff.id}: IZM`);
    expect(mapped).not.toContain("nav Slack kanāla");
  });

  it("an institution whose own reminder comes later is not named with the earlier one, nor called answered", async () => {
    // IEM's 25 January reminder failed (its channel was not found): its next is 29 January.
    // Task 8 (LM, IEM), neither answered: the 25 January reminder goes to LM only.
    const iem = await findInstitution(db, "IEM");
    const first = (await listReminders(db, cutoff.id)).find(
      (r) => r.institutionId === iem?.id && r.state === "planned" && r.scheduledAt > NOW,
    );
    if (!first) throw new Error("no planned reminder for IEM");
    await markSkipped(db, first.id, "failed", "channel_not_found");
    const lv = await section("8");
    expect(lv).toContain(`⏳ *IEM* vēl nav atbildējusi uz #${cutoff.id}`);
    expect(lv).toMatch(/^Nākamais atgādinājums: pirmd\. 25\.01\.2027\. 09:00 – LM$/mu);
    expect(lv).not.toContain("kas vēl nav");
    const en = await section("8", "U0EN");
    expect(en).toMatch(/^Next reminder: Mon 25 Jan 2027 09:00, to LM$/mu);
    expect(en).not.toMatch(/that ha(?:s|ve) not replied/u);
    // LM answers: IEM is the only one left, and its reminder is the next: named as not replied.
    await reply("LM", "8");
    expect(await section("8")).toMatch(
      /^Nākamais atgādinājums: piektd\. 29\.01\.2027\. 09:00 – institūcijai, kas vēl nav atbildējusi uz #\d+: IEM$/mu,
    );
  });
});
