/**
 * A fresh user's finding, end to end against the app in local mode: `--history` lists the app's
 * later reminder inside a thread as `↳ <ts> [lietotne]`; answering with `--reply <that ts>` used
 * to post into a "thread of a thread" the app never saw. As in Slack, the answer now joins the
 * parent's thread: the app gets the root's thread_ts, stores the reply, `--history` shows it and
 * `/task 14` no longer says no reply came. A ts that names no message is refused in lv and en.
 */
import { describe, expect, it } from "vitest";
import { findReplyByMessage } from "../../db/replies.ts";
import { slackToolText } from "../../src/i18n/cli-slack.ts";
import type { Running } from "../../src/main.ts";
import { createJobWebClient } from "../../src/slack/web.ts";
import { localReminderThread, localSlackHooks, sendCli } from "../helpers/local-slack.ts";

const CHANNEL = "C0LOCAL01";
let app: Running;
let dataDir: string;
const [lv, en] = [slackToolText("lv"), slackToolText("en")];

const send = (...argv: string[]) => sendCli(dataDir, argv);

localSlackHooks((local) => ({ app, dataDir } = local));

describe("npm run slack --reply <a reply's ts>", { timeout: 60_000 }, () => {
  it("joins the parent's thread: the app stores the reply and /task 14 shows it", async () => {
    const root = await localReminderThread(app, dataDir, {
      channel: CHANNEL,
      text: "Atgādinājums: LM",
    });
    if (!app.emulator) throw new Error("local mode starts an emulator");
    // A later reminder in the thread, as the app posts it (a bot reply under the root).
    const bot = createJobWebClient(app.emulator.botToken, app.emulator.apiUrl);
    const later = String(
      (await bot.chat.postMessage({ channel: CHANNEL, text: "Atgādinām vēlreiz", thread_ts: root }))
        .ts,
    );
    expect((await send("--history")).out).toContain(`↳ ${later} [lietotne]`);

    const r = await send("--reply", later, "14: apmācības notika");
    expect(r.code).toBe(0);
    const ts = /Publicēts (\d+\.\d+)/u.exec(r.out)?.[1] ?? "";
    expect(r.out).toContain(lv.replyToReply(later, root));
    expect(r.out).toContain(lv.posted(ts, CHANNEL, root, 200));
    await expect
      .poll(async () => (await findReplyByMessage(app.db, CHANNEL, ts))?.text)
      .toBe("14: apmācības notika");
    const stored = app.emulator.messagesIn(CHANNEL).find((m) => m.ts === ts);
    expect(stored?.thread_ts).toBe(root);
    expect((await send("--history")).out).toContain(`↳ ${ts} `);
    const task = await send("/task 14");
    expect(task.out).toContain("apmācības notika");
  });

  it("a ts that names no message is refused, in Latvian and in English", async () => {
    const missing = "1234567890.000100";
    const lvRun = await send("--reply", missing, "14: izpildīts");
    expect(lvRun).toMatchObject({ code: 1, err: lv.noThread(missing, CHANNEL) });
    const enRun = await send("--lang", "en", "--reply", missing, "14: done");
    expect(enRun).toMatchObject({ code: 1, err: en.noThread(missing, CHANNEL) });
  });
});
