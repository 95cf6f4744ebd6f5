/**
 * Dates and times in commands: any text is a result (never a throw); every real day, written
 * in each accepted form ("01.12.2009.", "2013. gada 8. martā", ISO, English), reads back as
 * itself; a day that does not exist ("31.02.2013.") is `invalid_date`; wall times skipped or
 * repeated by Riga's DST changes are refused, every other one round-trips through its instant.
 */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseDateArg, parseTimeArg } from "../../src/domain/dates.ts";
import { cutoffInstant } from "../../src/domain/reminder-plan.ts";
import { userText } from "./arbitraries.ts";

const ZONE = "Europe/Riga";
const NOW = DateTime.fromISO("2026-11-29T10:00:00Z");
const LV_LOCATIVE = [
  "janvārī",
  "februārī",
  "martā",
  "aprīlī",
  "maijā",
  "jūnijā",
  "jūlijā",
  "augustā",
  "septembrī",
  "oktobrī",
  "novembrī",
  "decembrī",
];
const EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const realDay = fc
  .date({
    min: new Date("1990-01-01T00:00:00Z"),
    max: new Date("2099-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => DateTime.fromJSDate(d, { zone: "utc" }).startOf("day"));

const pad = (n: number) => String(n).padStart(2, "0");

describe("parseDateArg", () => {
  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(userText, (text) => {
        const read = parseDateArg(text, ZONE, NOW);
        expect(typeof read.ok).toBe("boolean");
        if (read.ok) expect(DateTime.fromISO(read.date).isValid).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("reads every real day back, in every form a person writes it", () => {
    fc.assert(
      fc.property(realDay, fc.integer({ min: 0, max: 4 }), (day, form) => {
        const { year, month, day: d } = day;
        const text = [
          day.toISODate() ?? "",
          `${pad(d)}.${pad(month)}.${year}.`,
          `${d}.${month}.${year}`,
          `${year}. gada ${d}. ${LV_LOCATIVE[month - 1]}`,
          `${d} ${EN[month - 1]} ${year}`,
        ][form];
        expect(parseDateArg(text ?? "", ZONE, NOW)).toEqual({ ok: true, date: day.toISODate() });
      }),
    );
  });

  it("calls a day that does not exist invalid, not unrecognised", () => {
    const impossible = fc.oneof(
      fc.record({
        y: fc.integer({ min: 1990, max: 2099 }),
        m: fc.constant(2),
        d: fc.integer({ min: 30, max: 31 }),
      }),
      fc.record({
        y: fc.integer({ min: 1990, max: 2099 }),
        m: fc.constantFrom(4, 6, 9, 11),
        d: fc.constant(31),
      }),
      fc.record({
        y: fc.integer({ min: 1990, max: 2099 }),
        m: fc.integer({ min: 13, max: 99 }),
        d: fc.integer({ min: 1, max: 28 }),
      }),
    );
    fc.assert(
      fc.property(impossible, ({ y, m, d }) => {
        expect(parseDateArg(`${pad(d)}.${pad(m)}.${y}.`, ZONE, NOW)).toMatchObject({
          ok: false,
          error: "invalid_date",
        });
      }),
    );
    expect(parseDateArg("31.02.2013.", ZONE, NOW)).toMatchObject({ error: "invalid_date" });
    expect(parseDateArg("01.12.2009.", ZONE, NOW)).toEqual({ ok: true, date: "2009-12-01" });
    expect(parseDateArg("2013. gada 8. martā", ZONE, NOW)).toEqual({
      ok: true,
      date: "2013-03-08",
    });
  });
});

describe("parseTimeArg and the instant of a wall time in Riga", () => {
  it("never throws; reads every HH:MM of the day and refuses the rest", () => {
    fc.assert(
      fc.property(userText, (text) => {
        expect(typeof parseTimeArg(text).ok).toBe("boolean");
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (h, m) => {
        const read = parseTimeArg(`${h}:${pad(m)}`);
        if (h < 24 && m < 60) expect(read).toEqual({ ok: true, time: { hour: h, minute: m } });
        else expect(read).toMatchObject({ ok: false });
      }),
    );
  });

  it("refuses times the DST changes skip or repeat; every other wall time round-trips", () => {
    // Days around Riga's changes (last Sundays of March and October) and ordinary days.
    const day = fc.oneof(
      fc.integer({ min: 2000, max: 2099 }).map((y) => lastSunday(y, 3)),
      fc.integer({ min: 2000, max: 2099 }).map((y) => lastSunday(y, 10)),
      realDay,
    );
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (d, hour, minute) => {
          const date = d.toISODate() ?? "";
          const result = cutoffInstant(date, { hour, minute }, ZONE);
          // Independent oracle: Riga is at UTC+2 or UTC+3 (summer time, in the years it kept it —
          // not 2000, say the tz data): the instants whose Riga wall time is this one.
          const wall = `${date} ${pad(hour)}:${pad(minute)}`;
          const matches = [2, 3].filter(
            (offset) =>
              DateTime.fromISO(`${date}T${pad(hour)}:${pad(minute)}:00`, { zone: "utc" })
                .minus({ hours: offset })
                .setZone(ZONE)
                .toFormat("yyyy-MM-dd HH:mm") === wall,
          );
          const exists = matches.length > 0;
          const repeated = matches.length > 1;
          if (!exists) expect(result).toEqual({ ok: false, error: "nonexistent_time" });
          else if (repeated) expect(result).toEqual({ ok: false, error: "ambiguous_time" });
          else {
            expect(result.ok).toBe(true);
            if (result.ok) {
              const back = DateTime.fromISO(result.at).setZone(ZONE);
              expect(back.toFormat("yyyy-MM-dd HH:mm")).toBe(`${date} ${pad(hour)}:${pad(minute)}`);
            }
          }
        },
      ),
      { numRuns: 1_000 },
    );
    expect(cutoffInstant("2027-03-28", { hour: 3, minute: 30 }, ZONE)).toMatchObject({
      error: "nonexistent_time",
    });
    expect(cutoffInstant("2027-10-31", { hour: 3, minute: 30 }, ZONE)).toMatchObject({
      error: "ambiguous_time",
    });
  });
});

function lastSunday(year: number, month: number): DateTime {
  const end = DateTime.fromObject({ year, month }, { zone: "utc" }).endOf("month").startOf("day");
  return end.minus({ days: end.weekday % 7 });
}
