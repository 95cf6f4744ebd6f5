import { describe, expect, it } from "vitest";
import type { Offset, ReminderSettings } from "../../src/domain/reminder-plan.ts";
import {
  cutoffInstant,
  DEFAULT_REMINDER_OFFSETS,
  parseOffsets,
  parseReminderTime,
  planReminders,
} from "../../src/domain/reminder-plan.ts";

const zone = "Europe/Riga";

function offsets(text: string): Offset[] {
  const parsed = parseOffsets(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.offsets;
}

function settings(text = DEFAULT_REMINDER_OFFSETS): ReminderSettings {
  return { offsets: offsets(text), time: { hour: 9, minute: 0 }, zone };
}

function endOfDay(date: string): string {
  const result = cutoffInstant(date, null, zone);
  if (!result.ok) throw new Error(result.error);
  return result.at;
}

describe("parseOffsets", () => {
  it("reads bare days and ISO durations, normalised, longest first", () => {
    expect(parseOffsets("1, 14,P1W")).toEqual({
      ok: true,
      offsets: [
        { iso: "P14D", wholeDays: 14, ms: 14 * 86_400_000 },
        { iso: "P7D", wholeDays: 7, ms: 7 * 86_400_000 },
        { iso: "P1D", wholeDays: 1, ms: 86_400_000 },
      ],
    });
  });

  it("keeps offsets with a time part literal", () => {
    expect(offsets("PT30S,PT2H,P1DT12H,PT24H")).toEqual([
      { iso: "PT36H", wholeDays: null, ms: 36 * 3_600_000 },
      { iso: "PT24H", wholeDays: null, ms: 24 * 3_600_000 },
      { iso: "PT2H", wholeDays: null, ms: 2 * 3_600_000 },
      { iso: "PT30S", wholeDays: null, ms: 30_000 },
    ]);
  });

  it("drops duplicates", () => {
    expect(offsets("7,P7D,P1W").map((offset) => offset.iso)).toEqual(["P7D"]);
  });

  it.each([
    ["P0D", '"P0D"'],
    ["abc", '"abc"'],
    ["-1", '"-1"'],
    ["0", '"0"'],
    ["1.5", '"1.5"'],
    ["P1M", '"P1M"'],
    ["PT0.5S", '"PT0.5S"'],
    ["P", '"P"'],
    ["P400D", '"P400D"'],
  ])("rejects %j, naming it", (text, quoted) => {
    const result = parseOffsets(`14,${text}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(quoted);
  });

  it("reports every bad item at once, including empty ones", () => {
    const result = parseOffsets("P0D,,abc");
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/"P0D".*"".*"abc"/),
    });
  });
});

describe("parseReminderTime", () => {
  it("reads HH:MM", () => {
    expect(parseReminderTime("09:00")).toEqual({ ok: true, time: { hour: 9, minute: 0 } });
    expect(parseReminderTime("17:45")).toEqual({ ok: true, time: { hour: 17, minute: 45 } });
  });

  it.each(["9", "24:00", "09:60", "9am", ""])("rejects %j", (text) => {
    expect(parseReminderTime(text)).toMatchObject({ ok: false });
  });
});

describe("cutoffInstant", () => {
  it("is the end of the day in Riga without a time", () => {
    expect(cutoffInstant("2027-02-01", null, zone)).toEqual({
      ok: true,
      at: "2027-02-01T21:59:59.999Z",
    });
    expect(cutoffInstant("2027-07-01", null, zone)).toEqual({
      ok: true,
      at: "2027-07-01T20:59:59.999Z",
    });
  });

  it("is the local time in Riga with a time", () => {
    expect(cutoffInstant("2027-02-01", { hour: 10, minute: 0 }, zone)).toEqual({
      ok: true,
      at: "2027-02-01T08:00:00.000Z",
    });
    expect(cutoffInstant("2027-10-31", { hour: 4, minute: 0 }, zone)).toEqual({
      ok: true,
      at: "2027-10-31T02:00:00.000Z",
    });
  });

  it("refuses a time skipped by the spring-forward", () => {
    expect(cutoffInstant("2027-03-28", { hour: 3, minute: 30 }, zone)).toEqual({
      ok: false,
      error: "nonexistent_time",
    });
  });

  it("refuses a time repeated by the fall-back", () => {
    expect(cutoffInstant("2027-10-31", { hour: 3, minute: 30 }, zone)).toEqual({
      ok: false,
      error: "ambiguous_time",
    });
  });

  it("refuses invalid dates and times", () => {
    expect(cutoffInstant("2027-02-30", null, zone)).toEqual({ ok: false, error: "invalid_date" });
    expect(cutoffInstant("2027-02-01", { hour: 24, minute: 0 }, zone)).toEqual({
      ok: false,
      error: "invalid_time",
    });
  });
});

describe("planReminders", () => {
  it("plans 14, 7 and 1 days before at 09:00 Riga, moving off weekends", () => {
    const cutoff = endOfDay("2027-02-01");
    expect(cutoff).toBe("2027-02-01T21:59:59.999Z");
    expect(planReminders(cutoff, settings())).toEqual([
      { kind: "before-P14D", at: "2027-01-18T07:00:00.000Z" },
      { kind: "before-P7D", at: "2027-01-25T07:00:00.000Z" },
      { kind: "before-P1D", at: "2027-01-29T07:00:00.000Z" }, // Sunday 31 Jan → Friday
      { kind: "overdue", at: "2027-02-02T07:00:00.000Z" },
    ]);
  });

  it("crosses the spring-forward and Easter", () => {
    expect(planReminders(endOfDay("2027-04-05"), settings())).toEqual([
      { kind: "before-P14D", at: "2027-03-22T07:00:00.000Z" }, // 09:00 EET
      { kind: "before-P7D", at: "2027-03-25T07:00:00.000Z" }, // Easter Monday → Thursday
      { kind: "before-P1D", at: "2027-04-02T06:00:00.000Z" }, // Sunday → Friday, 09:00 EEST
      { kind: "overdue", at: "2027-04-06T06:00:00.000Z" },
    ]);
  });

  it("crosses the fall-back", () => {
    expect(planReminders(endOfDay("2027-11-01"), settings())).toEqual([
      { kind: "before-P14D", at: "2027-10-18T06:00:00.000Z" }, // 09:00 EEST
      { kind: "before-P7D", at: "2027-10-25T06:00:00.000Z" },
      { kind: "before-P1D", at: "2027-10-29T06:00:00.000Z" }, // Sunday 31 Oct → Friday
      { kind: "overdue", at: "2027-11-02T07:00:00.000Z" }, // 09:00 EET
    ]);
  });

  it("skips the substitute Monday after 18 November 2028", () => {
    const before = planReminders(endOfDay("2028-11-21"), settings("1"));
    expect(before[0]).toEqual({ kind: "before-P1D", at: "2028-11-17T07:00:00.000Z" });
    const overdue = planReminders(endOfDay("2028-11-17"), settings("1")).at(-1);
    expect(overdue).toEqual({ kind: "overdue", at: "2028-11-21T07:00:00.000Z" });
  });

  it("skips the substitute Monday after 4 May 2025", () => {
    const overdue = planReminders(endOfDay("2025-05-02"), settings("1")).at(-1);
    expect(overdue).toEqual({ kind: "overdue", at: "2025-05-06T06:00:00.000Z" });
  });

  it("skips Jāņi", () => {
    expect(planReminders(endOfDay("2027-06-25"), settings("1"))[0]).toEqual({
      kind: "before-P1D",
      at: "2027-06-22T06:00:00.000Z", // 24 June → Tuesday 22 June
    });
  });

  it("collapses offsets landing on the same business day, keeping the longer", () => {
    // 2 and 1 days before Monday 2027-02-01 are the weekend: both move to Friday.
    expect(planReminders(endOfDay("2027-02-01"), settings("2,1"))).toEqual([
      { kind: "before-P2D", at: "2027-01-29T07:00:00.000Z" },
      { kind: "overdue", at: "2027-02-02T07:00:00.000Z" },
    ]);
  });

  it("takes sub-day offsets literally, even on a Sunday (test mode)", () => {
    expect(planReminders("2027-03-28T01:30:00Z", settings("PT2H,PT30S"))).toEqual([
      { kind: "before-PT2H", at: "2027-03-27T23:30:00.000Z" },
      { kind: "before-PT30S", at: "2027-03-28T01:29:30.000Z" },
      { kind: "overdue", at: "2027-03-28T01:30:30.000Z" }, // cut-off + shortest offset
    ]);
  });

  it("mixes literal and whole-day offsets, keeping the business-day overdue", () => {
    const cutoff = cutoffInstant("2027-02-01", { hour: 12, minute: 0 }, zone);
    if (!cutoff.ok) throw new Error(cutoff.error);
    expect(planReminders(cutoff.at, settings("1,PT2H"))).toEqual([
      { kind: "before-P1D", at: "2027-01-29T07:00:00.000Z" },
      { kind: "before-PT2H", at: "2027-02-01T08:00:00.000Z" },
      { kind: "overdue", at: "2027-02-02T07:00:00.000Z" },
    ]);
  });

  it("never plans a reminder at or after the cut-off, whatever the day", () => {
    // Earliest possible cut-off (00:00 local) and latest REMINDER_TIME, every day of 2027.
    const late = { ...settings("2,1,PT30S"), time: { hour: 23, minute: 59 } };
    for (let day = 0; day < 365; day++) {
      const date = new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10);
      const cutoff = cutoffInstant(date, { hour: 0, minute: 0 }, zone);
      if (!cutoff.ok) throw new Error(cutoff.error);
      const before = planReminders(cutoff.at, late).filter((r) => r.kind !== "overdue");
      expect(before.every((r) => r.at < cutoff.at)).toBe(true);
    }
  });

  it("produces kinds usable in BullMQ job ids", () => {
    const plan = planReminders(endOfDay("2027-02-01"), settings("14,P1DT12H,PT30S"));
    for (const { kind } of plan) expect(kind).toMatch(/^[A-Za-z0-9-]+$/);
  });
});
