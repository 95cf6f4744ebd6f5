/**
 * `/task 13`, a heading whose sub-tasks a cut-off holds, shows that cut-off rolled up from them
 * (a fresh user's finding: `/task 13` showed no cut-off at all while each of 13.1–13.4 did): the
 * cut-off's heading, how many sub-tasks all their institutions have answered, one line per
 * sub-task with who has and has not (the reminders' rule: a contact's reply filed under it), and
 * where each sub-task's own view is. Real app, signed endpoint; SQLite or PostgreSQL.
 * Fixture: a cut-off on 13.1–13.4 (as `/cutoff add --tasks 13` stores it): 13.1 ĀM, 13.2 AiM,
 * 13.3 LM, 13.4 IEM and TM.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { taskCutoffText } from "../helpers/slash.ts";

const NOW = "2027-01-20T08:00:00Z";
const clock = fixedClock(NOW);
let t: TestApp;
let cutoff: Cutoff;
let replies = 0;

beforeAll(async () => {
  t = await startTestApp({ clock, worker: false });
  t.emulator.addUser({ id: "U0LV", name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: "U0EN", name: "john", locale: "en-US" });
  await chooseLanguage(t, "U0EN", "en");
  const programme = await currentProgramme(t.app.db);
  cutoff = await insertCutoff(t.app.db, {
    programmeId: programme?.id ?? 0,
    at: "2027-02-01T21:59:59.999Z",
    title: "Apmācības",
    taskNumbers: ["13.1", "13.2", "13.3", "13.4"],
    createdBy: "U0SEC",
    createdAt: NOW,
  });
});
afterAll(async () => {
  await t?.stop();
});

/** A reply of `code` to sub-task `number` for the cut-off; by a contact when `verified`. */
async function reply(code: string, number: string, verified = true): Promise<void> {
  const [inst, task] = await Promise.all([
    findInstitution(t.app.db, code),
    t.app.db
      .selectFrom("tasks")
      .select("id")
      .where("number", "=", number)
      .executeTakeFirstOrThrow(),
  ]);
  replies++;
  await insertReply(t.app.db, {
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

describe("/task 13 rolls up the cut-off of its sub-tasks", () => {
  it("none answered: every sub-task with who has not, lv and en", async () => {
    const lv = await taskCutoffText(t, "13", "U0LV");
    expect(lv.split("\n")).toEqual([
      `*Ziņošanas termiņš #${cutoff.id}: pirmd. 01.02.2027. 23:59* (Apmācības)`,
      "Apakšuzdevumi, uz kuriem atbildējušas visas to institūcijas: 0 no 4",
      "⏳ *13.1* – vēl nav atbildējusi ĀM",
      "⏳ *13.2* – vēl nav atbildējusi AiM",
      "⏳ *13.3* – vēl nav atbildējusi LM",
      "⏳ *13.4* – vēl nav atbildējušas IEM, TM",
      "_Katra apakšuzdevuma atbildes un atgādinājumi – tā skatā, piemēram, `/task 13.1`_",
    ]);
    const en = await taskCutoffText(t, "13", "U0EN");
    expect(en).toContain(`*Reporting cut-off #${cutoff.id}: Mon 1 Feb 2027 23:59* (Apmācības)`);
    expect(en).toContain("Sub-tasks all of whose institutions have replied: 0 of 4");
    expect(en).toContain("⏳ *13.4* – not replied yet: IEM, TM");
    expect(en).toContain(
      "_Each sub-task's replies and reminders are in its own view, e.g. `/task 13.1`_",
    );
  });

  it("answers by the reminders' rule: a contact's reply counts, a stranger's does not", async () => {
    await reply("ĀM", "13.1");
    await reply("IEM", "13.4");
    await reply("TM", "13.4", false);
    const lv = await taskCutoffText(t, "13", "U0LV");
    expect(lv).toContain("Apakšuzdevumi, uz kuriem atbildējušas visas to institūcijas: 1 no 4");
    expect(lv).toContain("✅ *13.1* – atbildēja ĀM");
    expect(lv).toContain("⏳ *13.4* – atbildēja IEM; vēl nav atbildējusi TM");
    const en = await taskCutoffText(t, "13", "U0EN");
    expect(en).toContain("✅ *13.1* – replied: ĀM");
    expect(en).toContain("⏳ *13.4* – replied: IEM; not replied yet: TM");
    // A sub-task's own view is as before: its own section, not the roll-up.
    const own = await taskCutoffText(t, "13.4", "U0LV");
    expect(own).toContain("✅ *IEM* atbildēja");
    expect(own).not.toContain("Apakšuzdevumi, uz kuriem");
  });

  it("once the cut-off has passed: said so, and who did not answer", async () => {
    clock.set("2027-02-03T10:00:00Z");
    const lv = await taskCutoffText(t, "13", "U0LV");
    expect(lv).toContain(`*Ziņošanas termiņš #${cutoff.id} pagājis: pirmd. 01.02.2027. 23:59*`);
    expect(lv).toContain("⌛ *13.2* – nav atbildējusi AiM");
    expect(lv).toContain("⌛ *13.4* – atbildēja IEM; nav atbildējusi TM");
    expect(await taskCutoffText(t, "13", "U0EN")).toContain("⌛ *13.2* – no reply from AiM");
    clock.set(NOW);
  });

  it("a heading none of whose sub-tasks is in the scope shows no cut-off", async () => {
    expect(await taskCutoffText(t, "10", "U0LV")).toBe("");
  });
});
