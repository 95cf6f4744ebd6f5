/**
 * Replies carrying invisible characters a copy and paste brings along (a fresh user's finding:
 * "14:" + U+200B was stored as the answer to task 14, cancelling its reminders and filling the
 * annex with an empty reply; "U+200B 14: …" was left without a task). Through the real app:
 * signed Events API callbacks in, Web API calls out to the emulator, replies in the store. A
 * reply is read as it looks (src/domain/visible-text.ts), and stored as it was typed.
 * Waits on the app's log lines, never on time.
 */
import { describe, expect, it } from "vitest";
import { findReplyByMessage, listNamedReplies } from "../../db/replies.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { PEOPLE, replySteps, type ThreadFixture } from "../replies/support.ts";
import { findingsAppHooks } from "./support/findings.ts";

let t: TestApp;
let logs: LogWatch;
findingsAppHooks((app) => ({ t, logs } = app));
const { thread, reply, taskOf } = replySteps(() => ({ t, logs }), "C0INVIS");

/** Posts `text` as anna in the thread and waits until the app refused it for `reason`. */
async function refused(f: ThreadFixture, text: string, reason: string): Promise<string> {
  const { ts } = await t.slack.userMessage({
    channelId: f.channel,
    threadTs: f.threadTs,
    text,
    userId: PEOPLE.anna,
  });
  await logs.waitFor((l) => l.msg === "reply refused" && l.ts === ts && l.reason === reason);
  return ts;
}

describe("a reply with invisible characters", { timeout: 120_000 }, () => {
  it.each([["14:\u200b"], ["14:\u00a0\u200b"], ["\ufeff14:\u2060"]])(
    "%j is only a task number: refused, nothing stored",
    async (text) => {
      const f = await thread(["5", "14"]);
      const ts = await refused(f, text, "number_only");
      expect(await findReplyByMessage(t.app.db, f.channel, ts)).toBeUndefined();
      expect(await listNamedReplies(t.app.db, f.cutoffId)).toEqual([]);
    },
  );

  it("a zero-width space before '14: …' files it under 14, its text kept as typed", async () => {
    const f = await thread(["5", "14"]);
    const typed = "\u200b14: ar neredzamu zīmi";
    const { ts, stored } = await reply(f, typed);
    expect(await taskOf(f, ts)).toBe("14");
    expect(stored?.text).toBe(typed);
  });

  it("a message of invisible characters only is not stored (logged as refused, 'empty')", async () => {
    const f = await thread(["5"]);
    const ts = await refused(f, "\u200b\u00a0", "empty");
    expect(await findReplyByMessage(t.app.db, f.channel, ts)).toBeUndefined();
  });
});
