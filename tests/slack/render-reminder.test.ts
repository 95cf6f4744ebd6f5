import { describe, expect, it } from "vitest";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { type ReminderModel, renderReminder } from "../../src/slack/render-reminder.ts";

const followUp = (now: string): ReminderModel => ({
  cutoffId: 1,
  cutoffAt: "2027-02-01T21:59:59.000Z",
  cutoffTitle: "Informatīvais ziņojums MK",
  institution: { id: 1, code: "LM", name: "Labklājības ministrija" },
  mentions: ["U0ANNA"],
  tasks: [
    {
      number: "5",
      title: "Grozījumi",
      deadline: { text: "2010.gads", due: "2010-12-31", recurrence: null },
      status: null,
      lastReply: null,
    },
  ],
  stage: "follow_up",
  now,
});

const shown = (now: string, locale: "lv" | "en") =>
  blocksToText(renderReminder(followUp(now), locale, "Europe/Riga").blocks);

describe("follow-up reminder: time left until the cut-off", () => {
  it.each([
    // 14 days and ~15 hours before: whole days left, never rounded up.
    ["2027-01-18T07:00:00.000Z", "vēl 14 dien", "14 days left"],
    ["2027-01-31T07:00:00.000Z", "vēl 1 diena", "1 day left"],
    ["2027-02-01T19:30:00.000Z", "vēl 2 stundas", "2 hours left"],
    // Ten seconds before: seconds, not "1 minute".
    ["2027-02-01T21:59:49.000Z", "vēl 10 sekun", "10 seconds left"],
  ])("%s → %s / %s", (now, lv, en) => {
    expect(shown(now, "lv")).toContain(lv);
    expect(shown(now, "en")).toContain(en);
  });
});
