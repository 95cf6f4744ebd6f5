/**
 * `/task N` with two live reporting cut-offs (a fresh user's finding): #1 just passed, #2 ahead.
 * LM's reply filed for #1 and moved to task 14 is no answer to #2: the view is about #2 (the one
 * the app works towards), says "LM has not replied to #2" by name, and names the reply with its
 * own cut-off and where to read it (`/task 14 history`), never reading as a contradiction. Real
 * app and store (SQLite or PostgreSQL), the signed endpoint, reminders planned by the app's
 * planner. Fixture: cut-offs #1 (1 Dec 2026, task 14) and #2 (1 Feb 2027, tasks 14 and 18);
 * LM has a channel.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { assignReply, insertReply } from "../../db/replies.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { taskCutoffText } from "../helpers/slash.ts";

const NOW = "2026-12-02T10:00:00Z";
let t: TestApp;
let db: Db;
let first: Cutoff;
let second: Cutoff;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock(NOW), worker: false });
  db = t.app.db;
  t.emulator.addUser({ id: "U0LV", name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: "U0EN", name: "john", locale: "en-US" });
  await chooseLanguage(t, "U0EN", "en");
  const lm = await findInstitution(db, "LM");
  await setMapping(db, lm?.id ?? 0, "C0LM", ["U0LMOK"], NOW);
  const programmeId = (await currentProgramme(db))?.id ?? 0;
  const offsets = parseOffsets("14,7,1");
  if (!offsets.ok) throw new Error(offsets.error);
  const settings = { offsets: offsets.offsets, time: { hour: 9, minute: 0 }, zone: "Europe/Riga" };
  const add = (at: string, title: string, taskNumbers: string[]) =>
    insertCutoff(db, { programmeId, at, title, taskNumbers, createdBy: "U0SEC", createdAt: NOW });
  first = await add("2026-12-01T21:59:59.999Z", "Pirmais", ["14", "5"]);
  second = await add("2027-02-01T21:59:59.999Z", "Otrais", ["14", "18"]);
  await planCutoff(db, second, settings, NOW);
});
afterAll(async () => {
  await t?.stop();
});

const taskId = async (number: string) =>
  (await db.selectFrom("tasks").select("id").where("number", "=", number).executeTakeFirstOrThrow())
    .id;

/** LM's reply to `cutoff` filed under task `number`; returns its id. */
async function reply(
  cutoff: Cutoff,
  number: string,
  ts: string,
  verified = true,
  receivedAt = "2026-11-30T10:00:00.000Z",
) {
  const lm = await findInstitution(db, "LM");
  const stored = await insertReply(db, {
    cutoffId: cutoff.id,
    institutionId: lm?.id ?? 0,
    taskId: await taskId(number),
    channelId: "C0LM",
    ts,
    threadTs: null,
    userId: verified ? "U0LMOK" : "U0STRANGER",
    text: `${number}: paveikts`,
    files: [],
    statusClaim: null,
    verified,
    source: "event",
    receivedAt,
  });
  return stored.reply.id;
}

/** The cut-off sections of `/task number` for `userId`, one a line. */
async function section(number: string, userId = "U0LV"): Promise<string> {
  return taskCutoffText(t, number, userId);
}

