/**
 * `/calendar`'s file name has no space (a fresh user's finding: `/calendar CBSS TF-THB` sent
 * "koordinators-2009-2013-CBSS TF-THB.ics"): a run of characters that is not a letter, digit,
 * "-" or "." is written "_" (commands/calendar.ts calendarFileName). Through the real app and
 * the emulator; SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarFileName } from "../../commands/calendar.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertSession } from "../../db/sessions.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";

const ANNA = "U0ANNA001";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock("2027-02-02T12:00:00Z") });
  t.emulator.addUser({ id: ANNA, name: "anna", locale: "lv-LV" });
  // A session ahead, which every institution's calendar holds: a calendar with no events is
  // not sent (commands/calendar.ts), and these institutions have no task of their own.
  await insertSession(t.app.db, {
    programmeId: (await currentProgramme(t.app.db))?.id ?? 0,
    at: "2027-03-01T10:00:00.000Z",
    title: "Darba grupas sēde",
    createdBy: ANNA,
    createdAt: "2027-02-01T10:00:00.000Z",
  });
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

/** Anna's `/calendar <typed>`: the answer's text, from the response or its response_url. */
async function fileAnswer(typed: string): Promise<string> {
  const res = await t.slack.command("/calendar", typed, { userId: ANNA });
  expect(res.status).toBe(200);
  let body = res.body as { blocks?: unknown[] } | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as { blocks?: unknown[] };
  return blocksToText((body.blocks ?? []) as Parameters<typeof blocksToText>[0]);
}

describe("the calendar's file name", () => {
  it("writes a space, a slash or a quote as '_', keeps letters of any script", () => {
    expect(calendarFileName("2009-2013", ["CBSS TF-THB"])).toBe(
      "koordinators-2009-2013-CBSS_TF-THB.ics",
    );
    expect(calendarFileName("2009-2013", ["IEM", "VP GKrPP"])).toBe(
      "koordinators-2009-2013-IEM-VP_GKrPP.ics",
    );
    expect(calendarFileName("2014 / 2020", ["ĀM"])).toBe("koordinators-2014_2020-ĀM.ics");
    expect(calendarFileName("2009-2013", [])).toBe("koordinators-2009-2013-all.ics");
    expect(calendarFileName("2009-2013", ['a"b'])).toBe("koordinators-2009-2013-a_b.ics");
    expect(calendarFileName("2009-2013", ["Patvērums „Drošā māja”"])).toBe(
      "koordinators-2009-2013-Patvērums_Drošā_māja.ics",
    );
    expect(calendarFileName("2009-2013", ["„X”", "  Y  "])).toBe("koordinators-2009-2013-X-Y.ics");
    expect(calendarFileName("2009-2013", ["„”"])).toBe("koordinators-2009-2013-_.ics");
  });

  // Fresh-user finding: the code as `/institution list` shows it was "Nesapratu …".
  for (const typed of ["Patvērums „Drošā māja”", "Drošā māja", "patvērums   „drošā māja”"])
    it(`\`/calendar ${typed}\` reads the code as /institution does`, async () => {
      const text = await fileAnswer(typed);
      expect(text).toContain("koordinators-2009-2013-Patvērums_Drošā_māja.ics");
      const file = [...t.emulator.files.values()].at(-1);
      expect(file?.name).toBe("koordinators-2009-2013-Patvērums_Drošā_māja.ics");
    });

  it("`/calendar` with a code that is no institution names the ones with tasks", async () => {
    const text = await fileAnswer("„Nav tādas”");
    expect(text).toContain("Institūcijas „„Nav tādas”” nav.");
    expect(text).not.toContain("Nesapratu");
  });

  it("`/calendar CBSS TF-THB` sends a file whose name has no space", async () => {
    const before = t.emulator.files.size;
    const res = await t.slack.command("/calendar", "CBSS TF-THB", { userId: ANNA });
    expect(res.status).toBe(200);
    let body = res.body as { blocks?: unknown[] } | "";
    if (body === "" || body.blocks === undefined)
      body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as {
        blocks?: unknown[];
      };
    const text = blocksToText((body.blocks ?? []) as Parameters<typeof blocksToText>[0]);
    expect(text).toContain("koordinators-2009-2013-CBSS_TF-THB.ics");
    expect(t.emulator.files.size).toBe(before + 1);
    const file = [...t.emulator.files.values()].at(-1);
    expect(file?.name).toBe("koordinators-2009-2013-CBSS_TF-THB.ics");
  });
});
