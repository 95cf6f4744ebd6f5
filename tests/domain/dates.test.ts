import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DATE_FORMATS_HELP, parseDateArg, parseTimeArg } from "../../src/domain/dates.ts";

const zone = "Europe/Riga";
// 2027-01-31 23:30 in Riga: already 1 February there.
const now = DateTime.fromISO("2027-01-31T22:30:00Z", { zone: "utc" });

describe("parseDateArg", () => {
  it.each([
    ["2027-02-01", "2027-02-01"],
    ["01.02.2027", "2027-02-01"],
    ["01.02.2027.", "2027-02-01"],
    ["1.2.2027", "2027-02-01"],
    [" 1. 2. 2027. ", "2027-02-01"],
    ["2013. gada 8. martā", "2013-03-08"],
    ["2013.gada 8.martā", "2013-03-08"],
    ["2013. g. 8. marts", "2013-03-08"],
    ["2013. gada 8. marta", "2013-03-08"],
    ["2027. gada 1. janvāris", "2027-01-01"],
    ["2027. gada 15. aprīļa", "2027-04-15"],
    ["2027. gada 20. jūnijā", "2027-06-20"],
    ["2027. gada 3. DECEMBRĪ", "2027-12-03"],
    ["1 February 2027", "2027-02-01"],
    ["1st Feb 2027", "2027-02-01"],
    ["February 1, 2027", "2027-02-01"],
    ["29.02.2028", "2028-02-29"],
  ])("reads %j as %s", (text, date) => {
    expect(parseDateArg(text, zone)).toEqual({ ok: true, date });
  });

  it("rejects days that do not exist", () => {
    expect(parseDateArg("31.02.2013.", zone)).toEqual({
      ok: false,
      error: "invalid_date",
      input: "31.02.2013.",
    });
    expect(parseDateArg("29.02.2027", zone)).toMatchObject({ ok: false, error: "invalid_date" });
    expect(parseDateArg("2027-13-01", zone)).toMatchObject({ ok: false, error: "invalid_date" });
  });

  it.each(["", "next week", "2013. gada 8. marcā", "32/01/2027", "1 Febtober 2027"])(
    "does not recognise %j",
    (text) => {
      expect(parseDateArg(text, zone)).toEqual({
        ok: false,
        error: "unrecognised_date",
        input: text.trim(),
      });
    },
  );

  it("resolves today, tomorrow and dates without a year against now in the zone", () => {
    expect(parseDateArg("šodien", zone, now)).toEqual({ ok: true, date: "2027-02-01" });
    expect(parseDateArg("tomorrow", zone, now)).toEqual({ ok: true, date: "2027-02-02" });
    expect(parseDateArg("vakar", zone, now)).toEqual({ ok: true, date: "2027-01-31" });
    expect(parseDateArg("Aizvakar", zone, now)).toEqual({ ok: true, date: "2027-01-30" });
    expect(parseDateArg("yesterday", zone, now)).toEqual({ ok: true, date: "2027-01-31" });
    expect(parseDateArg("8. martā", zone, now)).toEqual({ ok: true, date: "2027-03-08" });
    expect(parseDateArg("31.01.", zone, now)).toEqual({ ok: true, date: "2028-01-31" });
    expect(parseDateArg("1 February", zone, now)).toEqual({ ok: true, date: "2027-02-01" });
    expect(parseDateArg("29.02.", zone, now)).toEqual({ ok: true, date: "2028-02-29" });
    expect(parseDateArg("30.02.", zone, now)).toMatchObject({ error: "invalid_date" });
  });

  it("needs now for relative dates", () => {
    expect(parseDateArg("rīt", zone)).toMatchObject({ ok: false, error: "unrecognised_date" });
    expect(parseDateArg("8. martā", zone)).toMatchObject({ ok: false, error: "unrecognised_date" });
  });
});

describe("parseTimeArg", () => {
  it.each([
    ["10:00", 10, 0],
    ["10.00", 10, 0],
    ["9:05", 9, 5],
    ["23:59", 23, 59],
    ["00:00", 0, 0],
  ])("reads %j", (text, hour, minute) => {
    expect(parseTimeArg(text)).toEqual({ ok: true, time: { hour, minute } });
  });

  it("rejects times out of range or in another shape", () => {
    expect(parseTimeArg("24:00")).toEqual({ ok: false, error: "invalid_time", input: "24:00" });
    expect(parseTimeArg("9:60")).toMatchObject({ error: "invalid_time" });
    expect(parseTimeArg("9")).toMatchObject({ error: "unrecognised_time" });
    expect(parseTimeArg("9:5")).toMatchObject({ error: "unrecognised_time" });
  });
});

describe("DATE_FORMATS_HELP", () => {
  it("lists the formats in Latvian and English", () => {
    expect(DATE_FORMATS_HELP.lv).toContain("01.02.2027.");
    expect(DATE_FORMATS_HELP.en).toContain("1 February 2027");
  });
});
