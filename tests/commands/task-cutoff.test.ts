import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/task.ts";
import type { Db } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { fixedClock } from "../../src/time.ts";
import { importedStore } from "../helpers/store.ts";

const clock = fixedClock("2027-01-20T08:00:00Z");
let db: Db;

beforeEach(async () => {
  ({ db } = await importedStore());
  const lm = await findInstitution(db, "LM");
  await setMapping(db, lm?.id ?? 0, "C0LM", ["U0ANNA"], "2027-01-01T00:00:00Z");
  // Task 5's other institutions have channels too, so they are reminded (one without a channel
  // is not: tests/integration/task-reminder-truth.test.ts).
  for (const code of ["IZM", "IEM"]) {
    const other = await findInstitution(db, code);
    await setMapping(db, other?.id ?? 0, `C0${code}`, [], "2027-01-01T00:00:00Z");
  }
  const programme = await currentProgramme(db);
  const cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: "2027-02-01T21:59:59.999Z",
    title: "Informatīvais ziņojums MK",
    taskNumbers: ["5", "14"],
    createdBy: "U0SEC",
    createdAt: "2027-01-01T00:00:00Z",
  });
  const offsets = parseOffsets("14,7,1");
  if (!offsets.ok) throw new Error(offsets.error);
  await planCutoff(
    db,
    cutoff,
    { offsets: offsets.offsets, time: { hour: 9, minute: 0 }, zone: "Europe/Riga" },
    "2027-01-20T08:00:00Z",
  );
  const task5 = await db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", "5")
    .executeTakeFirstOrThrow();
  await insertReply(db, {
    cutoffId: cutoff.id,
    institutionId: lm?.id ?? 0,
    taskId: task5.id,
    channelId: "C0LM",
    ts: "1800000000.000100",
    threadTs: "1790000000.000100",
    userId: "U0ANNA",
    text: "5: grozījumi Darba likumā pieņemti",
    files: [],
    statusClaim: null,
    verified: true,
    source: "event",
    receivedAt: "2027-01-19T10:00:00.000Z",
  });
});
afterEach(async () => db.destroy());

