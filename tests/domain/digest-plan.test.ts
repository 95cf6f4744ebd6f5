import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { businessDaysBefore, digestDraftAt } from "../../src/domain/digest-plan.ts";

const NINE = { hour: 9, minute: 0 };

describe("when the draft digest goes to the secretary", () => {
  it("counts business days back, skipping weekends and holidays", () => {
    expect(businessDaysBefore("2027-03-22", 2)).toBe("2027-03-18"); // Monday → Thursday
    expect(businessDaysBefore("2027-03-24", 2)).toBe("2027-03-22"); // Wednesday → Monday
    // Monday 29 March 2027 is Easter Monday and Friday 26 March Good Friday: both holidays.
    expect(businessDaysBefore("2027-03-29", 1)).toBe("2027-03-25");
    expect(businessDaysBefore("2027-03-29", 2)).toBe("2027-03-24");
    expect(businessDaysBefore("2027-03-27", 0)).toBe("2027-03-25"); // a Saturday session
    expect(() => businessDaysBefore("2027-03-29", -1)).toThrow(RangeError);
  });

  it("fires at 09:00 Riga: 07:00Z before the DST change of 28 March 2027, 06:00Z after", () => {
    // Session Monday 29 March 2027 10:00 EEST (07:00Z): 2 business days before is Wednesday
    // 24 March, still winter time (UTC+2).
    expect(digestDraftAt("2027-03-29T07:00:00.000Z", 2, NINE, "Europe/Riga")).toBe(
      "2027-03-24T07:00:00.000Z",
    );
    // Session Thursday 1 April 2027: Tuesday 30 March, summer time (UTC+3).
    expect(digestDraftAt("2027-04-01T07:00:00.000Z", 2, NINE, "Europe/Riga")).toBe(
      "2027-03-30T06:00:00.000Z",
    );
    // One business day before Monday 29 March: Thursday 25 March, across the weekend of the change.
    expect(digestDraftAt("2027-03-29T07:00:00.000Z", 1, NINE, "Europe/Riga")).toBe(
      "2027-03-25T07:00:00.000Z",
    );
    // Autumn: session Tuesday 2 November 2027; 2 business days before is Friday 29 October (EEST).
    expect(digestDraftAt("2027-11-02T08:00:00.000Z", 2, NINE, "Europe/Riga")).toBe(
      "2027-10-29T06:00:00.000Z",
    );
  });

  it("reads the session's local date, not its UTC date", () => {
    // 00:30 Riga on Tuesday 23 March is 22:30Z on Monday 22 March.
    expect(digestDraftAt("2027-03-22T22:30:00.000Z", 2, NINE, "Europe/Riga")).toBe(
      "2027-03-19T07:00:00.000Z",
    );
  });
});

describe("DIGEST_LEAD_DAYS", () => {
  it("defaults to 2 and takes whole business days up to 20", () => {
    expect(loadConfig({}).digestLeadDays).toBe(2);
    expect(loadConfig({ DIGEST_LEAD_DAYS: "3" }).digestLeadDays).toBe(3);
    expect(() => loadConfig({ DIGEST_LEAD_DAYS: "x" })).toThrow(
      /DIGEST_LEAD_DAYS: must be a whole number/,
    );
    expect(() => loadConfig({ DIGEST_LEAD_DAYS: "21" })).toThrow(
      /DIGEST_LEAD_DAYS: must be at most 20/,
    );
  });
});
