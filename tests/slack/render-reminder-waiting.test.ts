/**
 * A follow-up reminder and the one after the cut-off say they still wait for "this task" when
 * they list one task and "these tasks" when more (a fresh user's finding: the plural for one).
 */
import { describe, expect, it } from "vitest";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import {
  type ReminderModel,
  type ReminderTask,
  renderReminder,
} from "../../src/slack/render-reminder.ts";

const task = (number: string): ReminderTask => ({
  number,
  title: "Grozījumi",
  deadline: { text: "2010.gads", due: "2010-12-31", recurrence: null },
  status: null,
  lastReply: null,
});

const model = (stage: "follow_up" | "overdue", tasks: ReminderTask[]): ReminderModel => ({
  cutoffId: 1,
  cutoffAt: "2027-02-01T21:59:59.000Z",
  cutoffTitle: "Informatīvais ziņojums MK",
  institution: { id: 1, code: "LM", name: "Labklājības ministrija" },
  mentions: ["U0ANNA"],
  tasks,
  stage,
  now: stage === "overdue" ? "2027-02-02T08:00:00.000Z" : "2027-02-01T08:00:00.000Z",
});

const shown = (m: ReminderModel, locale: "lv" | "en") =>
  blocksToText(renderReminder(m, locale, "Europe/Riga").blocks);

describe("reminder: still waiting for one task or several", () => {
  it.each(["follow_up", "overdue"] as const)("%s with one task: the singular", (stage) => {
    const one = model(stage, [task("5")]);
    expect(shown(one, "lv")).toContain("Vēl gaidām informāciju par šo uzdevumu.");
    expect(shown(one, "lv")).not.toContain("šiem uzdevumiem");
    expect(shown(one, "en")).toContain("We are still waiting for this task.");
  });

  it.each(["follow_up", "overdue"] as const)("%s with two tasks: the plural", (stage) => {
    const two = model(stage, [task("5"), task("6")]);
    expect(shown(two, "lv")).toContain("Vēl gaidām informāciju par šiem uzdevumiem.");
    expect(shown(two, "en")).toContain("We are still waiting for these tasks.");
  });
});
