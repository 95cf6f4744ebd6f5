/**
 * The tester's case through the real app: two replies arrive in a reminder thread, `/digest`
 * posts them to the working group; one reply is then edited in Slack and the other deleted
 * (signed message_changed / message_deleted events), and the next `/digest` says so: the
 * edited reply marked "labota <date>", the deleted one under "Atsauktās atbildes" without its
 * text. Waits on log lines, never on time.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatInstant } from "../../src/slack/render-admin.ts";
import { PEOPLE } from "../replies/support.ts";
import { digestAppSuite } from "./app-support.ts";

const LM = "C0LMDIG01";
// Two `/digest`s a minute apart of the same window are one request (MANUAL_REPEAT_MS), so the
// first names its window and the second does not.
const w = digestAppSuite({
  wg: "C0WG00002",
  lm: LM,
  tasks: ["2", "14"],
  replies: [
    ["done", "14: 🎉 Gatavs — grozījumi pieņemti."],
    ["wrong", "2: Kļūdaini dati par 2026. gadu."],
  ],
});
const { clock, ts, digest } = w;
const { START, FIRST_AT, EDITED_AT, LATER_AT } = w.times;

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
    await w.t.slack.event({
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
        thread_ts: w.f.threadTs,
        edited: { user: PEOPLE.anna, ts: "1900000000.000011" },
      },
      previous_message: { type: "message", user: PEOPLE.anna, text: "14: …", ts: ts.done },
    });
    await w.logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts.done);
    await w.t.slack.event({
      type: "message",
      subtype: "message_deleted",
      channel: LM,
      hidden: true,
      deleted_ts: ts.wrong,
      ts: "1900000000.000012",
      event_ts: "1900000000.000012",
      previous_message: { type: "message", user: PEOPLE.anna, text: "2: …", ts: ts.wrong },
    });
    await w.logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts.wrong);
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
