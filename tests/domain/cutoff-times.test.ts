/**
 * Where a cut-off stands at a moment (src/domain/cutoff-times.ts), the one rule `/task`
 * (`cutoffsShownAt`) and `/cutoff plan`'s lead (the other cut-offs named apart) read: its very
 * instant is passed, and one exactly the grace days before now is older.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CUTOFF_GRACE_DAYS, cutoffsByTime, graceStart } from "../../src/domain/cutoff-times.ts";

const now = DateTime.fromISO("2027-02-01T10:00:00.000Z", { zone: "Europe/Riga" });
const at = (iso: string) => ({ at: iso });

describe("cutoffsByTime", () => {
  it("splits at now and at the grace start, keeping the order given", () => {
    const since = graceStart(now);
    expect(since).toBe("2027-01-02T10:00:00.000Z");
    expect(CUTOFF_GRACE_DAYS).toBe(30);
    const cutoffs = [
      at("2027-02-03T10:00:00.000Z"),
      at("2027-02-01T10:00:00.001Z"),
      at("2027-02-01T10:00:00.000Z"),
      at("2027-01-02T10:00:00.001Z"),
      at(since),
      at("2026-12-01T10:00:00.000Z"),
    ];
    const by = cutoffsByTime(cutoffs, now);
    expect(by.ahead.map((c) => c.at)).toEqual([
      "2027-02-03T10:00:00.000Z",
      "2027-02-01T10:00:00.001Z",
    ]);
    expect(by.recent.map((c) => c.at)).toEqual([
      "2027-02-01T10:00:00.000Z",
      "2027-01-02T10:00:00.001Z",
    ]);
    expect(by.older.map((c) => c.at)).toEqual([since, "2026-12-01T10:00:00.000Z"]);
  });
});
