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
    // Ten seconds before: seconds, not "1 minute"; after "vēl" the nominative, not "sekunžu".
    ["2027-02-01T21:59:49.000Z", "vēl 10 sekundes.", "10 seconds left"],
    ["2027-02-01T21:59:38.000Z", "vēl 21 sekunde.", "21 seconds left"],
    ["2027-02-01T21:59:58.000Z", "vēl 1 sekunde.", "1 second left"],
    ["2027-02-01T21:48:59.000Z", "vēl 11 minūtes.", "11 minutes left"],
    ["2027-02-01T21:29:59.000Z", "vēl 30 minūtes.", "30 minutes left"],
    ["2027-01-11T21:59:59.000Z", "vēl 21 diena.", "21 days left"],
    ["2027-01-21T21:59:59.000Z", "vēl 11 dienas.", "11 days left"],
    ["2027-02-01T01:59:59.000Z", "vēl 20 stundas.", "20 hours left"],
  ])("%s → %s / %s", (now, lv, en) => {
    expect(shown(now, "lv")).toContain(lv);
    expect(shown(now, "en")).toContain(en);
  });
});

describe("reminder: the cut-off and the last reply's day", () => {
  it("are written as everywhere else in Slack (format.ts)", () => {
    const model: ReminderModel = {
      ...followUp("2027-01-18T07:00:00.000Z"),
      stage: "first",
      tasks: [
        {
          number: "5",
          title: "Grozījumi",
          deadline: { text: "2010.gads", due: "2010-12-31", recurrence: null },
          status: null,
          lastReply: {
            text: "pieņemts",
            userId: "U0ANNA",
            at: "2027-01-14T22:30:00.000Z",
            verified: true,
          },
        },
      ],
    };
    const lv = blocksToText(renderReminder(model, "lv", "Europe/Riga").blocks);
    expect(lv).toContain("līdz *pirmd. 01.02.2027. 23:59*");
    expect(lv).toContain("Pēdējā atbilde (15.01.2027.,");
    const en = blocksToText(renderReminder(model, "en", "Europe/Riga").blocks);
    expect(en).toContain("by *Mon 1 Feb 2027 23:59*");
    expect(en).toContain("Last reply (15 Jan 2027,");
  });
});

describe("reminder: the last reply", () => {
  it("drops the task number it was attributed by, as /task and the annex do", () => {
    const model: ReminderModel = {
      ...followUp("2027-01-18T07:00:00.000Z"),
      stage: "first",
      tasks: ["14: grozījumi pieņemti", "*14*. Mācību programma papildināta"].map((text) => ({
        number: "14",
        title: "Uzlabot",
        deadline: { text: "2010.gads", due: "2010-12-31", recurrence: null },
        status: null,
        lastReply: { text, userId: "U0ANNA", at: "2027-01-14T22:30:00.000Z", verified: true },
      })),
    };
    const lv = blocksToText(renderReminder(model, "lv", "Europe/Riga").blocks);
    expect(lv).toContain("<@U0ANNA>): grozījumi pieņemti");
    expect(lv).toContain("<@U0ANNA>): Mācību programma papildināta");
    expect(lv).not.toContain("14: grozījumi");
    expect(lv).not.toContain("*14*. Mācību");
  });
});
