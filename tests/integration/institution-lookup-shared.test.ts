/**
 * Fresh-user finding: `/task Labklājības ministrija` answered with LM's tasks, while `/calendar
 * Labklājības ministrija` and `/institution Labklājības ministrija` said there is no such
 * institution. One lookup (db/institutions.ts findInstitutionOrName: code, alias, full name, any
 * case, quotes of any style) is now shared by `/task`, `/calendar`, `/institution <code>` and
 * the CLI's `export calendar --institution` (tests/cli/export-calendar-name). An exact code still
 * wins: "AM" is AiM, "ĀM" is ĀM. A full name typed without diacritics ("Labklajibas ministrija",
 * a later finding) is found by a last, folded pass only when nothing matched as typed. Through the real app over signed HTTP and the emulator, lv and
 * en; SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInstitutionOrName } from "../../db/institutions.ts";
import { institutionText } from "../../src/i18n/institution.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { slashText } from "../helpers/slash.ts";

const ANNA = "U0ANNA001";
const JOHN = "U0JOHN001";
const LM_FILE = "koordinators-2009-2013-LM.ics";
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

describe("an institution named by its full name, as /task names it", () => {
  it("is found by code, alias or name; an exact code wins", async () => {
    for (const typed of [
      "LM",
      "lm",
      "Labklājības ministrija",
      "labklājības   ministrija",
      "LABKLĀJĪBAS MINISTRIJA",
    ])
      expect((await findInstitutionOrName(t.app.db, typed))?.code).toBe("LM");
    expect((await findInstitutionOrName(t.app.db, "AM"))?.code).toBe("AiM");
    expect((await findInstitutionOrName(t.app.db, "ĀM"))?.code).toBe("ĀM");
    expect((await findInstitutionOrName(t.app.db, "Ārlietu ministrija"))?.code).toBe("ĀM");
    expect(await findInstitutionOrName(t.app.db, "Nav tādas ministrija")).toBeUndefined();
    expect(await findInstitutionOrName(t.app.db, "  ")).toBeUndefined();
  });

  for (const typed of ["Labklājības ministrija", "labklājības ministrija"])
    it(`\`/calendar ${typed}\` sends LM's calendar (lv, en)`, async () => {
      const before = t.emulator.files.size;
      const lv = await slashText(t, "/calendar", typed, ANNA);
      expect(lv).toContain(`Nosūtīju jums privātā ziņā: *${LM_FILE}*`);
      expect(lv).not.toContain("nav.");
      const en = await slashText(t, "/calendar", typed, JOHN);
      expect(en).toContain(`📎 Sent to you as a direct message: *${LM_FILE}*.`);
      expect(t.emulator.files.size).toBe(before + 2);
      expect([...t.emulator.files.values()].at(-1)?.name).toBe(LM_FILE);
    });

  it("`/institution Labklājības ministrija` shows LM's channel and contacts (lv, en)", async () => {
    const lv = await slashText(t, "/institution", "Labklājības ministrija", ANNA);
    expect(lv).toContain("LM");
    expect(lv).not.toContain(institutionText("lv").unknown("Labklājības ministrija"));
    expect(lv).toBe(await slashText(t, "/institution", "LM", ANNA));
    const en = await slashText(t, "/institution", "labklājības ministrija", JOHN);
    expect(en).not.toContain(institutionText("en").unknown("labklājības ministrija"));
    expect(en).toBe(await slashText(t, "/institution", "LM", JOHN));
  });

  it("`/task`, `/calendar` and `/institution` read AM as AiM and ĀM as ĀM, as before", async () => {
    expect(await slashText(t, "/task", "AM", ANNA)).toContain("AiM – ");
    expect(await slashText(t, "/task", "ĀM", ANNA)).toContain("ĀM – Ārlietu ministrija");
    expect(await slashText(t, "/calendar", "AM", ANNA)).toBe(
      await slashText(t, "/calendar", "AiM", ANNA),
    );
    expect(await slashText(t, "/calendar", "Ārlietu ministrija", JOHN)).toBe(
      await slashText(t, "/calendar", "ĀM", JOHN),
    );
    expect(await slashText(t, "/institution", "AM", ANNA)).toBe(
      await slashText(t, "/institution", "AiM", ANNA),
    );
  });

  it("a full name typed without diacritics is found only when nothing matched exactly", async () => {
    for (const typed of [
      "Labklajibas ministrija",
      "labklajibas  MINISTRIJA",
      '"Labklajibas ministrija"',
    ])
      expect((await findInstitutionOrName(t.app.db, typed))?.code).toBe("LM");
    expect((await findInstitutionOrName(t.app.db, "Arlietu ministrija"))?.code).toBe("ĀM");
    expect((await findInstitutionOrName(t.app.db, "Generalprokuratura"))?.code).toBe("GP");
    // Codes keep their exact-first rule; "am"/"Am" folded would be both AiM's AM and ĀM.
    expect((await findInstitutionOrName(t.app.db, "AM"))?.code).toBe("AiM");
    expect((await findInstitutionOrName(t.app.db, "ĀM"))?.code).toBe("ĀM");
    expect((await findInstitutionOrName(t.app.db, "am"))?.code).toBe("AiM");
    expect((await findInstitutionOrName(t.app.db, "Ām"))?.code).toBe("ĀM");
    expect(await findInstitutionOrName(t.app.db, "Nav tadas ministrija")).toBeUndefined();
  });

  it("`/task`, `/calendar`, `/institution Labklajibas ministrija` answer as for LM (lv, en)", async () => {
    const typed = "Labklajibas ministrija";
    const task = await slashText(t, "/task", typed, ANNA);
    expect(task).not.toContain("Nesapratu");
    expect(task).toBe(await slashText(t, "/task", "LM", ANNA));
    expect(await slashText(t, "/task", typed, JOHN)).toBe(await slashText(t, "/task", "LM", JOHN));
    const before = t.emulator.files.size;
    expect(await slashText(t, "/calendar", typed, ANNA)).toContain(
      `Nosūtīju jums privātā ziņā: *${LM_FILE}*`,
    );
    expect(await slashText(t, "/calendar", typed, JOHN)).toContain(
      `📎 Sent to you as a direct message: *${LM_FILE}*.`,
    );
    expect(t.emulator.files.size).toBe(before + 2);
    expect(await slashText(t, "/institution", typed, ANNA)).toBe(
      await slashText(t, "/institution", "LM", ANNA),
    );
    expect(await slashText(t, "/institution", typed, JOHN)).toBe(
      await slashText(t, "/institution", "LM", JOHN),
    );
  });

  it("a name no institution has is still unknown (lv, en)", async () => {
    const lv = await slashText(t, "/calendar", "Nav tādas ministrija", ANNA);
    expect(lv).toContain("Institūcijas „Nav tādas ministrija” nav.");
    const en = await slashText(t, "/institution", "Nav tādas ministrija", JOHN);
    expect(en).toContain(institutionText("en").unknown("Nav tādas ministrija"));
  });
});
