/**
 * `npm run slack -- --history` and `--reply` against the real app in local mode, as a person
 * trying it reads them: a channel the local Slack lacks is named as such (not "no messages"),
 * people read as @name (the local Slack's users), the tool's own lines follow DEFAULT_LOCALE or
 * --lang, and the note the app sends a non-contact by direct message (they are not in the
 * channel, so Slack refuses an ephemeral there) is printed as the ephemerals are.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_USER_ID } from "../../src/config.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import { slackToolText } from "../../src/i18n/cli-slack.ts";
import type { Running } from "../../src/main.ts";
import { createJobWebClient } from "../../src/slack/web.ts";
import { localReminderThread, sendCli, startLocalSlack } from "../helpers/local-slack.ts";

const CHANNEL = "C0LOCAL01";
const OUTSIDER = "U0OUTSIDE1";
let app: Running;
let emulator: Emulator;
let dataDir: string;

const send = (...argv: string[]) => sendCli(dataDir, argv);

/** A reminder thread for LM (tasks 5 and 14, contact: the local user) in the local channel. */
const reminderThread = () =>
  localReminderThread(app, dataDir, {
    channel: CHANNEL,
    text: `Atgādinājums: LM <@${LOCAL_USER_ID}>`,
  });

beforeAll(async () => {
  ({ app, emulator, dataDir } = await startLocalSlack());
  // A member of the workspace who is not in the channel (--user refuses people Slack lacks).
  emulator.addUser({ id: OUTSIDER, name: OUTSIDER.toLowerCase(), locale: "lv-LV" });
});
afterAll(async () => {
  await app?.stop();
});

describe("npm run slack --history and --reply", { timeout: 60_000 }, () => {
  it("an unknown --channel is not found, in the tool's language; not '(no messages)'", async () => {
    const lv = await send("--history", "--channel", "CNOPE");
    expect(lv).toMatchObject({ code: 1, out: "" });
    expect(lv.err).toBe(slackToolText("lv").noChannel("CNOPE", CHANNEL, "D0LOCAL01"));
    const en = await send("--history", "--channel", "CNOPE", "--lang", "en");
    expect(en.code).toBe(1);
    expect(en.err).toContain("The local Slack has no channel CNOPE.");
    expect((await send("--reply", "1.2", "x", "--channel", "CNOPE")).code).toBe(1);
  });

  it("an existing but empty channel still says it has no messages", async () => {
    emulator.addChannel({ id: "C0EMPTY01", name: "tukss" });
    expect(await send("--history", "--channel", "C0EMPTY01")).toMatchObject({
      code: 0,
      out: "(ziņu nav)",
    });
  });

  it("the non-contact's unverified note, sent by DM, is printed; people read as @name", async () => {
    const root = await reminderThread();
    const reply = await send("--reply", root, "14: darām", "--user", OUTSIDER);
    expect(reply.code, reply.err).toBe(0);
    // A user the local Slack was told only the ID of is named as Slack names one: lower case.
    expect(reply.out).toContain(`↳ [lietotne, tiešā ziņa lietotājam @${OUTSIDER.toLowerCase()}]`);
    expect(reply.out).toContain("atzīmēta kā *nepārbaudīta*");
    expect(reply.out).toContain("Tās kontaktpersonas: @sekretars.");
    expect(reply.out).not.toContain("<@");

    // The reply queues refresh-root, which rewrites the root (chat.update) about 3 s later: read
    // the history once it has, so the root is the app's reminder whatever the machine's speed.
    await expect
      .poll(() => emulator.calls.some((c) => c.method === "chat.update" && c.args.ts === root), {
        timeout: 20_000,
        interval: 100,
      })
      .toBe(true);
    const history = await send("--history", "--lang", "en");
    expect(history.code).toBe(0);
    const rootShown = history.out.split(`── ${root} [app]\n`)[1]?.split("\n  ↳")[0];
    expect(rootShown, history.out).toContain("@sekretars");
    expect(history.out).toContain(`@${OUTSIDER.toLowerCase()}`);
    expect(history.out).not.toContain("<@");
  });

  it("--reply sends typed text as Slack's client does; --history reads it back as typed", async () => {
    const root = await reminderThread();
    emulator.addUser({ id: "U0LOCAL02", name: "anna.liepa" });
    const typed = "14: R&D un 5 < 6 > 2, @channel skatīt https://lm.gov.lv/a?x=1&y=2. @anna.liepa";
    const reply = await send("--reply", root, typed);
    expect(reply.code, reply.err).toBe(0);
    // What the app was sent and the local Slack keeps: Slack's escapes and codes.
    const stored = emulator
      .messagesIn(CHANNEL)
      .filter((m) => m.thread_ts === root && m.user === LOCAL_USER_ID)
      .at(-1);
    expect(stored?.text).toBe(
      "14: R&amp;D un 5 &lt; 6 &gt; 2, <!channel> skatīt <https://lm.gov.lv/a?x=1&amp;y=2>. <@U0LOCAL02>",
    );
    const history = await send("--history");
    expect(history.out).toContain(
      "14: R&D un 5 < 6 > 2, @channel skatīt https://lm.gov.lv/a?x=1&y=2. @anna.liepa",
    );
  });

  it("prints only the DM this reply caused, not another one reaching the person meanwhile", async () => {
    const root = await reminderThread();
    const bot = createJobWebClient(emulator.botToken, emulator.apiUrl);
    // An older note (say, a secretary's summary) delivered to the same person while the CLI
    // waits for the app's answer to the reply: after the send started, but not caused by it.
    const text = "14: otrreiz";
    const unrelated = (async () => {
      const until = Date.now() + 10_000;
      while (!emulator.messagesIn(CHANNEL).some((m) => m.text === text) && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const dm = await bot.conversations.open({ users: OUTSIDER });
      await bot.chat.postMessage({
        channel: dm.channel?.id ?? "",
        text: "Vecāka ziņa: kopsavilkums",
      });
    })();
    const reply = await send("--reply", root, text, "--user", OUTSIDER);
    await unrelated;
    expect(reply.code, reply.err).toBe(0);
    expect(reply.out).not.toContain("Vecāka ziņa");
    // The app's own note, which went by DM as the ephemeral was refused, is still printed, once.
    expect(reply.out.match(/tiešā ziņa lietotājam/g)).toHaveLength(1);
    expect(reply.out).toContain("atzīmēta kā *nepārbaudīta*");
    // The other DM did arrive: it is just not this reply's.
    const dms = emulator.calls.filter(
      (c) => c.method === "chat.postMessage" && c.args.text === "Vecāka ziņa: kopsavilkums",
    );
    expect(dms).toHaveLength(1);
  });
});