describe("/task with an active reporting cut-off", () => {
  it("shows who replied (with a link), who has not, and the next reminder", async () => {
    const reply = await handle(parse("5"), { db, clock, zone: "Europe/Riga" }, "lv");
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain("Ziņošanas termiņš");
    expect(text).toContain("*LM* atbildēja");
    expect(text).toContain("grozījumi Darba likumā pieņemti");
    expect(text).toContain("https://slack.com/archives/C0LM/p1800000000000100");
    expect(text).toContain("*IZM* vēl nav atbildējusi uz #1");
    // LM has replied: the reminder goes to the other two.
    expect(text).toContain(
      "Nākamais atgādinājums: pirmd. 25.01.2027. 09:00 – institūcijām, kas vēl nav atbildējušas uz #1: IZM, IEM",
    );
    expect(validateBlocks(reply.blocks, "message")).toEqual([]);
  });

  it("writes the cut-off, the reply's day and the next reminder as /cutoff list does", async () => {
    const deps = { db, clock, zone: "Europe/Riga" };
    const lv = JSON.stringify((await handle(parse("5"), deps, "lv")).blocks);
    expect(lv).toMatch(/Ziņošanas termiņš #\d+: pirmd\. 01\.02\.2027\. 23:59\*/u);
    expect(lv).toContain("19.01.2027.");
    expect(lv).toContain("Nākamais atgādinājums: pirmd. 25.01.2027. 09:00");
    expect(lv).not.toMatch(/\d{4}\. g\./u);
    const en = JSON.stringify((await handle(parse("5"), deps, "en")).blocks);
    expect(en).toContain("Mon 1 Feb 2027 23:59");
    expect(en).toContain("19 Jan 2027");
    expect(en).toContain("Mon 25 Jan 2027 09:00");
  });

  it("names the next reminder still ahead as the clock passes the planned ones", async () => {
    const moving = fixedClock("2027-01-20T08:00:00Z");
    const deps = { db, clock: moving, zone: "Europe/Riga" };
    const next = async () =>
      /Nākamais atgādinājums: (\S+ \S+ \S+)/u.exec(
        JSON.stringify((await handle(parse("5"), deps, "lv")).blocks),
      )?.[1];
    expect(await next()).toBe("pirmd. 25.01.2027. 09:00");
    moving.set("2027-01-25T07:00:01Z"); // 09:00:01 in Riga: the 7-day reminder is due
    expect(await next()).toBe("piektd. 29.01.2027. 09:00");
  });

  it("keeps showing a passed cut-off's replies when the next cut-off is for other tasks", async () => {
    const later = fixedClock("2027-02-05T08:00:00Z"); // the cut-off passed four days ago
    const programme = await currentProgramme(db);
    await insertCutoff(db, {
      programmeId: programme?.id ?? 0,
      at: "2027-03-01T21:59:59.999Z",
      title: "Nākamais posms",
      taskNumbers: ["1"],
      createdBy: "U0SEC",
      createdAt: "2027-02-05T08:00:00Z",
    });
    const deps = { db, clock: later, zone: "Europe/Riga" };
    const task5 = JSON.stringify((await handle(parse("5"), deps, "lv")).blocks);
    expect(task5).toContain("Informatīvais ziņojums MK");
    expect(task5).toContain("grozījumi Darba likumā pieņemti");
    expect(task5).not.toContain("Nākamais posms");
    const task1 = JSON.stringify((await handle(parse("1"), deps, "lv")).blocks);
    expect(task1).toContain("Nākamais posms");
  });

  it("shows a reply without the task-number prefix it was attributed by, as the annex does", async () => {
    const [cutoff, izm, task5] = await Promise.all([
      db.selectFrom("cutoffs").select("id").executeTakeFirstOrThrow(),
      findInstitution(db, "IZM"),
      db.selectFrom("tasks").select("id").where("number", "=", "5").executeTakeFirstOrThrow(),
    ]);
    await insertReply(db, {
      cutoffId: cutoff.id,
      institutionId: izm?.id ?? 0,
      taskId: task5.id,
      channelId: "C0IZM",
      ts: "1800000000.000200",
      threadTs: "1790000000.000200",
      userId: "U0IZM",
      text: "*5*. Mācību programma papildināta",
      files: [],
      statusClaim: null,
      verified: true,
      source: "event",
      receivedAt: "2027-01-19T11:00:00.000Z",
    });
    const text = JSON.stringify(
      (await handle(parse("5"), { db, clock, zone: "Europe/Riga" }, "lv")).blocks,
    );
    expect(text).toContain("grozījumi Darba likumā pieņemti");
    expect(text).not.toContain("5: grozījumi");
    expect(text).toContain("Mācību programma papildināta");
    expect(text).not.toContain("*5*. Mācību");
  });

  it("shows the contact's reply over a later one from a non-contact, and counts the latter", async () => {
    const [cutoff, lm, task5] = await Promise.all([
      db.selectFrom("cutoffs").select("id").executeTakeFirstOrThrow(),
      findInstitution(db, "LM"),
      db.selectFrom("tasks").select("id").where("number", "=", "5").executeTakeFirstOrThrow(),
    ]);
    const stranger = (ts: string, receivedAt: string) =>
      insertReply(db, {
        cutoffId: cutoff.id,
        institutionId: lm?.id ?? 0,
        taskId: task5.id,
        channelId: "C0LM",
        ts,
        threadTs: "1790000000.000100",
        userId: "U0OTHER99",
        text: "5: nav izdarīts",
        files: [],
        statusClaim: null,
        verified: false,
        source: "event",
        receivedAt,
      });
    await stranger("1800000000.000300", "2027-01-19T12:00:00.000Z");
    const deps = { db, clock, zone: "Europe/Riga" };
    const lv = JSON.stringify((await handle(parse("5"), deps, "lv")).blocks);
    expect(lv).toContain(
      "(<@U0ANNA>, <https://slack.com/archives/C0LM/p1800000000000100|atvērt ziņu>): grozījumi Darba likumā pieņemti",
    );
    expect(lv).not.toContain("nav izdarīts");
    expect(lv).toContain("un 1 vēlāka nepārbaudīta atbilde");
    await stranger("1800000000.000400", "2027-01-19T13:00:00.000Z");
    expect(JSON.stringify((await handle(parse("5"), deps, "en")).blocks)).toContain(
      "and 2 later unverified replies",
    );
  });

  it("shows the newest reply, by when it was received and then by arrival, whatever the order stored", async () => {
    const [cutoff, lm, task5] = await Promise.all([
      db.selectFrom("cutoffs").select("id").executeTakeFirstOrThrow(),
      findInstitution(db, "LM"),
      db.selectFrom("tasks").select("id").where("number", "=", "5").executeTakeFirstOrThrow(),
    ]);
    const contact = (ts: string, receivedAt: string, text: string) =>
      insertReply(db, {
        cutoffId: cutoff.id,
        institutionId: lm?.id ?? 0,
        taskId: task5.id,
        channelId: "C0LM",
        ts,
        threadTs: "1790000000.000100",
        userId: "U0ANNA",
        text,
        files: [],
        statusClaim: null,
        verified: true,
        source: "event",
        receivedAt,
      });
    const deps = { db, clock, zone: "Europe/Riga" };
    const shown = async () => JSON.stringify((await handle(parse("5"), deps, "lv")).blocks);
    // Stored after the first one, but received before it (a reply read late).
    await contact("1800000000.000200", "2027-01-18T10:00:00.000Z", "5: vecāka atbilde");
    expect(await shown()).toContain("grozījumi Darba likumā pieņemti");
    await contact("1800000000.000300", "2027-01-19T11:00:00.000Z", "5: jaunākā atbilde");
    expect(await shown()).toContain("jaunākā atbilde");
    // Received at the same instant: the one stored later.
    await contact("1800000000.000400", "2027-01-19T11:00:00.000Z", "5: tajā pašā brīdī");
    const last = await shown();
    expect(last).toContain("tajā pašā brīdī");
    expect(last).not.toContain("jaunākā atbilde");
  });

  it("shows a non-contact's reply, marked, when the institution has no other", async () => {
    const [cutoff, izm, task5] = await Promise.all([
      db.selectFrom("cutoffs").select("id").executeTakeFirstOrThrow(),
      findInstitution(db, "IZM"),
      db.selectFrom("tasks").select("id").where("number", "=", "5").executeTakeFirstOrThrow(),
    ]);
    await insertReply(db, {
      cutoffId: cutoff.id,
      institutionId: izm?.id ?? 0,
      taskId: task5.id,
      channelId: "C0IZM",
      ts: "1800000000.000500",
      threadTs: "1790000000.000200",
      userId: "U0OTHER99",
      text: "5: kaut kas",
      files: [],
      statusClaim: null,
      verified: false,
      source: "event",
      receivedAt: "2027-01-19T12:00:00.000Z",
    });
    const lv = JSON.stringify(
      (await handle(parse("5"), { db, clock, zone: "Europe/Riga" }, "lv")).blocks,
    );
    expect(lv).toContain("kaut kas");
    expect(lv).toContain(
      "❔ *IZM* – pārbaudītas atbildes uz #1 vēl nav; <@U0OTHER99> (nav IZM kontaktpersona) rakstīja",
    );
    expect(lv).not.toContain("✅ *IZM*");
    expect(lv).toContain("✅ *LM* atbildēja");
    expect(lv).not.toContain("vēlāka");
  });

  it("says nothing about the cut-off for a task outside its scope", async () => {
    const reply = await handle(parse("1"), { db, clock, zone: "Europe/Riga" }, "en");
    expect(JSON.stringify(reply.blocks)).not.toContain("Reporting cut-off");
  });
});