describe("/task N names the cut-off of every reply and of every 'has not replied'", () => {
  it("no reply anywhere: the view's cut-off is named, and that LM has not answered passed #1", async () => {
    const lv = await section("14");
    expect(lv).toContain(`*Ziņošanas termiņš #${second.id}: pirmd. 01.02.2027. 23:59* (Otrais)`);
    expect(lv).toContain(`⏳ *LM* vēl nav atbildējusi uz #${second.id}`);
    expect(lv).toContain(
      `⌛ Ziņošanas termiņš #${first.id} „Pirmais” (pagājis 01.12.2026.): nav atbildējusi LM`,
    );
    expect(lv).not.toContain("↩️");
    expect(lv).not.toContain("history");
    const en = await section("14", "U0EN");
    expect(en).toContain(
      `⌛ Reporting cut-off #${first.id} “Pirmais” (passed 1 Dec 2026): no reply from LM`,
    );
  });

  it("a passed cut-off is said to have passed, with its date, not shown as ahead", async () => {
    // Task 5 is held by #1 only: its view is about #1, which passed yesterday.
    const lv = await section("5");
    expect(lv).toContain(
      `*Ziņošanas termiņš #${first.id} pagājis: otrd. 01.12.2026. 23:59* (Pirmais)`,
    );
    expect(lv).toContain(`⌛ *LM* nav atbildējusi uz #${first.id}`);
    expect(lv).not.toContain("⏳");
    const en = await section("5", "U0EN");
    expect(en).toContain(`*Reporting cut-off #${first.id} passed: Tue 1 Dec 2026 23:59* (Pirmais)`);
    expect(en).toContain(`⌛ *LM* has not replied to #${first.id}`);
    // The one ahead is not said to have passed (its heading; passed #1 has its own line).
    expect(await section("14")).toContain(`*Ziņošanas termiņš #${second.id}: pirmd.`);
  });

  it("a reply to #1 moved to task 14: named with #1, LM not answered for #2 by name", async () => {
    const id = await reply(first, "18", "1800000000.000001");
    await assignReply(db, id, await taskId("14"));
    const lv = await section("14");
    expect(lv).toContain(`⏳ *LM* vēl nav atbildējusi uz #${second.id}`);
    expect(lv).toContain(
      `↩️ Uz ziņošanas termiņu #${first.id} „Pirmais” (01.12.2026.) atbildēja: *LM* 30.11.2026. <https://slack.com/archives/C0LM/p1800000000000001|atvērt>`,
    );
    // LM answered 14 for #1 (the moved reply): nobody is named as missing for #1.
    expect(lv).not.toContain("nav atbildējusi LM");
    expect(lv).toContain("_Visas uzdevuma atbildes ar to ziņošanas termiņiem: `/task 14 history`_");
    // The reminders still ask LM about 14 for #2: the reply to #1 answers nothing there.
    expect(lv).toMatch(/^Nākamais atgādinājums: pirmd\. 18\.01\.2027\. 09:00$/mu);
    expect(lv).not.toContain("Atbilde ir saņemta");
    const en = await section("14", "U0EN");
    expect(en).toContain(`*Reporting cut-off #${second.id}: Mon 1 Feb 2027 23:59* (Otrais)`);
    expect(en).toContain(`⏳ *LM* has not replied to #${second.id} yet`);
    expect(en).toContain(
      `↩️ For reporting cut-off #${first.id} “Pirmais” (1 Dec 2026): replies from *LM* on 30 Nov 2026 <https://slack.com/archives/C0LM/p1800000000000001|open>`,
    );
    expect(en).toContain("_Every reply to the task, with its cut-off: `/task 14 history`_");
    // Where the line points: /task 14 history lists the reply with its cut-off's number, #1 as
    // here (the README's example).
    const history = await t.slack.command("/task", "14 history", { userId: "U0LV" });
    expect(JSON.stringify(history.body)).toContain(`💬 *LM* (<@U0LMOK>, #${first.id}, <`);
    // Task 18 (only #2 holds it) lost the reply: nothing about #1 there.
    expect(await section("18")).not.toContain("↩️");
  });

  it("replies to both: each under its own cut-off", async () => {
    await reply(second, "14", "1800000000.000002");
    const lv = await section("14");
    // The link stands beside the author, before the reply's text (never read as its last word).
    expect(lv).toMatch(
      /^✅ \*LM\* atbildēja 30\.11\.2026\. \(<@U0LMOK>, <https:\/\/slack\.com\/archives\/C0LM\/p1800000000000002\|atvērt ziņu>\): paveikts$/mu,
    );
    expect(lv).toContain(
      `↩️ Uz ziņošanas termiņu #${first.id} „Pirmais” (01.12.2026.) atbildēja: *LM*`,
    );
    expect(lv).toContain("Atbilde ir saņemta");
    expect(lv).not.toContain("vēl nav atbildējusi");
  });
});

describe("/task N marks a reply to another cut-off received after that cut-off's time", () => {
  it("'(pēc ziņošanas termiņa)' on the ↩️ line, as the digest marks it (lv, en)", async () => {
    // Task 18 is held by #2 only; LM's reply to #1 filed under it came the morning after #1.
    await reply(first, "18", "1800000000.000003", true, "2026-12-02T08:00:00.000Z");
    const lv = await section("18");
    expect(lv).toContain(
      `↩️ Uz ziņošanas termiņu #${first.id} „Pirmais” (01.12.2026.) atbildēja: *LM* 02.12.2026. <https://slack.com/archives/C0LM/p1800000000000003|atvērt> _(pēc ziņošanas termiņa)_`,
    );
    const en = await section("18", "U0EN");
    expect(en).toContain(
      `*LM* on 2 Dec 2026 <https://slack.com/archives/C0LM/p1800000000000003|open> _(after the reporting cut-off)_`,
    );
    // The reply to #1 in time (task 14) stays unmarked.
    expect(await section("14")).not.toContain("pēc ziņošanas termiņa");
  });
});

describe("/task N: a task answered in time, then supplemented after the cut-off (fresh-user finding)", () => {
  it("the latest reply is marked '(papildināts pēc ziņošanas termiņa)', not late, as the digest counts it (lv, en)", async () => {
    // LM answers 5 for #1 the day before it passed, then adds to it the morning after.
    await reply(first, "5", "1800000000.000005", true, "2026-12-01T10:00:00.000Z");
    await reply(first, "5", "1800000000.000006", true, "2026-12-02T08:00:00.000Z");
    const lv = await section("5");
    expect(lv).toMatch(
      /^✅ \*LM\* atbildēja 02\.12\.2026\. .*p1800000000000006.*: paveikts _\(papildināts pēc ziņošanas termiņa\)_$/mu,
    );
    expect(lv).not.toContain(" _(pēc ziņošanas termiņa)_");
    const en = await section("5", "U0EN");
    expect(en).toContain("paveikts _(supplemented after the reporting cut-off)_");
    expect(en).not.toContain(" _(after the reporting cut-off)_");
  });

  it("the ↩️ line of another cut-off marks it so too (lv, en)", async () => {
    // Task 14 was answered for #1 in time (the moved reply); LM adds to it after #1 passed.
    await reply(first, "14", "1800000000.000007", true, "2026-12-02T09:00:00.000Z");
    const lv = await section("14");
    expect(lv).toContain(
      `↩️ Uz ziņošanas termiņu #${first.id} „Pirmais” (01.12.2026.) atbildēja: *LM* 02.12.2026. <https://slack.com/archives/C0LM/p1800000000000007|atvērt> _(papildināts pēc ziņošanas termiņa)_`,
    );
    const en = await section("14", "U0EN");
    expect(en).toContain(
      `*LM* on 2 Dec 2026 <https://slack.com/archives/C0LM/p1800000000000007|open> _(supplemented after the reporting cut-off)_`,
    );
  });
});
