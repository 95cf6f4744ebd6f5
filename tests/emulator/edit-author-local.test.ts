/**
 * A fresh user's finding, end to end against the app in local mode: `npm run slack -- --user
 * U0LOCAL03 --edit <the secretary's ts>` and `--delete <anna's ts>` used to succeed (the app then
 * credited the new text to the secretary). As in Slack, the local Slack refuses (the emulator's
 * cant_update_message / cant_delete_message), the tool says only the author, by @name, may do it
 * (lv, en), the app hears nothing and the replies stay as they were; the author still edits and
 * deletes.
 */
import { describe, expect, it } from "vitest";
import { findReplyByMessage } from "../../db/replies.ts";
import { slackToolText } from "../../src/i18n/cli-slack.ts";
import type { Running } from "../../src/main.ts";
import { localReminderThread, localSlackHooks, sendCli } from "../helpers/local-slack.ts";

const CHANNEL = "C0LOCAL01";
let app: Running;
let dataDir: string;
const [lv, en] = [slackToolText("lv"), slackToolText("en")];

const send = (...argv: string[]) => sendCli(dataDir, argv);
const postedTs = (out: string) => /(\d+\.\d+)/u.exec(out)?.[1] ?? "";

localSlackHooks((local) => ({ app, dataDir } = local));

describe("npm run slack --edit / --delete as someone else", { timeout: 60_000 }, () => {
  it("is refused, naming the author; the author's own edit and deletion still work", async () => {
    expect((await send("--add-user", "anna")).out).toBe(lv.userAdded("U0LOCAL02", "anna"));
    expect((await send("--add-user", "juris")).out).toBe(lv.userAdded("U0LOCAL03", "juris"));
    const root = await localReminderThread(app, dataDir, {
      channel: CHANNEL,
      text: "Atgādinājums: LM",
    });
    const secretary = postedTs((await send("--reply", root, "14: apmācības notika")).out);
    const anna = postedTs((await send("--user", "U0LOCAL02", "--reply", root, "5: darīts")).out);
    await expect
      .poll(async () => (await findReplyByMessage(app.db, CHANNEL, anna))?.text)
      .toBe("5: darīts");

    const edit = await send("--user", "U0LOCAL03", "--edit", secretary, "14: cits teksts");
    expect(edit).toMatchObject({
      code: 1,
      out: "",
      err: lv.notAuthor("edit", secretary, "@sekretars"),
    });
    const del = await send(
      "--lang",
      "en",
      "--user",
      "U0LOCAL03",
      "--channel",
      CHANNEL,
      "--delete",
      anna,
    );
    expect(del).toMatchObject({ code: 1, out: "", err: en.notAuthor("delete", anna, "@anna") });

    // Nothing changed: the emulator kept both messages, the app stored both replies as they were.
    expect((await findReplyByMessage(app.db, CHANNEL, secretary))?.text).toBe(
      "14: apmācības notika",
    );
    expect((await findReplyByMessage(app.db, CHANNEL, anna))?.withdrawnAt).toBeNull();
    const history = (await send("--history")).out;
    expect(history).toContain("14: apmācības notika");
    expect(history).toContain("5: darīts");
    expect(history).not.toContain("cits teksts");

    // The author, named with --user or not, edits and deletes.
    const own = await send("--user", "U0LOCAL02", "--edit", anna, "14: darīts arī šis");
    expect(own.code).toBe(0);
    expect(own.out).toContain(lv.edited(anna, CHANNEL, 200));
    await expect
      .poll(async () => (await findReplyByMessage(app.db, CHANNEL, anna))?.text)
      .toBe("14: darīts arī šis");
    expect((await send("--delete", anna)).out).toBe(lv.deleted(anna, CHANNEL, 200));
    await expect
      .poll(async () => (await findReplyByMessage(app.db, CHANNEL, anna))?.withdrawnAt)
      .not.toBeNull();
  });
});
