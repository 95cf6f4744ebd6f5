/**
 * Replies whose task number is typed in another script's digits (a keyboard set to Arabic,
 * Persian or Hindi: "١٤: darīts", "۱۴: …", "१४: …"), as `/task ١٤` reads them since dcbd119:
 * the number is read as ASCII digits (src/domain/ascii-digits.ts), the reply is stored exactly
 * as typed and shown without its prefix, its own digits as typed. Through the real app: signed
 * Events API callbacks in, Web API calls out to the emulator, replies in the store. Waits on
 * the app's log lines, never on time.
 */
import { describe, expect, it } from "vitest";
import { findReplyByMessage, listNamedReplies } from "../../db/replies.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { PEOPLE, replySteps } from "../replies/support.ts";
import { findingsAppHooks } from "./support/findings.ts";
import { expectFiledUnder14 } from "./support/replies.ts";

let t: TestApp;
let logs: LogWatch;
findingsAppHooks((app) => ({ t, logs } = app));
const steps = replySteps(() => ({ t, logs }), "C0DIGIT");
const { thread } = steps;

describe("a reply numbered in another script's digits", { timeout: 120_000 }, () => {
  it.each([
    ["١٤: darīts", "darīts"],
    ["۱۴: ۳ līgumi noslēgti", "۳ līgumi noslēgti"],
    ["१४. punkts – izpildīts", "izpildīts"],
    ["𝟏𝟒: darīts 𝟐𝟎𝟐𝟔. gadā", "darīts 𝟐𝟎𝟐𝟔. gadā"],
  ])("%j is filed under task 14 without a note, stored as typed, shown as %j", (text, body) =>
    expectFiledUnder14(steps, text, body),
  );

  it("'١٤:' alone is only a task number: refused, nothing stored", async () => {
    const f = await thread(["5", "14"]);
    const { ts } = await t.slack.userMessage({
      channelId: f.channel,
      threadTs: f.threadTs,
      text: "١٤:",
      userId: PEOPLE.anna,
    });
    await logs.waitFor(
      (l) => l.msg === "reply refused" && l.ts === ts && l.reason === "number_only",
    );
    expect(await findReplyByMessage(t.app.db, f.channel, ts)).toBeUndefined();
    expect(await listNamedReplies(t.app.db, f.cutoffId)).toEqual([]);
  });
});
