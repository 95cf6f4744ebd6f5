/**
 * Latvian public holidays' names as the law writes them. `date-holidays`' "LV" data capitalises
 * common nouns English-style ("Jaunais Gads", "Līgo Diena"), shortens others ("Lieldienas",
 * "Ziemassvētki", "Jāņi") and names some days other than the law does ("Jaunais Gads",
 * "Vecgada vakars"). The names here are those of the law "Par svētku, atceres un atzīmējamām
 * dienām" (Holidays, Commemoration Days and Celebration Days Act), art. 1 (the public holidays):
 * "Jaungada diena" (1 January), "Lielā Piektdiena", "Darba svētki, Latvijas Republikas
 * Satversmes sapulces sasaukšanas diena" (1 May), "Latvijas Republikas Neatkarības atjaunošanas
 * diena" (4 May; so named by the amendment of 7 April 2011, before it "… Neatkarības
 * deklarācijas pasludināšanas diena"), "Latvijas Republikas Proklamēšanas diena" (18 November),
 * "Vecgada diena" (31 December), with the law's own capitals. The law names Easter and Christmas
 * as a whole ("Lieldienas", "Ziemassvētki", 24–26 December); each day is named here as Latvian
 * calendars do ("Pirmās Lieldienas", "Ziemassvētku vakars", "Otrie Ziemassvētki").
 * They are matched to the library's holidays by their date rule (its `rule` field, e.g.
 * "easter -2"), not by lower-casing. English names are the library's, unchanged.
 * The law's "Vispārējo latviešu Dziesmu un deju svētku noslēguma diena" (the closing day of the
 * Song and Dance Festival, in festival years) is not in the library's data, so it has no rule
 * here and is not a holiday to this app.
 */

/** A holiday as `date-holidays` gives it: its date rule, its name, a substitute day's mark. */
export interface LibraryHoliday {
  /** The data's rule, e.g. "01-01", "easter -2", "05-04 and if saturday,sunday then next monday". */
  rule: string;
  /** The library's name in the language asked for, e.g. "Jaunais Gads". */
  name: string;
  /** True on the working day given in place of 4 May or 18 November on a weekend. */
  substitute?: boolean;
}

/**
 * The law's name of each holiday, by the library's rule for it. Mātes diena (an observance) and
 * Vasarsvētki (a Sunday, not in the library's "LV" data) are named too, should either appear.
 */
export const LATVIAN_HOLIDAY_NAMES: Readonly<Record<string, string>> = {
  "01-01": "Jaungada diena",
  "easter -2": "Lielā Piektdiena",
  easter: "Pirmās Lieldienas",
  "easter 1": "Otrās Lieldienas",
  "05-01": "Darba svētki, Latvijas Republikas Satversmes sapulces sasaukšanas diena",
  "05-04 and if saturday,sunday then next monday":
    "Latvijas Republikas Neatkarības atjaunošanas diena",
  "2nd sunday in May": "Mātes diena",
  "easter 49": "Vasarsvētki",
  "06-23": "Līgo diena",
  "06-24": "Jāņu diena",
  "11-18 and if saturday,sunday then next monday": "Latvijas Republikas Proklamēšanas diena",
  "12-24": "Ziemassvētku vakars",
  "12-25": "Pirmie Ziemassvētki",
  "12-26": "Otrie Ziemassvētki",
  "12-31": "Vecgada diena",
};

/**
 * What the Latvian name of a substitute day (the working day after 4 May or 18 November on a
 * weekend) ends with, in parentheses: "pārceltā brīvdiena" ("the day off moved"), as Latvian
 * calendars and the cut-off warning (commands/cutoff-day.ts) call it: the law, art. 1, makes
 * that working day a day off ("brīvdiena") moved from the weekend. The library's own mark,
 * "(aizstājējs diena)", is its English "(substitute day)" word for word, not Latvian usage.
 */
export const SUBSTITUTE_MARK_LV = "pārceltā brīvdiena";

/** The parenthesised mark the library ends a substitute day's name with: " (aizstājējs diena)". */
const TRAILING_MARK = /\s*\([^()]*\)$/u;

/**
 * `holiday`'s Latvian name as the law writes it ("Jaunais Gads" → "Jaungada diena", "Jāņi" →
 * "Jāņu diena"). A substitute day's name ends with " (pārceltā brīvdiena)"
 * ({@link SUBSTITUTE_MARK_LV}) in place of the library's mark: "Latvijas Republikas
 * Proklamēšanas diena (pārceltā brīvdiena)". A rule the table does not know (a one-off holiday
 * the Saeima adds, such as 29 May 2023) keeps the library's name (a substitute's mark reworded).
 */
export function latvianHolidayName(holiday: LibraryHoliday): string {
  const official = LATVIAN_HOLIDAY_NAMES[holiday.rule];
  if (!holiday.substitute) return official ?? holiday.name;
  const base = official ?? holiday.name.replace(TRAILING_MARK, "");
  return `${base} (${SUBSTITUTE_MARK_LV})`;
}
