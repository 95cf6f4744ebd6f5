/**
 * The one rule of a late reply (src/domain/late-reply.ts): a task answered in time for its
 * cut-off is never late, even when its latest reply came after it ("supplemented"), as the
 * digest counts it. Pure.
 */
import { describe, expect, it } from "vitest";
import {
  answeredInTime,
  lateMark,
  lateMarksOf,
  receivedLate,
} from "../../src/domain/late-reply.ts";

const CUTOFF = "2026-12-01T21:59:59.999Z";
const BEFORE = "2026-12-01T10:00:00.000Z";
const AFTER = "2026-12-02T08:00:00.000Z";

describe("late replies", () => {
  it("receivedLate: after the instant only; the instant itself is in time", () => {
    expect(receivedLate(AFTER, CUTOFF)).toBe(true);
    expect(receivedLate(CUTOFF, CUTOFF)).toBe(false);
    expect(receivedLate("2026-12-02T00:59:59.999+02:00", CUTOFF)).toBe(true);
    expect(receivedLate("2026-12-01T23:59:59.999+02:00", CUTOFF)).toBe(false);
  });

  it("answeredInTime: one verified reply at or before the cut-off; none is not", () => {
    expect(answeredInTime([AFTER, BEFORE], CUTOFF)).toBe(true);
    expect(answeredInTime([CUTOFF], CUTOFF)).toBe(true);
    expect(answeredInTime([AFTER], CUTOFF)).toBe(false);
    expect(answeredInTime([], CUTOFF)).toBe(false);
  });

  it("lateMark: in time null; after it late, or supplemented when answered in time", () => {
    expect(lateMark(BEFORE, CUTOFF, false)).toBeNull();
    expect(lateMark(BEFORE, CUTOFF, true)).toBeNull();
    expect(lateMark(AFTER, CUTOFF, false)).toBe("late");
    expect(lateMark(AFTER, CUTOFF, true)).toBe("supplemented");
  });

  it("lateMarksOf: a supplement only after an active verified answer in time of its own", () => {
    const reply = (code: string, task: string | null, at: string, more = {}) => ({
      cutoffId: 1,
      institutionCode: code,
      taskNumber: task,
      verified: true,
      receivedAt: at,
      withdrawnAt: null,
      ...more,
    });
    const answers = [
      reply("LM", "5", BEFORE),
      reply("LM", "8", BEFORE, { verified: false }),
      reply("LM", "9", BEFORE, { withdrawnAt: AFTER }),
      reply("LM", "6", BEFORE, { cutoffId: 2 }),
    ];
    const marks = lateMarksOf(
      new Map([
        [1, CUTOFF],
        [2, CUTOFF],
      ]),
      answers,
    );
    expect(marks(reply("LM", "5", BEFORE))).toEqual({ late: false });
    expect(marks(reply("LM", "5", AFTER))).toEqual({ late: true, supplement: true });
    for (const late of [
      reply("IEM", "5", AFTER),
      reply("LM", "8", AFTER),
      reply("LM", "9", AFTER),
      reply("LM", "6", AFTER),
      reply("LM", null, AFTER),
    ])
      expect(marks(late)).toEqual({ late: true });
    // A cut-off not given is never late.
    expect(marks(reply("LM", "5", AFTER, { cutoffId: 3 }))).toEqual({ late: false });
  });
});
