/**
 * The tester's case through the real app: two replies arrive in a reminder thread, `/digest`
 * posts them to the working group; one reply is then edited in Slack and the other deleted
 * (signed message_changed / message_deleted events), and the next `/digest` says so: the
 * edited reply marked "labota <date>", the deleted one under "Atsauktās atbildes" without its
 * text. Waits on log lines, never on time.
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatInstant } from "../../src/slack/render-admin.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, PEOPLE, reminderThread, type ThreadFixture } from "../replies/support.ts";

const WG = "C0WG00002";
const LM = "C0LMDIG01";
// The emulator stamps messages (and so replies' received times) with the real time: the app's
// clock runs a few hours after it, so the digests, the edit and the deletion follow in order.
const hoursFromNow = (h: number) => DateTime.utc().plus({ hours: h }).toISO() ?? "";
const START = hoursFromNow(0);
const FIRST_AT = hoursFromNow(1);
const EDITED_AT = hoursFromNow(2);
const LATER_AT = hoursFromNow(3);
const clock = fixedClock(START);
let t: TestApp;
let logs: LogWatch;
let f: ThreadFixture;
const ts: Record<"done" | "wrong", string> = { done: "", wrong: "" };

beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({
    logger: logs.logger,
    clock,
    config: { secretaryUserIds: [PEOPLE.secretary], workgroupChannelId: WG },
  });
  addPeople(t.emulator);
  t.emulator.addChannel({ id: WG, name: "darba-grupa" });
  f = await reminderThread(
    { db: t.app.db, emulator: t.emulator },
    { code: "LM", channel: LM, tasks: ["2", "14"], now: START },
  );
  for (const [key, text] of [
    ["done", "14: 🎉 Gatavs — grozījumi pieņemti."],
    ["wrong", "2: Kļūdaini dati par 2026. gadu."],
  ] as const) {
    const sent = await t.slack.userMessage({
      channelId: LM,
      threadTs: f.threadTs,
      text,
      userId: PEOPLE.anna,
    });
    await logs.waitFor((l) => l.msg === "reply stored" && l.ts === sent.ts);
    ts[key] = sent.ts;
  }
});
afterAll(async () => {
  await t?.stop();
});

/**
 * Runs `/digest <text>` as the secretary and returns the text of every message then posted to
 * WG. Two `/digest`s a minute apart of the same window are one request (MANUAL_REPEAT_MS), so
 * the first names its window and the second does not.
 */
async function digest(text = ""): Promise<string> {
  const before = t.emulator.messagesIn(WG).length;
  const seen = logs.lines.filter((l) => l.msg === "digest posted").length;
  await t.slack.command("/digest", text, { userId: PEOPLE.secretary, channelId: WG });
  // The log keeps earlier lines: wait for one more "digest posted" than there was.
  await logs.waitFor(
    (l) =>
      l.msg === "digest posted" &&
      l.channel === WG &&
      logs.lines.filter((x) => x.msg === "digest posted").length > seen,
    20_000,
  );
  return t.emulator
    .messagesIn(WG)
    .slice(before)
    .map((m) => JSON.stringify(m.blocks ?? []))
    .join("\n")
    .replace(/\\n/g, "\n");
}

describe("edits and withdrawals reach the working group", () => {
  it("the first digest shows both replies and flags nothing", async () => {
    clock.set(FIRST_AT);
    const daysBefore = DateTime.fromISO(START).minus({ days: 2 }).toISODate() ?? "";
    const first = await digest(`since ${daysBefore}`);
    expect(first).toContain("Gatavs");
    expect(first).toContain("Kļūdaini dati");
    expect(first).not.toMatch(/labota|Atsauktās|Labotās/u);
  });

  it("the next digest marks the edited reply and lists the deleted one without its text", async () => {
    clock.set(EDITED_AT);
    await t.slack.event({
      type: "message",
      subtype: "message_changed",
      channel: LM,
      hidden: true,
      ts: "1900000000.000011",
      event_ts: "1900000000.000011",
      message: {
        type: "message",
        user: PEOPLE.anna,
        text: "14: Vēl nav gatavs — grozījumi atlikti.",
        ts: ts.done,
        thread_ts: f.threadTs,
        edited: { user: PEOPLE.anna, ts: "1900000000.000011" },
      },
      previous_message: { type: "message", user: PEOPLE.anna, text: "14: …", ts: ts.done },
    });
    await logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts.done);
    await t.slack.event({
      type: "message",
      subtype: "message_deleted",
      channel: LM,
      hidden: true,
      deleted_ts: ts.wrong,
      ts: "1900000000.000012",
      event_ts: "1900000000.000012",
      previous_message: { type: "message", user: PEOPLE.anna, text: "2: …", ts: ts.wrong },
    });
    await logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts.wrong);
    clock.set(LATER_AT);
    const later = await digest();
    const when = formatInstant(EDITED_AT, "Europe/Riga", "lv");
    expect(later).toContain("labotas atbildes: *1* · atsauktas atbildes: *1*");
    expect(later).toMatch(
      new RegExp(
        `\\*14\\* · \\*LM\\*[^\\n]*Vēl nav gatavs[^\\n]*_\\(labota ${when.replace(/\./g, "\\.")}\\)_`,
        "u",
      ),
    );
    expect(later).not.toContain("Gatavs —");
    expect(later).toContain("*Atsauktās atbildes (1)*\n• *2* · *LM* · atsaukta ");
    expect(later).not.toContain("Kļūdaini dati");
  });
});
