/**
 * `npm run slack -- --lang lv` (no command) says whose language it set, naming the person as the
 * local Slack names people elsewhere (`@name`), never by a bare user ID. Against the real app in
 * local mode, lv and en, the local user and one added with --add-user.
 */
import { describe, expect, it } from "vitest";
import { preferredLocale } from "../../db/user-settings.ts";
import { LOCAL_USER_ID } from "../../src/config.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import { slackToolText } from "../../src/i18n/cli-slack.ts";
import type { Running } from "../../src/main.ts";
import { localSlackHooks, sendCli } from "../helpers/local-slack.ts";

let app: Running;
let emulator: Emulator;
let dataDir: string;
const lv = slackToolText("lv");
const en = slackToolText("en");

const send = (...argv: string[]) => sendCli(dataDir, argv);

localSlackHooks((local) => ({ app, emulator, dataDir } = local));

describe("npm run slack --lang alone names the person, not their ID", { timeout: 60_000 }, () => {
  it("--lang lv and --lang en: '@name: …' for the local user, in the tool's language", async () => {
    const me = `@${emulator.user(LOCAL_USER_ID)?.name}`;
    expect(me).not.toBe("@undefined");
    const latvian = await send("--lang", "lv");
    expect(latvian).toMatchObject({ code: 0, err: "", out: lv.languageSet(me, "lv") });
    expect(latvian.out).toBe(`${me}: valoda iestatīta (lv).`);
    expect(await preferredLocale(app.db, LOCAL_USER_ID)).toBe("lv");

    const english = await send("--lang", "en");
    expect(english).toMatchObject({ code: 0, err: "", out: `${me}: language set (en).` });
    expect(await preferredLocale(app.db, LOCAL_USER_ID)).toBe("en");
    for (const r of [latvian, english]) expect(r.out).not.toContain(LOCAL_USER_ID);
  });

  it("--lang slack says the choice is withdrawn; --slack-locale says the Slack locale is set", async () => {
    const me = `@${emulator.user(LOCAL_USER_ID)?.name}`;
    const cleared = await send("--lang", "slack");
    expect(cleared).toMatchObject({ code: 0, err: "", out: lv.languageCleared(me) });
    expect(cleared.out).toContain("Noklusējums (bez izvēles)");
    expect(await preferredLocale(app.db, LOCAL_USER_ID)).toBeNull();
    const locale = await send("--slack-locale", "lv-LV");
    expect(locale).toMatchObject({ code: 0, err: "", out: lv.slackLocaleSet(me, "lv-LV") });
  });

  it("--user names the person acting, as --add-user named them", async () => {
    const added = await send("--add-user", "anna");
    expect(added.code).toBe(0);
    const id = /\((U0LOCAL\d\d)\)/u.exec(added.out)?.[1] ?? "";
    const r = await send("--lang", "en", "--user", id);
    expect(r).toMatchObject({ code: 0, err: "", out: en.languageSet("@anna", "en") });
    expect(r.out).not.toContain(id);
  });
});
