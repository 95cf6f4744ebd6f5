/**
 * Fresh-user finding: `/calendar Patvērums "Drošā māja"` (straight quotes, as a keyboard types
 * them) answered that there is no such institution, listing codes without the one meant; the
 * report prints it „…”. The code /calendar and /institution read (commands/institution-parse.ts
 * readInstitutionQuery) is looked up with quotes of any style alike (db/institutions.ts
 * findInstitution): "…", “…” and „…” find it. Through the real app and the emulator, lv and en;
 * SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertSession } from "../../db/sessions.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const ANNA = "U0ANNA001";
const JOHN = "U0JOHN001";
const FILE = "koordinators-2009-2013-Patvērums_Drošā_māja.ics";
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
  t.emulator.addUser({ id: JOHN, name: "john", locale: "en-US" });
  await chooseLanguage(t, JOHN, "en");
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

/** `command typed` as `userId`: the answer's text, from the response or its response_url. */
async function answer(command: string, typed: string, userId: string): Promise<string> {
  const res = await t.slack.command(command, typed, { userId });
  expect(res.status).toBe(200);
  let body = res.body as { blocks?: unknown[] } | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as { blocks?: unknown[] };
  return blocksToText((body.blocks ?? []) as Parameters<typeof blocksToText>[0]);
}

describe("an institution's code typed with straight or English quotes", () => {
  it("is found as the report's „…”, its aliases too; other codes stay as they were", async () => {
    const meant = await findInstitution(t.app.db, "Patvērums „Drošā māja”");
    expect(meant?.code).toBe("Patvērums „Drošā māja”");
    for (const typed of [
      'Patvērums "Drošā māja"',
      "Patvērums “Drošā māja”",
      'patvērums "drošā māja"',
      'biedrība "Patvērums "Drošā māja""',
    ])
      expect((await findInstitution(t.app.db, typed))?.code).toBe(meant?.code);
    expect(await findInstitution(t.app.db, '"Nav tādas"')).toBeUndefined();
    expect((await findInstitution(t.app.db, "AM"))?.code).toBe("AiM");
  });

  for (const typed of ['Patvērums "Drošā māja"', "Patvērums “Drošā māja”"])
    it(`\`/calendar ${typed}\` sends that institution's calendar (lv, en)`, async () => {
      expect(await answer("/calendar", typed, ANNA)).toContain(`Nosūtīju jums privātā ziņā`);
      expect([...t.emulator.files.values()].at(-1)?.name).toBe(FILE);
      const en = await answer("/calendar", typed, JOHN);
      expect(en).toContain(FILE);
      expect(en).toContain(`📎 Sent to you as a direct message: *${FILE}*.`);
    });

  it('`/institution Patvērums "Drošā māja"` shows it (lv, en)', async () => {
    const lv = await answer("/institution", 'Patvērums "Drošā māja"', ANNA);
    expect(lv).toContain("Biedrība „Patvērums „Drošā māja””");
    expect(lv).not.toContain("nav.");
    const en = await answer("/institution", 'Patvērums "Drošā māja"', JOHN);
    expect(en).toContain("Biedrība „Patvērums „Drošā māja””");
  });
});
