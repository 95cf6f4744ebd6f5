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
    // 14 days, 14 hours and 59:59 before: the two largest units, the rest dropped, never rounded up.
    ["2027-01-18T07:00:00.000Z", "vēl 14 dienas un 14 stundas.", "14 days and 14 hours left"],
    ["2027-01-31T07:00:00.000Z", "vēl 1 diena un 14 stundas.", "1 day and 14 hours left"],
    ["2027-02-01T19:30:00.000Z", "vēl 2 stundas un 29 minūtes.", "2 hours and 29 minutes left"],
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
      // A day-only cut-off ends at 23:59:59.999: minutes, not 23:59:59.
      cutoffAt: "2027-02-01T21:59:59.999Z",
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
      // A day-only cut-off ends at 23:59:59.999: minutes, not 23:59:59.
      cutoffAt: "2027-02-01T21:59:59.999Z",
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

  it("shows the text as Slack sent it, escaped once, a broadcast in it silenced", () => {
    const model: ReminderModel = {
      ...followUp("2027-01-18T07:00:00.000Z"),
      cutoffAt: "2027-02-01T21:59:59.999Z",
      stage: "first",
      tasks: [
        {
          number: "14",
          title: "Uzlabot",
          deadline: { text: "2010.gads", due: "2010-12-31", recurrence: null },
          status: null,
          lastReply: {
            // Slack's own escaping of "R&D, 5 < 6 @channel"
            text: "14: R&amp;D, 5 &lt; 6 <!channel>",
            userId: "U0ANNA",
            at: "2027-01-14T22:30:00.000Z",
            verified: true,
          },
        },
      ],
    };
    // The mrkdwn sent to Slack: its entities are Slack's, not escaped again.
    const mrkdwn = JSON.stringify(renderReminder(model, "lv", "Europe/Riga").blocks);
    expect(mrkdwn).toContain("<@U0ANNA>): R&amp;D, 5 &lt; 6 @channel");
    expect(mrkdwn).not.toContain("&amp;amp;");
    expect(mrkdwn).not.toContain("<!channel>");
    // What a reader sees.
    const lv = blocksToText(renderReminder(model, "lv", "Europe/Riga").blocks);
    expect(lv).toContain("<@U0ANNA>): R&D, 5 < 6 @channel");
  });
});

describe("reminder: the cut-off's time to the minute, as /cutoff list shows it", () => {
  const CUTOFF = "2026-11-29T23:34:00.000Z"; // 01:34 in Riga
  const model = (over: Partial<ReminderModel>): ReminderModel => ({
    ...followUp("2026-11-29T23:33:40.000Z"),
    cutoffAt: CUTOFF,
    stage: "first",
    ...over,
  });
  const rendered = (m: ReminderModel, locale: "lv" | "en") =>
    renderReminder(m, locale, "Europe/Riga");

  it("is to the minute, in the fallback text too", () => {
    const m = model({});
    const lv = rendered(m, "lv");
    expect(blocksToText(lv.blocks)).toContain("līdz *pirmd. 30.11.2026. 01:34*");
    expect(lv.text).toContain("01:34");
    const en = rendered(m, "en");
    expect(blocksToText(en.blocks)).toContain("by *Mon 30 Nov 2026 01:34*");
    expect(en.text).toContain("01:34");
  });

  it("is to the minute in follow-ups and after the cut-off too", () => {
    expect(blocksToText(rendered(model({ stage: "follow_up" }), "lv").blocks)).toContain("01:34");
    expect(blocksToText(rendered(model({ stage: "overdue" }), "en").blocks)).toContain(
      "Mon 30 Nov 2026 01:34",
    );
  });

  it("is to the minute for a cut-off set to a second", () => {
    const m = model({ cutoffAt: "2026-11-29T23:34:30.000Z" });
    const lv = blocksToText(rendered(m, "lv").blocks);
    expect(lv).toContain("līdz *pirmd. 30.11.2026. 01:34*");
    expect(lv).not.toMatch(/\d\d:\d\d:\d\d/u);
    expect(blocksToText(rendered(m, "en").blocks)).toContain("Mon 30 Nov 2026 01:34");
  });
});

describe("reminder: how to reply", () => {
  it("gives a task of this reminder as the example, not one it does not ask about", () => {
    expect(shown("2027-01-31T08:00:00.000Z", "lv")).toContain("(piemēram, „5: …”)");
    expect(shown("2027-01-31T08:00:00.000Z", "en")).toContain("(e.g. “5: …”)");
  });
});
