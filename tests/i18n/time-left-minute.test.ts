/**
 * A follow-up reminder's time left: the seconds left rounded up, read as `/cutoff plan` reads the
 * offset (kindLabel): 59.5 s → "vēl 1 minūte", never "vēl 60 sekundes"; 90 s (REMINDER_OFFSETS
 * PT90S) → "vēl 1 minūte un 30 sekundes", as the plan's "1 minūte un 30 sekundes pirms termiņa"
 * (fresh users' findings).
 */
import { describe, expect, it } from "vitest";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { kindLabel } from "../../src/slack/render-cutoff.ts";
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
    ["2027-02-01T21:58:29.000Z", "vēl 1 minūte un 30 sekundes.", "1 minute and 30 seconds left"],
    // 89.7 s left: rounded up to 90 seconds.
    ["2027-02-01T21:58:29.300Z", "vēl 1 minūte un 30 sekundes.", "1 minute and 30 seconds left"],
    ["2027-02-01T21:58:00.000Z", "vēl 1 minūte un 59 sekundes.", "1 minute and 59 seconds left"],
    ["2027-02-01T20:29:59.000Z", "vēl 1 stunda un 30 minūtes.", "1 hour and 30 minutes left"],
    // 1 hour, 30 minutes and 10 seconds: the two largest units, never more than is left.
    ["2027-02-01T20:29:49.000Z", "vēl 1 stunda un 30 minūtes.", "1 hour and 30 minutes left"],
    ["2027-01-18T21:59:59.000Z", "vēl 14 dienas.", "14 days left"],
  ])("%s → %s / %s", (now, lv, en) => {
    expect(shown(now, "lv")).toContain(lv);
    expect(shown(now, "en")).toContain(en);
    expect(shown(now, "lv")).not.toContain("60 sekundes");
  });
});

describe("follow-up reminder: time left as the plan reads the offset", () => {
  it.each([
    ["PT90S", "2027-02-01T21:58:29.000Z"],
    ["PT3M", "2027-02-01T21:56:59.000Z"],
    ["PT1H30M", "2027-02-01T20:29:59.000Z"],
    ["P14D", "2027-01-18T21:59:59.000Z"],
  ])("before-%s at %s", (offset, now) => {
    for (const locale of ["lv", "en"] as const) {
      const planned = kindLabel(`before-${offset}`, locale)
        .replace(/ pirms termiņa$/u, "")
        .replace(/ before$/u, "");
      expect(shown(now, locale)).toContain(locale === "lv" ? `vēl ${planned}.` : `${planned} left`);
    }
  });
});
