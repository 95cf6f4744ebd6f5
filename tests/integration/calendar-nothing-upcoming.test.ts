/**
 * Fresh-user finding: `/calendar` for an institution with nothing in its calendar sent an empty
 * .ics with only "Notikumi kalendārā: 0.". Now such a calendar is not sent: the answer says it
 * has no events and what would fill it (commands/calendar.ts): for an institution with no tasks
 * only sessions, as no cut-off can concern it (a later finding: it promised cut-offs). One whose events are all past
 * (the 2009–2013 deadlines) is sent, saying none is upcoming; one with a session ahead is sent
 * as before. Through the real app over signed HTTP and the emulator, lv and en; SQLite or
 * PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentProgramme } from "../../db/programmes.ts";
import { insertSession } from "../../db/sessions.ts";
import { exportCommandText } from "../../src/i18n/export-command.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const ANNA = "U0ANNA001";
const JOHN = "U0JOHN001";
const CODE = "Patvērums „Drošā māja”";
const [lv, en] = [exportCommandText("lv"), exportCommandText("en")];
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock("2027-02-02T12:00:00Z") });
  t.emulator.addUser({ id: ANNA, name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: JOHN, name: "john", locale: "en-US" });
  await chooseLanguage(t, JOHN, "en");
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

/** `/calendar typed` as `userId`: the answer's text, from the response or its response_url. */
async function calendar(typed: string, userId: string): Promise<string> {
  const res = await t.slack.command("/calendar", typed, { userId });
  expect(res.status).toBe(200);
  let body = res.body as { blocks?: unknown[] } | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as { blocks?: unknown[] };
  return blocksToText((body.blocks ?? []) as Parameters<typeof blocksToText>[0]);
}

describe("/calendar with nothing (upcoming) in it", () => {
  it("an institution with no tasks: said that only sessions will come, no file sent (lv, en)", async () => {
    const before = t.emulator.files.size;
    expect(await calendar(CODE, ANNA)).toBe(
      `${lv.calendarNothing(CODE)} ${lv.calendarNotSentNoTasks([CODE])}`,
    );
    expect(await calendar(CODE, JOHN)).toBe(
      `${en.calendarNothing(CODE)} ${en.calendarNotSentNoTasks([CODE])}`,
    );
    // No cut-off can concern an institution with no tasks (a cut-off's scope is tasks).
    expect(await calendar(CODE, ANNA)).toContain(
      "Institūcijai Patvērums „Drošā māja” programmā nav uzdevumu, tāpēc ziņošanas termiņi un " +
        "atgādinājumi uz to neattiecas: kalendārā būs tikai darba grupas sēdes (`/session`)",
    );
    expect(await calendar(CODE, JOHN)).toContain(
      "Patvērums „Drošā māja” has no tasks in the programme, so no reporting cut-off or reminder " +
        "concerns it: the calendar will hold only the working group's sessions (`/session`)",
    );
    expect(await calendar(CODE, ANNA)).not.toContain("/cutoff");
    expect(t.emulator.files.size).toBe(before);
  });

  it("an institution with tasks but no dated event: sessions and cut-offs will fill it (lv, en)", async () => {
    // AiM's tasks have no dated deadline ("regulāri") and no cut-off has been added yet.
    const before = t.emulator.files.size;
    expect(await calendar("AiM", ANNA)).toBe(`${lv.calendarNothing("AiM")} ${lv.calendarNotSent}`);
    expect(await calendar("AiM", JOHN)).toBe(`${en.calendarNothing("AiM")} ${en.calendarNotSent}`);
    expect(t.emulator.files.size).toBe(before);
  });

  it("only past events: the file is sent, saying none is upcoming (lv, en)", async () => {
    const before = t.emulator.files.size;
    const text = await calendar("LM", ANNA);
    expect(text).toContain("koordinators-2009-2013-LM.ics");
    expect(text).toContain(`${lv.calendarEvents(8)} ${lv.calendarNoneUpcoming}`);
    expect(await calendar("LM", JOHN)).toContain(
      `${en.calendarEvents(8)} ${en.calendarNoneUpcoming}`,
    );
    expect(t.emulator.files.size).toBe(before + 2);
  });

  it("a session ahead: sent as before, with no note", async () => {
    const programme = await currentProgramme(t.app.db);
    await insertSession(t.app.db, {
      programmeId: programme?.id ?? 0,
      at: "2027-03-01T10:00:00.000Z",
      title: "Darba grupas sēde",
      createdBy: ANNA,
      createdAt: "2027-02-01T10:00:00.000Z",
    });
    const before = t.emulator.files.size;
    const lm = await calendar("LM", ANNA);
    expect(lm).toContain(lv.calendarEvents(9));
    expect(lm).not.toContain(lv.calendarNoneUpcoming);
    const shelter = await calendar(CODE, JOHN);
    expect(shelter).toContain(en.calendarEvents(1));
    expect(shelter).not.toContain(en.calendarNotSent);
    expect(t.emulator.files.size).toBe(before + 2);
  });
});
