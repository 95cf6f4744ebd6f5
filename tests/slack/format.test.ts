/**
 * One style for the dates and times people read in Slack: a day "18.01.2027." / "18 Jan 2027",
 * an instant "pirmd. 18.01.2027. 09:00" / "Mon 18 Jan 2027 09:00", in Riga time.
 */
import { describe, expect, it } from "vitest";
import { formatDay, formatInstant, formatInstantDay } from "../../src/slack/format.ts";
import {
  formatDay as adminDay,
  formatInstant as adminInstant,
} from "../../src/slack/render-admin.ts";

const RIGA = "Europe/Riga";

describe("formatInstant", () => {
  it.each([
    // Winter (UTC+2) and summer (UTC+3) time in Riga.
    ["2027-01-18T07:00:00.000Z", "pirmd. 18.01.2027. 09:00", "Mon 18 Jan 2027 09:00"],
    ["2027-07-02T06:30:00.000Z", "piektd. 02.07.2027. 09:30", "Fri 2 Jul 2027 09:30"],
    // The end of a day in Riga is already the next day in UTC's eyes, and the other way round.
    ["2027-02-01T21:59:59.999Z", "pirmd. 01.02.2027. 23:59", "Mon 1 Feb 2027 23:59"],
    ["2026-11-29T23:33:00.000Z", "pirmd. 30.11.2026. 01:33", "Mon 30 Nov 2026 01:33"],
  ])("%s → %s / %s", (iso, lv, en) => {
    expect(formatInstant(iso, RIGA, "lv")).toBe(lv);
    expect(formatInstant(iso, RIGA, "en")).toBe(en);
  });

  it("keeps text that is not an instant as it is", () => {
    expect(formatInstant("nav laika", RIGA, "lv")).toBe("nav laika");
  });

  it("is the one the admin answers and the digest use", () => {
    expect(adminInstant).toBe(formatInstant);
    expect(adminDay).toBe(formatDay);
  });
});

describe("formatDay and formatInstantDay", () => {
  it("writes a date as 15.01.2027. / 15 Jan 2027", () => {
    expect(formatDay("2027-01-15", "lv")).toBe("15.01.2027.");
    expect(formatDay("2027-01-15", "en")).toBe("15 Jan 2027");
  });

  it("takes an instant's day in Riga, not in UTC", () => {
    expect(formatInstantDay("2027-01-19T22:30:00.000Z", RIGA, "lv")).toBe("20.01.2027.");
    expect(formatInstantDay("2027-01-19T22:30:00.000Z", RIGA, "en")).toBe("20 Jan 2027");
  });
});
