/**
 * Every Latvian public holiday of 2026–2028 is named as the law "Par svētku, atceres un
 * atzīmējamām dienām", art. 1, writes it (a fresh user's finding: `/cutoff add 2027-01-01` said
 * "(Jaunais Gads)"; a review: the law's names are "Jaungada diena", "Vecgada diena", "Lielā
 * Piektdiena", "Latvijas Republikas Proklamēšanas diena" and 1 May's full name), and the English
 * names stay the library's. Through holidayName, the real
 * `date-holidays` data, no mocks.
 */
import { describe, expect, it } from "vitest";
import { holidayName } from "../../src/domain/business-days.ts";
import { latvianHolidayName } from "../../src/domain/holiday-names.ts";

/** "MM-DD" → [Latvian, English] of the holidays on the same date every year. */
const FIXED: Record<string, [string, string]> = {
  "01-01": ["Jaungada diena", "New Year's Day"],
  "05-01": [
    "Darba svētki, Latvijas Republikas Satversmes sapulces sasaukšanas diena",
    "Labour Day",
  ],
  "05-04": [
    "Latvijas Republikas Neatkarības atjaunošanas diena",
    "Restoration of Independence day",
  ],
  "06-23": ["Līgo diena", "Midsummer Eve"],
  "06-24": ["Jāņu diena", "Midsummer"],
  "11-18": ["Latvijas Republikas Proklamēšanas diena", "Republic Day"],
  "12-24": ["Ziemassvētku vakars", "Christmas Eve"],
  "12-25": ["Pirmie Ziemassvētki", "Christmas Day"],
  "12-26": ["Otrie Ziemassvētki", "Boxing Day"],
  "12-31": ["Vecgada diena", "New Year's Eve"],
};

/** Good Friday, Easter Sunday and Easter Monday of each year, "MM-DD". */
const EASTER: Record<number, [string, string, string]> = {
  2026: ["04-03", "04-05", "04-06"],
  2027: ["03-26", "03-28", "03-29"],
  2028: ["04-14", "04-16", "04-17"],
};

/** Holidays only some years have. */
const EXTRA: Record<number, Record<string, [string, string]>> = {
  // 18 November 2028 is a Saturday: the substitute day keeps its mark, in Latvian usage
  // ("pārceltā brīvdiena", not the library's word-for-word "aizstājējs diena").
  2028: {
    "11-20": [
      "Latvijas Republikas Proklamēšanas diena (pārceltā brīvdiena)",
      "Republic Day (substitute day)",
    ],
  },
};

/** Date → [Latvian, English] for each public holiday of the years; the rest are none. */
const EXPECTED: Record<number, Record<string, [string, string]>> = Object.fromEntries(
  Object.entries(EASTER).map(([year, [friday, sunday, monday]]) => [
    year,
    {
      ...FIXED,
      [friday]: ["Lielā Piektdiena", "Good Friday"],
      [sunday]: ["Pirmās Lieldienas", "Easter Sunday"],
      [monday]: ["Otrās Lieldienas", "Easter Monday"],
      ...EXTRA[Number(year)],
    },
  ]),
);

/** Every calendar date of `year`, "YYYY-MM-DD". */
function datesOf(year: number): string[] {
  const out: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; ) {
    out.push(d.toISOString().slice(0, 10));
    d = new Date(d.getTime() + 86_400_000);
  }
  return out;
}

describe("holiday names, 2026–2028", () => {
  for (const year of [2026, 2027, 2028]) {
    it(`${year}: each public holiday by the law's Latvian name, the library's English one`, () => {
      const expected = EXPECTED[year] ?? {};
      const found: Record<string, [string, string]> = {};
      for (const date of datesOf(year)) {
        const lv = holidayName(date, "lv");
        const en = holidayName(date, "en");
        expect(lv === null, date).toBe(en === null);
        if (lv !== null && en !== null) found[date.slice(5)] = [lv, en];
      }
      expect(found).toEqual(expected);
    });
  }

  it("no Latvian name capitalises a common noun after its first word", () => {
    // Capitals after the first word only where the law writes them: Latvijas Republikas,
    // Satversmes, Neatkarības, Proklamēšanas, Piektdiena, Lieldienas, Ziemassvētki.
    const proper =
      /^(Latvijas|Republikas|Satversmes|Neatkarības|Proklamēšanas|Piektdiena|Lieldienas|Ziemassvētki)$/u;
    for (const year of [2026, 2027, 2028])
      for (const [lv] of Object.values(EXPECTED[year] ?? {}))
        for (const word of lv
          .replace(/\s*\(.*\)$/u, "")
          .split(" ")
          .slice(1))
          if (/^\p{Lu}/u.test(word)) expect(word, lv).toMatch(proper);
  });
});

describe("latvianHolidayName", () => {
  it("maps by the library's rule, keeps a substitute day's mark and an unknown rule's name", () => {
    expect(latvianHolidayName({ rule: "01-01", name: "Jaunais Gads" })).toBe("Jaungada diena");
    expect(
      latvianHolidayName({
        rule: "05-04 and if saturday,sunday then next monday",
        name: "Latvijas Republikas Neatkarības atjaunošanas diena (aizstājējs diena)",
        substitute: true,
      }),
    ).toBe("Latvijas Republikas Neatkarības atjaunošanas diena (pārceltā brīvdiena)");
    expect(latvianHolidayName({ rule: "2023-05-29", name: "Hokeja bronza" })).toBe("Hokeja bronza");
    // 29 May 2023, the one-off holiday, keeps the library's own name.
    expect(holidayName("2023-05-29")).toContain("hokeja");
    expect(holidayName("2025-05-05")).toBe(
      "Latvijas Republikas Neatkarības atjaunošanas diena (pārceltā brīvdiena)",
    );
  });
});
