/**
 * Fresh-user finding: `npm run slack -- --edit <ts> … --channel darba-grupa` (and `--delete`)
 * said there was no such message in "darba-grupa": the channel was taken only by its ID, while a
 * command's `--channel` takes a name or `#name` too (4b36d51). Now both take the same forms and
 * refuse a channel the local Slack lacks with the same words (exit 2), lv and en. Against the real
 * app in local mode and its emulator.
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

describe("npm run slack --edit / --delete --channel by name", { timeout: 60_000 }, () => {
  it("takes darba-grupa and #darba-grupa as C0LOCAL01; an unknown one is refused", async () => {
    const root = await localReminderThread(app, dataDir, {
      channel: CHANNEL,
      text: "Atgādinājums: LM",
    });
    const ts = postedTs((await send("--reply", root, "14: apmācības notika")).out);
    await expect
      .poll(async () => (await findReplyByMessage(app.db, CHANNEL, ts))?.text)
      .toBe("14: apmācības notika");

    const edit = await send("--channel", "darba-grupa", "--edit", ts, "14: labots");
    expect(edit.code).toBe(0);
    expect(edit.out).toContain(lv.edited(ts, CHANNEL, 200));
    await expect
      .poll(async () => (await findReplyByMessage(app.db, CHANNEL, ts))?.text)
      .toBe("14: labots");

    // The same words a command's unknown --channel gets, naming the channels and one's own DM.
    const before = await send("--channel", "nav-tada", "/institution");
    const unknown = await send("--channel", "nav-tada", "--edit", ts, "14: cits");
    expect(unknown).toMatchObject({ code: 2, out: "", err: before.err });
    expect(unknown.err).toBe(
      lv.unknownChannel("nav-tada", "#darba-grupa (C0LOCAL01)", "D0LOCAL01"),
    );
    const enUnknown = await send("--lang", "en", "--channel", "#nav-tada", "--delete", ts);
    expect(enUnknown).toMatchObject({
      code: 2,
      out: "",
      err: en.unknownChannel("#nav-tada", "#darba-grupa (C0LOCAL01)", "D0LOCAL01"),
    });
    expect((await findReplyByMessage(app.db, CHANNEL, ts))?.text).toBe("14: labots");

    const del = await send("--lang", "en", "--channel", "#darba-grupa", "--delete", ts);
    expect(del.code).toBe(0);
    expect(del.out).toContain(en.deleted(ts, CHANNEL, 200));
    await expect
      .poll(async () => (await findReplyByMessage(app.db, CHANNEL, ts))?.withdrawnAt)
      .not.toBeNull();
  });
});
