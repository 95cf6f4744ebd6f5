/**
 * Latvian public holidays' names as the law writes them. `date-holidays`' "LV" data capitalises
 * common nouns English-style ("Jaunais Gads", "Lielā Piektdiena", "Līgo Diena") and shortens
 * others ("Lieldienas", "Ziemassvētki", "Jāņi"); Latvian writes only the first word and proper
 * names with a capital. The names here are those of the law "Par svētku, atceres un
 * atzīmējamām dienām" (Holidays, Commemoration Days and Celebration Days Act), art. 1 and 2,
 * matched to the library's holidays by their date rule (its `rule` field, e.g. "easter -2"), not
 * by lower-casing, so proper names ("Latvijas Republikas …", "Lieldienas", "Ziemassvētki") keep
 * their capitals. English names are the library's, unchanged.
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
  "01-01": "Jaunais gads",
  "easter -2": "Lielā piektdiena",
  easter: "Pirmās Lieldienas",
  "easter 1": "Otrās Lieldienas",
  "05-01": "Darba svētki",
  "05-04 and if saturday,sunday then next monday":
    "Latvijas Republikas Neatkarības atjaunošanas diena",
  "2nd sunday in May": "Mātes diena",
  "easter 49": "Vasarsvētki",
  "06-23": "Līgo diena",
  "06-24": "Jāņu diena",
  "11-18 and if saturday,sunday then next monday": "Latvijas Republikas proklamēšanas diena",
  "12-24": "Ziemassvētku vakars",
  "12-25": "Pirmie Ziemassvētki",
  "12-26": "Otrie Ziemassvētki",
  "12-31": "Vecgada vakars",
};

/** The parenthesised mark the library ends a substitute day's name with: " (aizstājējs diena)". */
const TRAILING_MARK = /\s*\([^()]*\)$/u;

/**
 * `holiday`'s Latvian name as the law writes it ("Jaunais Gads" → "Jaunais gads", "Jāņi" →
 * "Jāņu diena"). A substitute day keeps the library's trailing mark as it is
 * ("Latvijas Republikas proklamēšanas diena (aizstājējs diena)"), which its readers
 * (commands/cutoff-day.ts) recognise and reword. A rule the table does not know (a one-off
 * holiday the Saeima adds, such as 29 May 2023) keeps the library's name.
 */
export function latvianHolidayName(holiday: LibraryHoliday): string {
  const official = LATVIAN_HOLIDAY_NAMES[holiday.rule];
  if (official === undefined) return holiday.name;
  if (!holiday.substitute) return official;
  const mark = TRAILING_MARK.exec(holiday.name)?.[0] ?? "";
  return `${official}${mark}`;
}
