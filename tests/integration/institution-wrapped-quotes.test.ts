/**
 * Fresh-user finding: an institution's code or name wrapped in quotes was refused: `/task
 * "Labklājības ministrija"`, `/task 'LM'` ("Nesapratu"), `/task «Labklājības ministrija»`,
 * `/calendar "LM"`, `/institution "Labklājības ministrija"`. The shared lookup
 * (db/institutions.ts findInstitutionOrName) now drops one pair of quotes of any style wrapping
 * the whole text when the text as typed names none, and `/task` reads text that starts with
 * any quotation mark; codes whose quotes are their own (`Patvērums „Drošā māja”`) are found as
 * typed, as before. Through the real app over signed HTTP and the emulator, lv and en; SQLite
 * or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInstitutionOrName } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertSession } from "../../db/sessions.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { slashText } from "../helpers/slash.ts";

const ANNA = "U0ANNA001";
const JOHN = "U0JOHN001";
const SHELTER = "Patvērums „Drošā māja”";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock("2027-02-02T12:00:00Z") });
  t.emulator.addUser({ id: ANNA, name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: JOHN, name: "john", locale: "en-US" });
  await chooseLanguage(t, JOHN, "en");
  // A session ahead, so the shelter (no tasks) has a calendar to send.
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

const WRAPPED_LM = [
  '"Labklājības ministrija"',
  "'LM'",
  "«Labklājības ministrija»",
  "„Labklājības ministrija”",
  "‘lm’",
  '"LM"',
];

describe("an institution's code or name wrapped whole in quotes", () => {
  it("is found as without them; codes with quotes of their own as typed", async () => {
    for (const typed of WRAPPED_LM)
      expect((await findInstitutionOrName(t.app.db, typed))?.code).toBe("LM");
    for (const typed of [
      SHELTER,
      'Patvērums "Drošā māja"',
      "„Patvērums „Drošā māja””",
      '"Patvērums "Drošā māja""',
      "«Biedrība „Patvērums „Drošā māja””»",
    ])
      expect((await findInstitutionOrName(t.app.db, typed))?.code).toBe(SHELTER);
    expect((await findInstitutionOrName(t.app.db, '"AM"'))?.code).toBe("AiM");
    expect((await findInstitutionOrName(t.app.db, "'ĀM'"))?.code).toBe("ĀM");
    expect(await findInstitutionOrName(t.app.db, '"Nav tādas"')).toBeUndefined();
  });

  for (const typed of WRAPPED_LM)
    it(`\`/task ${typed}\` answers as \`/task LM\` (lv, en)`, async () => {
      const lv = await slashText(t, "/task", typed, ANNA);
      expect(lv).toContain("LM – Labklājības ministrija");
      expect(lv).toBe(await slashText(t, "/task", "LM", ANNA));
      expect(await slashText(t, "/task", typed, JOHN)).toBe(
        await slashText(t, "/task", "LM", JOHN),
      );
    });

  it('`/task "AM"` answers as `/task AM`: AiM, ĀM also meant', async () => {
    expect(await slashText(t, "/task", '"AM"', ANNA)).toBe(await slashText(t, "/task", "AM", ANNA));
  });

  it("`/task` of a code with quotes of its own, wrapped or not, finds it", async () => {
    for (const typed of [SHELTER, `„${SHELTER}”`, '"Patvērums "Drošā māja""'])
      expect(await slashText(t, "/task", typed, ANNA)).toContain(
        "Patvērums „Drošā māja” – Biedrība „Patvērums „Drošā māja””",
      );
  });

  it("`/calendar \"LM\"` and `/calendar 'Labklājības ministrija'` send LM's calendar (lv, en)", async () => {
    const before = t.emulator.files.size;
    expect(await slashText(t, "/calendar", '"LM"', ANNA)).toContain(
      "Nosūtīju jums privātā ziņā: *koordinators-2009-2013-LM.ics*",
    );
    expect(await slashText(t, "/calendar", "'Labklājības ministrija'", JOHN)).toContain(
      "📎 Sent to you as a direct message: *koordinators-2009-2013-LM.ics*.",
    );
    expect(await slashText(t, "/calendar", `«${SHELTER}»`, JOHN)).toContain(
      "koordinators-2009-2013-Patvērums_Drošā_māja.ics",
    );
    expect(t.emulator.files.size).toBe(before + 3);
  });

  it('`/institution "Labklājības ministrija"` shows LM (lv, en)', async () => {
    for (const userId of [ANNA, JOHN])
      expect(await slashText(t, "/institution", '"Labklājības ministrija"', userId)).toBe(
        await slashText(t, "/institution", "LM", userId),
      );
  });

  it("a wrapped name no institution has is still not understood (lv, en)", async () => {
    expect(await slashText(t, "/task", "'Nav tādas'", ANNA)).toContain("Nesapratu „'Nav tādas'”.");
    expect(await slashText(t, "/task", '"Nav tādas"', JOHN)).toContain(
      'I did not understand “"Nav tādas"”.',
    );
    expect(await slashText(t, "/calendar", '"XYZ"', ANNA)).toContain('Institūcijas „"XYZ"” nav.');
  });
});
