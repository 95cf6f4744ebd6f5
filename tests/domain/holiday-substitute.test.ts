/**
 * A substitute day (the working day after 4 May or 18 November on a weekend, the law "Par
 * svētku, atceres un atzīmējamām dienām", art. 1) is named in Latvian "… (pārceltā brīvdiena)",
 * not with `date-holidays`' word-for-word "(aizstājējs diena)" (a fresh user's finding); in
 * English "… (substitute day)". Through holidayName and the real library data, no mocks.
 */
import { describe, expect, it } from "vitest";
import { holidayName } from "../../src/domain/business-days.ts";
import { latvianHolidayName, SUBSTITUTE_MARK_LV } from "../../src/domain/holiday-names.ts";

describe("substitute days", () => {
  it("18 November 2028 (a Saturday): Monday 20 November is 'pārceltā brīvdiena'", () => {
    expect(holidayName("2028-11-20", "lv")).toBe(
      "Latvijas Republikas Proklamēšanas diena (pārceltā brīvdiena)",
    );
    expect(holidayName("2028-11-20", "en")).toBe("Republic Day (substitute day)");
  });

  it("4 May 2025 (a Sunday): Monday 5 May too; the day itself keeps its plain name", () => {
    expect(holidayName("2025-05-05", "lv")).toBe(
      "Latvijas Republikas Neatkarības atjaunošanas diena (pārceltā brīvdiena)",
    );
    expect(holidayName("2025-05-04", "lv")).toBe(
      "Latvijas Republikas Neatkarības atjaunošanas diena",
    );
  });

  it("no Latvian name of 2020–2035 has the library's mark", () => {
    for (let year = 2020; year <= 2035; year++) {
      for (const day of ["05-04", "05-05", "05-06", "11-18", "11-19", "11-20"]) {
        expect(holidayName(`${year}-${day}`, "lv") ?? "").not.toContain("aizstājēj");
      }
    }
  });

  it("a rule the table does not know keeps its name, the mark reworded", () => {
    const name = latvianHolidayName({
      rule: "05-29 and if saturday,sunday then next monday",
      name: "Hokeja diena (aizstājējs diena)",
      substitute: true,
    });
    expect(name).toBe(`Hokeja diena (${SUBSTITUTE_MARK_LV})`);
  });
});
