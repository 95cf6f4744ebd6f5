/**
 * `/task 14 history` as the README promises it: the reminders sent to the task's institutions,
 * each reply's edits, a reply moved to or away from the task (an edit naming another task), and
 * a withdrawn reply marked without its text. Signed Events API callbacks and slash commands in,
 * against the Slack emulator; waits on the app's log lines, never on time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCutoff, removeCutoff } from "../../db/cutoffs.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { markSending, markSent, upsertPlannedReminder } from "../../db/reminders.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { hideUrls } from "../helpers/links.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import { addPeople, PEOPLE, replySteps, type ThreadFixture } from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;
beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({ logger: logs.logger });
  addPeople(t.emulator);
});
afterAll(async () => {
  await t?.stop();
});
const { thread, reply, edit } = replySteps(() => ({ t, logs }), "C0HIST");

/** `/task <text>` through the signed endpoint, as text; its blocks within Slack's limits. */
const task = async (text: string, userId: string = PEOPLE.anna) =>
  hideUrls(await slashText(t, "/task", text, userId));

/** A reminder to the fixture's institution recorded as sent (as jobs/send-reminder.ts leaves it). */
async function sent(f: { cutoffId: number; institutionId: number }, at: string, ts: string) {
  const row = await upsertPlannedReminder(t.app.db, {
    cutoffId: f.cutoffId,
    institutionId: f.institutionId,
    kind: `before-PT${ts.replace(/\D/gu, "")}M`,
    scheduledAt: at,
    cutoffAt: "2099-01-01T00:00:00.000Z",
  });
  await markSending(t.app.db, row.id, "C0HISTX");
  await markSent(t.app.db, row.id, { channelId: "C0HISTX", messageTs: ts, at });
}

let changes = 0;
/** Slack's message_deleted for `ts`, waited for until handled. */
async function remove(f: ThreadFixture, ts: string) {
  changes++;
  const at = `1900000001.${String(changes).padStart(6, "0")}`;
  await t.slack.event({
    type: "message",
    subtype: "message_deleted",
    channel: f.channel,
    hidden: true,
    deleted_ts: ts,
    ts: at,
    event_ts: at,
    previous_message: { type: "message", user: PEOPLE.anna, text: "", ts },
  });
  await logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts);
}

describe("/task 14 history", () => {
  it("shows reminders sent, edits, a reply moved here and away, and a withdrawn reply without its text", async () => {
    const f = await thread(["2", "14"]);
    await sent(f, "2026-11-02T07:00:00.000Z", f.threadTs);
    // A removed cut-off's reminder is still history; another cut-off's (task 19 only) is not 14's.
    const removed = await thread(["14"]);
    await sent(removed, "2026-11-01T07:00:00.000Z", removed.threadTs);
    await removeCutoff(t.app.db, removed.cutoffId, "2026-11-03T00:00:00.000Z");
    const programme = await currentProgramme(t.app.db);
    const other = await insertCutoff(t.app.db, {
      programmeId: programme?.id ?? 0,
      at: "2099-02-01T00:00:00.000Z",
      title: "Tikai 19",
      taskNumbers: ["19"],
      createdBy: PEOPLE.secretary,
      createdAt: "2026-11-01T00:00:00.000Z",
    });
    await sent(
      { cutoffId: other.id, institutionId: f.institutionId },
      "2026-11-04T07:00:00.000Z",
      "1.1",
    );

    const edited = await reply(f, "14: pirmā versija");
    await edit(f, edited.ts, "14: pirmā versija", "14: labotā versija");
    const withdrawn = await reply(f, "14: slepens teksts");
    await remove(f, withdrawn.ts);
    const moved = await reply(f, "2: pārvietojamā atbilde");
    await edit(f, moved.ts, "2: pārvietojamā atbilde", "14: pārvietojamā atbilde");

    const text = await task("14 history");
    expect(text).toContain(
      `🔔 Atgādinājums institūcijai *LM* (#${f.cutoffId} „Informatīvais ziņojums MK”)`,
    );
    expect(text.match(/🔔 Atgādinājums/gu)).toHaveLength(2);
    expect(text).not.toContain("Tikai 19");
    expect(text).toContain(
      `✏️ *LM* atbilde labota (<@${PEOPLE.anna}>, #${f.cutoffId}, atvērt ziņu (…)): „pirmā versija” → „labotā versija”`,
    );
    expect(text).toContain("„labotā versija”");
    expect(text).toMatch(
      /↪️ \*LM\* atbilde \(<@\w+>, #\d+, saņemta \d\d\.\d\d\.\d{4}\., atvērt ziņu \(…\)\) pārvietota uz šo uzdevumu no uzdevuma 2, labojot tekstu: „2: pārvietojamā atbilde” → „14: pārvietojamā atbilde”$/mu,
    );
    // Moved by its author (an edit): named once, not again as who moved it.
    const movedLine = text.split("\n").find((l) => l.includes("no uzdevuma 2")) ?? "";
    expect(movedLine.split(`<@${PEOPLE.anna}>`)).toHaveLength(2);
    expect(movedLine).not.toContain("; pārvietoja");
    expect(text).toContain(
      `💬 *LM* (<@${PEOPLE.anna}>, #${f.cutoffId}) _(atsaukta – teksts netiek rādīts)_`,
    );
    // Its deletion is a dated line of its own (when it was deleted), without a link.
    expect(text).toMatch(
      new RegExp(
        `^\\*[^*]+\\* 🗑️ \\*LM\\* atbilde dzēsta un atsaukta \\(<@${PEOPLE.anna}>, #${f.cutoffId}, saņemta [\\d.]+\\)$`,
        "mu",
      ),
    );
    expect(text).not.toContain("slepens");

    // A reply's link stands beside its author, never after its text (as `/task N` has it: a
    // fresh user's finding, „…” atvērt (…)); a reminder's, with no text, ends its line.
    expect(text).not.toMatch(/[”“] (?:atvērt|open)/u);
    expect(text).toMatch(
      /🔔 Atgādinājums institūcijai \*LM\* \(#\d+ „Informatīvais ziņojums MK”\) atvērt \(…\)/u,
    );
    const away = await task("2 history");
    expect(away).toMatch(
      /↪️ \*LM\* atbilde \(<@\w+>, #\d+, saņemta [\d.]+, atvērt ziņu \(…\)\) pārvietota uz uzdevumu 14: „pārvietojamā atbilde”/u,
    );

    await chooseLanguage(t, PEOPLE.janis, "en");
    const english = await task("14 history", PEOPLE.janis);
    expect(english).toContain("🔔 Reminder to *LM*");
    expect(english).toContain("*LM* reply edited");
    expect(english).toContain(
      "moved here from task 2 by an edit: “2: pārvietojamā atbilde” → “14: pārvietojamā atbilde”",
    );
    expect(english).toContain("_(withdrawn – the text is not shown)_");
    expect(english).toContain(
      `🗑️ *LM* reply deleted and withdrawn (<@${PEOPLE.anna}>, #${f.cutoffId}`,
    );
  });

  it("pages a long history within Slack's limits (the newer/older buttons stay)", async () => {
    const f = await thread(["19"]);
    for (let i = 0; i < 25; i++)
      await sent(f, `2026-10-${String(i + 1).padStart(2, "0")}T07:00:00.000Z`, `2.${i}`);
    const first = await task("19 history");
    expect(first).toContain("1. lapa no");
    expect(first).toContain("Vecāki ieraksti");
  });
});
