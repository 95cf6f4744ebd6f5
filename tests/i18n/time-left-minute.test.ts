/**
 * A follow-up reminder's time left at the minute's boundary: under a minute left but rounded up
 * to 60 seconds, it reads "vēl 1 minūte", never "vēl 60 sekundes" (a fresh user's finding).
 */
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

describe("follow-up reminder: time left around one minute", () => {
  it.each([
    // 59.5 s left: rounded up to 60 seconds, read as a minute.
    ["2027-02-01T21:58:59.500Z", "vēl 1 minūte.", "1 minute left"],
    ["2027-02-01T21:58:59.000Z", "vēl 1 minūte.", "1 minute left"],
    ["2027-02-01T21:59:00.000Z", "vēl 59 sekundes.", "59 seconds left"],
  ])("%s → %s / %s", (now, lv, en) => {
    expect(shown(now, "lv")).toContain(lv);
    expect(shown(now, "en")).toContain(en);
    expect(shown(now, "lv")).not.toContain("60 sekundes");
  });
});
