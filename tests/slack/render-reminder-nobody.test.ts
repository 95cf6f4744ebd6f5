/**
 * A reminder that mentions nobody (an institution without contact people, or all of them away)
 * opens with a capital letter and says under it why nobody is mentioned (a fresh user's
 * finding: "lūdzu, sniedziet …" in lower case, and the channel not told why no one was asked).
 */
import { describe, expect, it } from "vitest";
import type { InstitutionMapping } from "../../db/contacts.ts";
import { addressees } from "../../src/reminders/compose.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { type ReminderModel, renderReminder } from "../../src/slack/render-reminder.ts";

type Stage = ReminderModel["stage"];

const model = (stage: Stage, to: Pick<ReminderModel, "mentions" | "unmentioned">) => ({
  cutoffId: 1,
  cutoffAt: "2027-02-01T21:59:59.000Z",
  cutoffTitle: "Informatīvais ziņojums MK",
  institution: { id: 1, code: "IEM", name: "Iekšlietu ministrija" },
  ...to,
  tasks: [
    {
      number: "5",
      title: "Grozījumi",
      deadline: { text: "2030.gads", due: "2030-12-31", recurrence: null },
      status: null,
      lastReply: null,
    },
  ],
  stage,
  now: stage === "overdue" ? "2027-02-02T08:00:00.000Z" : "2027-01-20T08:00:00.000Z",
});

/** The reminder's first section (its opening sentence and any note under it). */
const opening = (m: ReminderModel, locale: "lv" | "en") =>
  blocksToText(renderReminder(m, locale, "Europe/Riga").blocks.slice(1, 2));

const mapping = (contacts: InstitutionMapping["contacts"]): InstitutionMapping => ({
  institutionId: 1,
  code: "IEM",
  name: "Iekšlietu ministrija",
  channelId: "C0IEM",
  contacts,
});

describe("reminder addressed to nobody", () => {
  it.each<[Stage, string, string]>([
    ["first", "Lūdzu, sniedziet informāciju par IEM", "Please report the progress of IEM's tasks"],
    ["follow_up", "Atgādinām: līdz ziņošanas termiņam", "A reminder: 12 days"],
    ["overdue", "Ziņošanas termiņš (*", "The reporting cut-off (*"],
  ])("%s: capitalised, and says there are no contact people", (stage, lv, en) => {
    const m = model(stage, addressees(mapping([]), "2027-01-20"));
    expect(opening(m, "lv").startsWith(lv)).toBe(true);
    expect(opening(m, "lv")).toContain(
      "\n_Neviens nav pieminēts: IEM nav norādītu kontaktpersonu._",
    );
    expect(opening(m, "en").startsWith(en)).toBe(true);
    expect(opening(m, "en")).toContain("\n_Nobody is mentioned: IEM has no contact people set._");
  });

  it("says all contacts are away, until the first of them is back", () => {
    const away = mapping([
      { userId: "U0LOCAL02", awayUntil: "2027-02-10" },
      { userId: "U0LOCAL03", awayUntil: "2027-01-31" },
    ]);
    const to = addressees(away, "2027-01-20");
    expect(to).toEqual({ mentions: [], unmentioned: { reason: "all_away", until: "2027-01-31" } });
    const m = model("overdue", to);
    expect(opening(m, "lv")).toContain(
      "_Neviens nav pieminēts: visas IEM kontaktpersonas ir prombūtnē līdz 31.01.2027. ieskaitot._",
    );
    expect(opening(m, "en")).toContain(
      "_Nobody is mentioned: all of IEM's contact people are away until 31 Jan 2027, inclusive._",
    );
  });

  it("mentions those not away, in lower case after them, with no note", () => {
    const some = mapping([
      { userId: "U0LOCAL02", awayUntil: "2027-02-10" },
      { userId: "U0LOCAL03", awayUntil: null },
    ]);
    const m = model("first", addressees(some, "2027-01-20"));
    expect(opening(m, "lv")).toMatch(/^<@U0LOCAL03>, lūdzu, sniedziet/);
    expect(opening(m, "lv")).not.toContain("Neviens");
    expect(opening(m, "en")).toMatch(/^<@U0LOCAL03>, please report/);
  });

  it("a contact back the day after their last day away is mentioned again", () => {
    const back = mapping([{ userId: "U0LOCAL02", awayUntil: "2027-01-19" }]);
    expect(addressees(back, "2027-01-20")).toEqual({ mentions: ["U0LOCAL02"], unmentioned: null });
  });

  it("keeps the note when the opening sentence is cut to Block Kit's limit", () => {
    const m = {
      ...model("first", addressees(mapping([]), "2027-01-20")),
      cutoffTitle: "x ".repeat(2_000),
    };
    const text = opening(m, "lv");
    expect(text.length).toBeLessThanOrEqual(3_000);
    expect(text.endsWith("_Neviens nav pieminēts: IEM nav norādītu kontaktpersonu._")).toBe(true);
  });
});
