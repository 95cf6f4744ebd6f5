/**
 * `npm run slack -- --lang en --reply|--edit|--delete …` chooses the acting person's language on
 * the app's Home first, as it does before a slash command, so the notes the app shows only to
 * them come in it (a fresh user's finding: the tool's own lines were English, the app's note
 * Latvian). Against the real app in local mode: the local user, one added with --add-user
 * (`--user`), an edit as its author, a deletion, and a `--lang` the Home has no option for.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferredLocale } from "../../db/user-settings.ts";
import { LOCAL_USER_ID } from "../../src/config.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import { slackToolText } from "../../src/i18n/cli-slack.ts";
import type { Running } from "../../src/main.ts";
import { localReminderThread, sendCli, startLocalSlack } from "../helpers/local-slack.ts";

const CHANNEL = "C0LOCAL01";
let app: Running;
let emulator: Emulator;
let dataDir: string;
let root: string;
const en = slackToolText("en");

const send = (...argv: string[]) => sendCli(dataDir, argv);
/** The ts `--reply` printed it posted. */
const postedTs = (out: string) => /(\d+\.\d+)/u.exec(out)?.[1] ?? "";
/** The note naming task 99, which is in neither the reminder nor the programme. */
const ENGLISH_99 = /Task \*99\* is not in this reminder|no task \*99\* in the programme/u;
const LATVIAN_99 = /Uzdevuma \*99\* (šajā atgādinājumā|programmā) nav/u;

beforeAll(async () => {
  ({ app, emulator, dataDir } = await startLocalSlack());
  root = await localReminderThread(app, dataDir, { channel: CHANNEL, text: "Atgādinājums: LM" });
});
afterAll(async () => {
  await app?.stop();
});

describe("npm run slack --lang with --reply, --edit, --delete", { timeout: 60_000 }, () => {
  it("--lang en --reply: the choice is made first, the app's note is English", async () => {
    expect(await preferredLocale(app.db, LOCAL_USER_ID)).toBeNull();
    const r = await send("--lang", "en", "--reply", root, "99: done");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(en.posted(postedTs(r.out), CHANNEL, root, 200));
    expect(r.out).toContain("[app, only visible to @sekretars]");
    expect(r.out).toMatch(ENGLISH_99);
    expect(r.out).not.toMatch(LATVIAN_99);
    expect(await preferredLocale(app.db, LOCAL_USER_ID)).toBe("en");
    // It sticks: the next reply without --lang is answered in English too.
    const again = await send("--reply", root, "99: again");
    expect(again.out).toMatch(ENGLISH_99);
  });

  it("--lang lv --edit: the author's choice, the edit's note in Latvian", async () => {
    const posted = await send("--reply", root, "5: pirmais");
    const ts = postedTs(posted.out);
    const r = await send("--lang", "lv", "--edit", ts, "99: labots");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(LATVIAN_99);
    expect(r.out).not.toMatch(ENGLISH_99);
    expect(await preferredLocale(app.db, LOCAL_USER_ID)).toBe("lv");
    // --delete chooses too (a deletion shows no note here, the choice is still made).
    const deleted = await send("--lang", "en", "--delete", ts);
    expect(deleted).toMatchObject({ code: 0, out: en.deleted(ts, CHANNEL, 200) });
    expect(await preferredLocale(app.db, LOCAL_USER_ID)).toBe("en");
  });

  it("--user with --lang: that person's language, not the local user's", async () => {
    const added = await send("--add-user", "anna");
    const anna = /\((U0LOCAL\d\d)\)/u.exec(added.out)?.[1] ?? "";
    expect(anna).not.toBe("");
    expect(await send("--lang", "lv")).toMatchObject({ code: 0 });
    const r = await send("--user", anna, "--lang", "en", "--reply", root, "5: done");
    expect(r.code, r.err).toBe(0);
    // Not a contact of LM: the unverified note, in English.
    expect(r.out).toContain("marked *unverified*");
    expect(r.out).not.toContain("nepārbaudīta");
    expect(await preferredLocale(app.db, anna)).toBe("en");
    expect(await preferredLocale(app.db, LOCAL_USER_ID)).toBe("lv");

    // --edit acts as the message's author: anna's choice, even with no --user.
    expect(await send("--user", anna, "--lang", "lv")).toMatchObject({ code: 0 });
    const edited = await send("--lang", "en", "--edit", postedTs(r.out), "99: fixed");
    expect(edited.code, edited.err).toBe(0);
    expect(edited.out).toMatch(ENGLISH_99);
    expect(await preferredLocale(app.db, anna)).toBe("en");
    expect(await preferredLocale(app.db, LOCAL_USER_ID)).toBe("lv");
  });

  it("a --lang the Home has no option for is refused before anything is posted", async () => {
    const before = emulator.messagesIn(CHANNEL).length;
    const r = await send("--lang", "de", "--reply", root, "5: x");
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toBe(slackToolText("lv").badLang("de"));
    expect((await send("--lang", "de", "--delete", root)).code).toBe(2);
    expect(emulator.messagesIn(CHANNEL)).toHaveLength(before);
  });
});
