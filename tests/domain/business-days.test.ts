import { describe, expect, it } from "vitest";
import {
  holidayName,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
} from "../../src/domain/business-days.ts";

describe("isBusinessDay", () => {
  it("counts Monday–Friday and not weekends", () => {
    expect(isBusinessDay("2027-01-29")).toBe(true); // Friday
    expect(isBusinessDay("2027-01-30")).toBe(false); // Saturday
    expect(isBusinessDay("2027-01-31")).toBe(false); // Sunday
  });

  it("skips the substitute Monday after 4 May or 18 November on a weekend", () => {
    expect(isBusinessDay("2025-05-05")).toBe(false); // 4 May 2025 is a Sunday
    expect(isBusinessDay("2023-11-20")).toBe(false); // 18 Nov 2023 is a Saturday
    expect(isBusinessDay("2028-11-20")).toBe(false); // 18 Nov 2028 is a Saturday
    expect(isBusinessDay("2027-11-19")).toBe(true); // 18 Nov 2027 is a Thursday: no substitute
  });

  it("knows Easter, Jāņi and the year-end holidays", () => {
    for (const date of ["2027-03-26", "2027-03-29", "2027-06-23", "2027-06-24", "2027-12-24"]) {
      expect(isBusinessDay(date)).toBe(false);
    }
    expect(isBusinessDay("2027-12-31")).toBe(false);
    expect(isBusinessDay("2027-12-30")).toBe(true);
  });

  it("treats observances (Mātes diena) as ordinary days", () => {
    expect(holidayName("2027-05-09")).toBeNull(); // a Sunday anyway; no public holiday
  });

  it("rejects text that is not a calendar date", () => {
    expect(() => isBusinessDay("2027-02-30")).toThrow(RangeError);
    expect(() => isBusinessDay("1.2.2027")).toThrow(RangeError);
  });
});

describe("previousBusinessDay", () => {
  it("returns a business day itself", () => {
    expect(previousBusinessDay("2027-01-29")).toBe("2027-01-29");
  });

  it("moves back over weekends and holidays", () => {
    expect(previousBusinessDay("2027-01-31")).toBe("2027-01-29");
    expect(previousBusinessDay("2027-03-29")).toBe("2027-03-25"); // Easter Monday → Thursday
    expect(previousBusinessDay("2027-06-24")).toBe("2027-06-22"); // Jāņi → Tuesday
    expect(previousBusinessDay("2028-11-20")).toBe("2028-11-17");
    expect(previousBusinessDay("2028-01-01")).toBe("2027-12-30"); // across the year
  });
});

describe("nextBusinessDay", () => {
  it("is strictly after the date", () => {
    expect(nextBusinessDay("2027-02-01")).toBe("2027-02-02");
  });

  it("moves forward over weekends and holidays", () => {
    expect(nextBusinessDay("2028-11-17")).toBe("2028-11-21");
    expect(nextBusinessDay("2025-05-02")).toBe("2025-05-06");
    expect(nextBusinessDay("2027-12-23")).toBe("2027-12-27");
  });
});

describe("holidayName", () => {
  it("names public holidays in Latvian by default and in English on request", () => {
    expect(holidayName("2027-06-24")).toBe("Jāņu diena");
    expect(holidayName("2027-06-24", "en")).toBe("Midsummer");
    expect(holidayName("2025-05-05")).toContain("Neatkarības atjaunošanas");
  });

  it("is null on ordinary days", () => {
    expect(holidayName("2027-02-01")).toBeNull();
  });
});
