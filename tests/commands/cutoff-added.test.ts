/**
 * `firstReminderText` (commands/cutoff-added.ts) on reminder rows as the planner writes them:
 * only institutions with a channel and rows not failed are promised; only "superseded" rows are
 * named as earlier reminders whose time passed (an "all_answered" one is not).
 */
import { describe, expect, it } from "vitest";
import { firstReminderText } from "../../commands/cutoff-added.ts";
import type { Reminder } from "../../db/reminders.ts";

const CUTOFF = "2026-12-03T07:00:00.000Z";
const NOW = "2026-11-30T08:00:00.000Z";
const fmt = (iso: string) => iso.slice(0, 10);

function row(
  institutionId: number,
  kind: string,
  at: string,
  state: Reminder["state"],
  detail: string | null = null,
): Reminder {
  return {
    id: 0,
    cutoffId: 1,
    institutionId,
    kind,
    scheduledAt: at,
    cutoffAt: CUTOFF,
    state,
    attempts: 0,
    channelId: null,
    messageTs: null,
    sentAt: null,
    detail,
  };
}

describe("firstReminderText", () => {
  const rows = [
    row(1, "before-P14D", "2026-11-19T07:00:00.000Z", "skipped", "superseded"),
    row(1, "before-P7D", "2026-11-26T07:00:00.000Z", "sent"),
    row(1, "before-P1D", "2026-12-02T07:00:00.000Z", "planned"),
    row(2, "before-P14D", "2026-11-19T07:00:00.000Z", "skipped", "superseded"),
    row(2, "before-P7D", "2026-11-26T07:00:00.000Z", "failed", "no_mapping"),
    row(2, "before-P1D", "2026-12-02T07:00:00.000Z", "planned"),
  ];

  it("promises nothing when no institution in scope has a channel", () => {
    expect(firstReminderText(rows, CUTOFF, NOW, fmt, "lv", new Set())).toBeNull();
    expect(firstReminderText(rows, CUTOFF, NOW, fmt, "en", new Set())).toBeNull();
  });

  it("reads the reached institution's rows, never a failed one", () => {
    const lv = firstReminderText(rows, CUTOFF, NOW, fmt, "lv", new Set([1]));
    expect(lv).toContain(
      "Pirmais atgādinājums tiks nosūtīts tūlīt, jo tā laiks (2026-11-26 – 7 dienas pirms termiņa)",
    );
    expect(lv).toContain("Agrākā atgādinājuma (14 dienas pirms termiņa) laiks arī pagājis");
    // Only institution 2 reached: its passed reminder failed, so only the next is promised.
    const onlyFailed = firstReminderText(rows, CUTOFF, NOW, fmt, "en", new Set([2]));
    expect(onlyFailed).toBe("First reminder: 2026-12-02.");
  });

  it("does not name a reminder skipped as all_answered as an earlier one", () => {
    const answered = [
      row(1, "before-P14D", "2026-11-19T07:00:00.000Z", "skipped", "all_answered"),
      row(1, "before-P7D", "2026-11-26T07:00:00.000Z", "sent"),
    ];
    const en = firstReminderText(answered, CUTOFF, NOW, fmt, "en", new Set([1]));
    expect(en).toContain("The first reminder goes out now");
    expect(en).not.toContain("earlier reminder");
  });
});
