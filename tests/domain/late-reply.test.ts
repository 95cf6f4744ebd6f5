/**
 * The one rule of a late reply (src/domain/late-reply.ts): a task answered in time for its
 * cut-off is never late, even when its latest reply came after it ("supplemented"), as the
 * digest counts it. Pure.
 */
import { describe, expect, it } from "vitest";
import { answeredInTime, lateMark, receivedLate } from "../../src/domain/late-reply.ts";

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
});
