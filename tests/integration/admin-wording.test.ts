/**
 * The admin answers say only what is true: `/institution away` promises the other contacts only
 * where there are others (and warns where nobody is left, without the promise); `/session add`'s
 * duplicate hint is one sentence in one form; the CLI's `institution show` does not say "(only
 * the secretary)" to the operator who may change it. Signed endpoint + emulator, the real CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/time.ts";
import { runCli } from "../cli/run-cli.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { slashText } from "../helpers/slash.ts";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";

const SECRETARY = "U0SEC0001";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2026-11-29T12:00:00Z"),
    config: { secretaryUserIds: [SECRETARY] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: "U0ANNA001", name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: "U0JANIS01", name: "janis", locale: "lv-LV" });
  t.emulator.addChannel({ id: "C0TM00001", name: "tm" });
  t.emulator.addChannel({ id: "C0LM00001", name: "lm" });
});
afterAll(async () => {
  await t?.stop();
});

const slash = (command: string, text: string) => slashText(t, command, text, SECRETARY);

describe("/institution away", () => {
  it("the only contact: no promise of others, the warning that nobody is left", async () => {
    await slash("/institution", "set TM <#C0TM00001> <@U0ANNA001>");
    const text = await slash("/institution", "away <@U0ANNA001> 2027-01-15");
    expect(text).toMatch(/prombūtnē līdz \*\S+\* ieskaitot\.\n/u);
    expect(text).not.toContain("pārējās");
    expect(text).toContain("⚠️ TM: citu kontaktpersonu, kas nav prombūtnē, nav");
    await slash("/institution", "away <@U0ANNA001> off");
  });

  it("others where there are others, the warning where not", async () => {
    await slash("/institution", "set LM <#C0LM00001> <@U0ANNA001> <@U0JANIS01>");
    const text = await slash("/institution", "away <@U0ANNA001> 2027-01-15");
    expect(text).toContain("Atgādinājumos (LM) pa to laiku pieminēsim pārējās kontaktpersonas.");
    expect(text).toContain("⚠️ TM:");
    expect(text).not.toContain("(TM, LM)");
  });

  it("in English too", async () => {
    await chooseLanguage(t, SECRETARY, "en");
    await slash("/institution", "away <@U0ANNA001> off");
    await slash("/institution", "set LM <#C0LM00001> <@U0ANNA001> <@U0JANIS01>");
    const text = await slash("/institution", "away <@U0ANNA001> 2027-01-15");
    expect(text).toContain("is away until");
    expect(text).toContain("reminders (LM) mention the other contacts");
    expect(text).toContain("⚠️ TM");
    await slash("/institution", "away <@U0ANNA001> off");
    await slash("/institution", "set LM <#C0LM00001> <@U0ANNA001>");
    const alone = await slash("/institution", "away <@U0ANNA001> 2027-01-15");
    expect(alone).not.toContain("other contacts");
    await chooseLanguage(t, SECRETARY, "lv");
  });
});

describe("/session add twice", () => {
  it("says how to move it in one sentence", async () => {
    await slash("/session", "add 2026-12-10 10:00 Darba grupas sēde");
    const text = await slash("/session", "add 2026-12-10 10:00 Darba grupas sēde");
    expect(text).toMatch(
      /Lai to pārceltu, noņemiet to \(`\/session remove \d+`\) un pievienojiet no jauna\./u,
    );
  });
});

describe("CLI institution show", { timeout: 60_000 }, () => {
  it("has the change hint without '(secretary only)'; Slack keeps it", async () => {
    const dir = tempDir();
    const env = {
      DATABASE_URL: await testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    };
    await runCli(["institution", "set", "IZM", "C0IZM0001", "U0ANNA001"], env);
    const lv = await runCli(["institution", "show", "IZM"], env);
    expect(lv.stdout).toContain(
      "Mainīt: `npm run cli -- institution set IZM <kanāla ID> <lietotāja ID> …`\n",
    );
    expect(lv.stdout).not.toContain("tikai sekretārs");
    const en = await runCli(["institution", "show", "IZM", "--lang", "en"], env);
    expect(en.stdout).not.toContain("secretary only");
    await slash("/institution", "set TM <#C0TM00001> <@U0ANNA001>");
    expect(await slashText(t, "/institution", "TM", "U0JANIS01")).toMatch(
      /\((tikai sekretārs|secretary only)\)/u,
    );
  });
});
