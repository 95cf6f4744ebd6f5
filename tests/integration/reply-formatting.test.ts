/**
 * A reply as real Slack sends it — `&`, `<`, `>` escaped, a broadcast, a link and a person in
 * Slack's codes — through the real app (a signed Events API callback): it is stored exactly as
 * sent; `/task 14` and the working group's digest show it escaped once (R&amp;D, not
 * R&amp;amp;D) with the broadcast silenced; the annex (CSV and XLSX through `/export`) and
 * `cli replies` read it plainly: "R&D un 5 < 6", "@channel", "lm.gov.lv (https://evil.example)",
 * "@janis". Waits on log lines and the emulator's records, never on time.
 */
import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCutoff } from "../../db/cutoffs.ts";
import { findReplyByMessage, listNamedReplies } from "../../db/replies.ts";
import { userNames } from "../../src/cli/local-names.ts";
import { formatReplies } from "../../src/cli/replies.ts";
import { fixedClock } from "../../src/time.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { slashBlocks } from "../helpers/slash.ts";
import {
  PEOPLE,
  reminderThread,
  replySteps,
  startPeopleApp,
  type ThreadFixture,
} from "../replies/support.ts";
import { annexProgress, lastUpload } from "./support/annex.ts";

const WG = "C0WGFMT01";
const LM = "C0LMFMT01";
/** What Slack sends when Anna types "14: @channel skatīt [lm.gov.lv](…) un @janis — R&D un 5 < 6". */
const SENT =
  "14: <!channel> skatīt <https://evil.example/?a=1&amp;b=2|lm.gov.lv> un <@U0JANIS> — R&amp;D un 5 &lt; 6";
/** The same, read plainly, without the "14: " it was filed by. */
const PLAIN = "@channel skatīt lm.gov.lv (https://evil.example/?a=1&b=2) un @janis — R&D un 5 < 6";

const START = DateTime.utc().toISO() ?? "";
const clock = fixedClock(START);
let t: TestApp;
let logs: LogWatch;
let f: ThreadFixture;
let ts = "";

beforeAll(async () => {
  ({ t, logs } = await startPeopleApp({
    level: "debug",
    clock,
    secretaries: [PEOPLE.secretary],
    config: { workgroupChannelId: WG },
  }));
  t.emulator.addChannel({ id: WG, name: "darba-grupa" });
  f = await reminderThread(
    { db: t.app.db, emulator: t.emulator },
    { code: "LM", channel: LM, tasks: ["14"], now: START },
  );
  // Posted as Anna in the thread; waits until the app has stored it.
  ({ ts } = await replySteps(() => ({ t, logs }), LM).reply(f, SENT));
});
afterAll(async () => {
  await t?.stop();
});

/** The blocks of the app's answer to a slash command typed in the working group, as JSON. */
const slash = (command: string, text: string, userId: string) =>
  slashBlocks(t, command, text, userId, { channelId: WG, timeoutMs: 10_000 });

describe("a reply with Slack's escapes and codes", { timeout: 60_000 }, () => {
  it("is stored exactly as Slack sent it", async () => {
    const stored = await findReplyByMessage(t.app.db, LM, ts);
    expect(stored?.text).toBe(SENT);
    expect(stored?.taskId).not.toBeNull();
  });

  it("/task 14 shows it escaped once, its codes kept, the broadcast silenced", async () => {
    const blocks = await slash("/task", "14", PEOPLE.anna);
    expect(blocks).toContain(
      "@channel skatīt <https://evil.example/?a=1&amp;b=2|lm.gov.lv> un <@U0JANIS> — R&amp;D un 5 &lt; 6",
    );
    expect(blocks).not.toContain("&amp;amp;");
    expect(blocks).not.toContain("<!channel>");
  });

  it("the working group's digest shows it escaped once, the link's target visible", async () => {
    const before = t.emulator.messagesIn(WG).length;
    const seen = logs.lines.filter((l) => l.msg === "digest posted").length;
    clock.set(DateTime.fromISO(START).plus({ hours: 1 }).toISO() ?? "");
    const since = DateTime.fromISO(START).minus({ days: 2 }).toISODate() ?? "";
    await t.slack.command("/digest", `since ${since}`, {
      userId: PEOPLE.secretary,
      channelId: WG,
    });
    await logs.waitFor(
      (l) =>
        l.msg === "digest posted" &&
        logs.lines.filter((x) => x.msg === "digest posted").length > seen,
      20_000,
    );
    const posted = JSON.stringify(t.emulator.messagesIn(WG).slice(before));
    expect(posted).toContain(
      "@channel skatīt lm.gov.lv (<https://evil.example/?a=1&amp;b=2>) un <@U0JANIS> — R&amp;D un 5 &lt; 6",
    );
    expect(posted).not.toContain("&amp;amp;");
    expect(posted).not.toContain("<!channel>");
  });

  it("the annex reads it plainly, in CSV and XLSX, the person named", async () => {
    await slash("/export", `annex ${f.cutoffId} csv`, PEOPLE.secretary);
    const progress = annexProgress(lastUpload(t));
    expect(progress).toMatch(new RegExp(`^LM, \\d\\d\\.\\d\\d\\.\\d{4}\\.: ${escapeRe(PLAIN)}$`));

    await slash("/export", `annex ${f.cutoffId} xlsx`, PEOPLE.secretary);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(lastUpload(t) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]?.eachRow((r) => {
      r.eachCell((c) => {
        cells.push(String(c.value ?? ""));
      });
    });
    expect(cells.some((c) => c.endsWith(`: ${PLAIN}`))).toBe(true);
    expect(cells.join("\n")).not.toMatch(/&amp;|&lt;|<!channel>|<@U0JANIS>/);
  });

  it("cli replies reads it plainly", async () => {
    const cutoff = await findCutoff(t.app.db, f.cutoffId);
    if (!cutoff) throw new Error("no cut-off");
    const replies = await listNamedReplies(t.app.db, f.cutoffId);
    const names = await userNames(t.config, [PEOPLE.anna, PEOPLE.janis]);
    const listing = formatReplies(cutoff, replies, "Europe/Riga", "lv", names);
    // The excerpt is cut at 80 characters.
    expect(listing).toContain(PLAIN.slice(0, 79));
    expect(listing).not.toMatch(/&amp;|&lt;|<!channel>|<@U0JANIS>/);
  });
});

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
