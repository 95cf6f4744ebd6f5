/**
 * `npm run slack`'s ways around the local Slack's dead ends, against the real app in local
 * mode: `--add-channel`/`--add-user` make a second institution channel and person; `--edit` and
 * `--delete` change a reply as its author does (the app gets Slack's signed message_changed /
 * message_deleted); "task 14" without the slash gets a hint; `--history --channel D0LOCAL01`
 * before the app's first direct message says there are no messages yet.
 */
import { describe, expect, it } from "vitest";
import { findReplyByMessage } from "../../db/replies.ts";
import { LOCAL_USER_ID } from "../../src/config.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import { slackToolText } from "../../src/i18n/cli-slack.ts";
import type { Running } from "../../src/main.ts";
import { localSlackHooks, postLocalReminder, sendCli } from "../helpers/local-slack.ts";

const CHANNEL = "C0LOCAL01";
let app: Running;
let emulator: Emulator;
let dataDir: string;
const lv = slackToolText("lv");

const send = (...argv: string[]) => sendCli(dataDir, argv);

localSlackHooks((local) => ({ app, emulator, dataDir } = local));

describe("npm run slack: the local Slack's dead ends", { timeout: 60_000 }, () => {
  it('"task 14" without the slash: "did you mean /task 14?" first, then the usage', async () => {
    const r = await send("task 14");
    expect(r.code).toBe(2);
    expect(r.err.startsWith(lv.slashHint("/task 14"))).toBe(true);
    expect(r.err).toContain(lv.usage);
    // Words that are no command get the usage alone.
    expect((await send("sveiki")).err).not.toContain("/sveiki");
  });

  it("--reply with an empty text: says it is empty, sends nothing, then the usage", async () => {
    const before = emulator.messagesIn(CHANNEL).length;
    const r = await send("--reply", "1700000000.000100", "  ");
    expect(r.code).toBe(2);
    expect(r.err.startsWith(lv.emptyReply)).toBe(true);
    expect(r.err).toContain(lv.replyUsage);
    expect(emulator.messagesIn(CHANNEL).length).toBe(before);
  });

  it("--history --channel D0LOCAL01 before any direct message: no messages yet, not 'no channel'", async () => {
    const dm = `D${LOCAL_USER_ID.slice(1)}`;
    const r = await send("--history", "--channel", dm);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toBe(lv.noDirectMessagesYet(dm));
    // A channel that is not there at all is still named as such.
    expect((await send("--history", "--channel", "DNOPE01")).err).toContain("nav kanāla DNOPE01");
  });

  it("--add-channel and --add-user: a second institution channel the app is in, a second person", async () => {
    const channel = await send("--add-channel", "#IEM darba grupa");
    expect(channel).toMatchObject({
      code: 0,
      out: lv.channelAdded("C0LOCAL02", "iem-darba-grupa"),
    });
    const user = await send("--add-user", "anna");
    expect(user).toMatchObject({ code: 0, out: lv.userAdded("U0LOCAL02", "anna") });
    const set = await send("/institution set IEM <#C0LOCAL02> <@U0LOCAL02>");
    expect(set.out).toContain("kanāls #iem-darba-grupa");
    expect(set.out).not.toContain("⚠️");
    expect(emulator.channel("C0LOCAL02")?.botIsMember).toBe(true);
    expect((await send("--add-channel", "otrs")).out).toContain("C0LOCAL03");
    // Typed as the README's overview writes it: the names arrive as Slack sends them.
    const typed = await send("/institution set IEM #iem-darba-grupa @anna");
    expect(typed.out).toContain("kanāls #iem-darba-grupa");
    expect(typed.out).not.toContain("nav Slack kanāla saite");
  });

  it("--edit and --delete: Slack's events reach the app, the reply is edited, then withdrawn", async () => {
    expect((await send(`/institution set LM <#${CHANNEL}> <@${LOCAL_USER_ID}>`)).code).toBe(0);
    const year = new Date().getUTCFullYear() + 1;
    await send(`/cutoff add ${year}-02-01 --tasks 5,14 Pārbaude`);
    const cutoff = await app.db
      .selectFrom("cutoffs")
      .select("id")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const root = await postLocalReminder(app, {
      channel: CHANNEL,
      cutoffId: cutoff.id,
      text: "Atgādinājums: LM",
    });
    const posted = await send("--reply", root, "5: pirmais teksts");
    const ts = /(\d+\.\d+)/u.exec(posted.out)?.[1] ?? "";
    expect((await findReplyByMessage(app.db, CHANNEL, ts))?.text).toBe("5: pirmais teksts");

    // Typed as a person types it: Slack's client sends & and < escaped, so the app stores that.
    const edited = await send("--edit", ts, "14: labotais teksts, R&D < 6");
    // Then, as --reply does, what the edit made the app show only to its author.
    expect(edited).toMatchObject({
      code: 0,
      out: [
        lv.edited(ts, CHANNEL, 200),
        "  ↳ [lietotne, redzams tikai @sekretars]",
        "    Jūsu labotā atbilde tagad pievienota uzdevumam *14* (līdz šim: *5*).",
      ].join("\n"),
    });
    await expect
      .poll(async () => (await findReplyByMessage(app.db, CHANNEL, ts))?.text)
      .toBe("14: labotais teksts, R&amp;D &lt; 6");
    expect((await send("--history")).out).toContain("14: labotais teksts, R&D < 6");
    // The edit that moved the reply is told with the move, its text before and after.
    expect((await send("/task 14 history")).out).toContain(
      "pārvietota uz šo uzdevumu no uzdevuma 5, labojot tekstu: „5: pirmais teksts” → „14: labotais teksts, R&D < 6”",
    );

    expect((await send("--edit", root, "x")).err).toBe(lv.notAPersonsMessage(root));
    expect((await send("--edit", ts)).code).toBe(2);

    const deleted = await send("--delete", ts);
    expect(deleted).toMatchObject({ code: 0, out: lv.deleted(ts, CHANNEL, 200) });
    await expect
      .poll(async () => (await findReplyByMessage(app.db, CHANNEL, ts))?.withdrawnAt)
      .not.toBeNull();
    // The deleted message is gone from the thread at once; the root, which refresh-root
    // rewrote after the edit with task 14's last reply, drops it on the refresh the deletion
    // queued (about 3 s later).
    expect((await send("--history")).out).not.toContain(`↳ ${ts} `);
    await expect
      .poll(async () => (await send("--history")).out, { timeout: 20_000, interval: 200 })
      .not.toContain("labotais teksts");
    expect((await send("--delete", ts)).err).toBe(lv.noThread(ts, CHANNEL));
  });
});
