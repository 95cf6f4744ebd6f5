/**
 * `/task 14 history` shows a reply as real Slack sends it — `&`, `<`, `>` escaped, a broadcast
 * and links in Slack's codes — escaped once, its links kept as Slack's codes (so they open), and
 * no broadcast code sent. A signed Events API callback and the signed slash command endpoint,
 * against the Slack emulator; waits on log lines, never on time.
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, PEOPLE, reminderThread, type ThreadFixture } from "../replies/support.ts";

const LM = "C0LMHFMT1";
/**
 * What Slack sends when Anna types "14: Likums & noteikumi <grozījumi> a>b @channel sk.
 * https://likumi.lv/ta/id/123 un [VM lapa](https://vm.gov.lv)".
 */
const SENT =
  "14: Likums &amp; noteikumi &lt;grozījumi&gt; a&gt;b <!channel> sk. <https://likumi.lv/ta/id/123> un <https://vm.gov.lv|VM lapa>";

const START = DateTime.utc().toISO() ?? "";
let t: TestApp;
let logs: LogWatch;
let f: ThreadFixture;

beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({ logger: logs.logger, clock: fixedClock(START) });
  addPeople(t.emulator);
  f = await reminderThread(
    { db: t.app.db, emulator: t.emulator },
    { code: "LM", channel: LM, tasks: ["14"], now: START },
  );
  const sent = await t.slack.userMessage({
    channelId: LM,
    threadTs: f.threadTs,
    text: SENT,
    userId: PEOPLE.anna,
  });
  await logs.waitFor((l) => l.msg === "reply stored" && l.ts === sent.ts);
});
afterAll(async () => {
  await t?.stop();
});

type Answer = { blocks?: unknown[] };

/** The blocks of the app's answer to `/task <text>`, as JSON. */
async function task(text: string): Promise<string> {
  const res = await t.slack.command("/task", text, { userId: PEOPLE.anna, channelId: LM });
  expect(res.status).toBe(200);
  let body = res.body as Answer | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as Answer;
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return JSON.stringify(body.blocks);
}

describe("/task 14 history with a reply in Slack's escapes and codes", { timeout: 60_000 }, () => {
  it("shows the text escaped once, its links live, no broadcast code", async () => {
    const blocks = await task("14 history");
    expect(blocks).toContain(
      "Likums &amp; noteikumi &lt;grozījumi&gt; a&gt;b @channel sk. <https://likumi.lv/ta/id/123> un <https://vm.gov.lv|VM lapa>",
    );
    expect(blocks).not.toContain("&amp;amp;");
    expect(blocks).not.toContain("&amp;lt;");
    expect(blocks).not.toContain("&lt;https://");
    expect(blocks).not.toContain("<!channel>");
  });
});
