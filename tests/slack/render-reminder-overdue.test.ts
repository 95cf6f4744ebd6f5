/**
 * A reminder marks a task whose deadline has passed as `/task N` does ("⚠️ *nokavēts*" /
 * "⚠️ *overdue*", isOverdue and the same words) — a fresh user's finding: `/task 1` said
 * overdue, the reminder for it only "Izpildes termiņš: 2013. gada 31. decembris" — and stays
 * within Block Kit's limits when it lists thirty such tasks with long titles and replies.
 */
import { describe, expect, it } from "vitest";
import type { TaskStatus } from "../../src/domain/types.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import {
  type ReminderModel,
  type ReminderTask,
  renderReminder,
} from "../../src/slack/render-reminder.ts";

const task = (number: string, due: string, status: TaskStatus | null = null): ReminderTask => ({
  number,
  title: `Uzdevums ${number}`,
  deadline: { text: `${due.slice(0, 4)}.gads`, due, recurrence: null },
  status,
  lastReply: null,
});

const model = (tasks: ReminderTask[]): ReminderModel => ({
  cutoffId: 1,
  cutoffAt: "2027-02-01T21:59:59.000Z",
  cutoffTitle: "Informatīvais ziņojums MK",
  institution: { id: 1, code: "IEM", name: "Iekšlietu ministrija" },
  mentions: ["U0LOCAL02"],
  tasks,
  stage: "first",
  now: "2027-01-20T08:00:00.000Z",
});

const section = (m: ReminderModel, locale: "lv" | "en", number: string) =>
  blocksToText(
    renderReminder(m, locale, "Europe/Riga").blocks.filter(
      (b) => b.type === "section" && b.block_id === `task_${number}`,
    ),
  );

describe("reminder: an overdue task", () => {
  const m = model([
    task("1", "2013-12-31"),
    task("2", "2030-12-31"),
    task("3", "2013-12-31", "done"),
    task("4", "2013-12-31", "ongoing"),
    task("5", "2027-01-20"),
  ]);

  it("is marked beside its deadline, in the words /task uses", () => {
    expect(section(m, "lv", "1")).toContain(
      "Izpildes termiņš: 2013. gada 31. decembris · ⚠️ *nokavēts* · Statuss:",
    );
    expect(section(m, "en", "1")).toContain("Deadline: 31 December 2013 · ⚠️ *overdue* · Status:");
  });

  it("is not marked when the deadline is ahead, today, or the task is done or ongoing", () => {
    for (const n of ["2", "3", "4", "5"]) {
      expect(section(m, "lv", n)).not.toContain("nokavēts");
      expect(section(m, "en", n)).not.toContain("overdue");
    }
  });

  it("thirty overdue tasks with long titles and replies stay within Block Kit's limits", () => {
    const long = Array.from({ length: 30 }, (_, i) => ({
      ...task(String(i + 1), "2010-12-31", "not_done"),
      title: "Ļoti garš uzdevuma nosaukums. ".repeat(60),
      lastReply: {
        text: "Atbilde ar garu tekstu. ".repeat(200),
        userId: "U0LOCAL02",
        at: "2027-01-15T10:00:00.000Z",
        verified: true,
      },
    }));
    for (const locale of ["lv", "en"] as const) {
      const { blocks } = renderReminder(model(long), locale, "Europe/Riga");
      expect(validateBlocks(blocks, "message")).toEqual([]);
      expect(blocksToText(blocks).split(locale === "lv" ? "nokavēts" : "overdue").length).toBe(31);
    }
  });
});
