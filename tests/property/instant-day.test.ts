import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatDay, formatInstantDay, storedInstantDay } from "../../src/slack/format.ts";

/** What `formatInstantDay` answered by parsing and moving every instant with luxon. */
function byLuxon(iso: string, zone: string, locale: "lv" | "en"): string {
  const at = DateTime.fromISO(iso, { zone: "utc" });
  return at.isValid ? formatDay(at.setZone(zone).toISODate() ?? iso, locale) : iso;
}

// Riga (its own zone, with summer time and, before 1926, local mean time of +1:36:34), offsets
// of half and three quarters of an hour, a summer time of half an hour (Lord Howe), summer
// time that began and ended at local midnight in the middle of a UTC hour (Tehran until 2022:
// 20:30 UTC), fixed and unknown zones.
const ZONES = [
  "Europe/Riga",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "America/St_Johns",
  "Australia/Lord_Howe",
  "America/Los_Angeles",
  "Asia/Tehran",
  "utc",
  "UTC+3",
  "Mars/Olympus",
];

/** Instants near the hours at which zones change their offsets and near local midnights. */
const nearHour = fc
  .record({
    hour: fc.integer({
      min: Date.UTC(1890, 0, 1) / 3_600_000,
      max: Date.UTC(2100, 0, 1) / 3_600_000,
    }),
    delta: fc.oneof(
      fc.integer({ min: -2_000, max: 2_000 }),
      fc.integer({ min: -3_600_000, max: 3_600_000 }),
      fc.constantFrom(0, -1, 1, 1_800_000, -1_800_000, 2_700_000, 900_000),
    ),
  })
  .map(({ hour, delta }) => hour * 3_600_000 + delta);

/** Instants around summer-time changes (late March and October in Europe, Lord Howe's and Chatham's). */
const nearTransition = fc
  .record({
    year: fc.integer({ min: 1900, max: 2090 }),
    month: fc.constantFrom(3, 4, 9, 10, 11),
    day: fc.integer({ min: 1, max: 31 }),
    minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    ms: fc.integer({ min: 0, max: 59_999 }),
  })
  .map(({ year, month, day, minute, ms }) => Date.UTC(year, month - 1, day, 0, minute, 0, ms));

/** Tehran's changes at its midnight, 20:30 UTC on 20–22 March and September (until 2022). */
const tehranMidnight = fc
  .record({
    year: fc.integer({ min: 1978, max: 2023 }),
    month: fc.constantFrom(3, 9),
    day: fc.integer({ min: 20, max: 23 }),
    minute: fc.integer({ min: 19 * 60, max: 22 * 60 }),
    ms: fc.integer({ min: 0, max: 59_999 }),
  })
  .map(({ year, month, day, minute, ms }) => Date.UTC(year, month - 1, day, 0, minute, 0, ms));

const stored = fc
  .record({
    ms: fc.oneof(nearHour, nearTransition, tehranMidnight),
    form: fc.constantFrom("ms", "s", "frac1"),
  })
  .map(({ ms, form }) => {
    const iso = new Date(ms).toISOString();
    if (form === "s") return iso.replace(/\.\d{3}Z$/, "Z");
    if (form === "frac1") return iso.replace(/(\.\d)\d{2}Z$/, "$1Z");
    return iso;
  });

/** Other text a store could hold or a caller pass: zoned, without seconds, impossible dates, any text. */
const other = fc.oneof(
  stored.map((iso) => iso.replace("Z", "+02:00")),
  stored.map((iso) => iso.slice(0, 16)),
  fc.constantFrom(
    "2027-02-30T10:00:00.000Z",
    "2027-01-19T24:00:00.000Z",
    "1899-12-31T23:30:00.000Z",
    "3000-01-01T00:00:00.000Z",
    "2027-01-19",
    "",
  ),
  fc.string(),
);

describe("formatInstantDay", () => {
  it("answers as luxon's parsing and moving every instant into the zone would", () => {
    fc.assert(
      fc.property(
        fc.oneof(stored, stored, other),
        fc.constantFrom(...ZONES),
        fc.constantFrom("lv" as const, "en" as const),
        (iso, zone, locale) => {
          expect(formatInstantDay(iso, zone, locale)).toBe(byLuxon(iso, zone, locale));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it("leaves to luxon only what is not in the store's form, or an hour in which the offset changes", () => {
    expect(storedInstantDay("2027-01-19T22:30:00.000Z", "Europe/Riga")).toBe("2027-01-20");
    expect(storedInstantDay("2027-01-19T21:59:59Z", "Europe/Riga")).toBe("2027-01-19");
    // 2027-03-28 01:00 UTC Riga moves from +02:00 to +03:00: at the hour, and an hour before.
    expect(storedInstantDay("2027-03-28T00:59:59.999Z", "Europe/Riga")).toBe("2027-03-28");
    expect(storedInstantDay("2027-10-30T21:00:00.000Z", "Europe/Riga")).toBe("2027-10-31");
    expect(storedInstantDay("2027-10-30T20:59:59.999Z", "Europe/Riga")).toBe("2027-10-30");
    expect(storedInstantDay("2027-02-30T10:00:00.000Z", "Europe/Riga")).toBeUndefined();
    expect(storedInstantDay("2027-01-19T22:30:00+02:00", "Europe/Riga")).toBeUndefined();
    expect(storedInstantDay("2027-01-19T22:30:00.000Z", "Mars/Olympus")).toBeUndefined();
    // Lord Howe moves by half an hour at 15:00 UTC (02:00 local): an hour of one offset.
    expect(storedInstantDay("2027-04-03T15:30:00.000Z", "Australia/Lord_Howe")).toBe("2027-04-04");
  });
});
