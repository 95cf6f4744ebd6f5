/**
 * Latvian business days ("darba dienas"): Monday–Friday except public holidays.
 *
 * Every function here takes and returns ISO calendar dates ("YYYY-MM-DD") meant as dates in
 * Europe/Riga. A calendar date carries no zone, so arithmetic on it is done in UTC, where no
 * day is 23 or 25 hours long; callers convert instants to a Riga date first
 * (`DateTime.setZone("Europe/Riga").toISODate()`).
 *
 * Holidays come from the maintained `date-holidays` data for "LV", which follows the law
 * "Par svētku, atceres un atzīmējamām dienām" (Holidays, Commemoration Days and Celebration
 * Days Act), art. 1: New Year, Good Friday, Easter, Labour Day, 4 May, Līgo and Jāņi
 * (23–24 June), 18 November, Christmas Eve to Boxing Day, New Year's Eve, one-off holidays
 * the Saeima adds (e.g. 29 May 2023), and art. 1's substitute day (when 4 May or 18 November
 * falls on a Saturday or Sunday, the next working day is a holiday; the library marks it
 * `substitute: true`, checked for 2023-11-20, 2025-05-05 and 2028-11-20). Only holidays of type
 * "public" count: observances such as Mātes diena are working days. Working days moved by
 * Cabinet order under Labour Law art. 133(4) ("pārceltās darbdienas", e.g. Friday 2 May 2025
 * worked on Saturday 10 May) are not modelled: they bind only budget-funded institutions and
 * are decided a year at a time.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type Holidays from "date-holidays";
import { DateTime } from "luxon";
import { latvianHolidayName } from "./holiday-names.ts";

/** Languages `holidayName` can answer in. */
export type HolidayLocale = "lv" | "en";

/** How far the business-day searches look before giving up (no real year has such a gap). */
const MAX_SEARCH_DAYS = 31;

let calendar: Holidays | undefined;

/**
 * The "LV" calendar of `date-holidays`, built on first use from Latvia's rules alone.
 * `import Holidays from "date-holidays"` keeps every country's rules in the heap for the life
 * of the process (~3.6 MB of its 8 MB, measured with `--expose-gc`); the package's parser
 * (`date-holidays-parser`, the class `Holidays` extends, resolved from the package itself so it
 * is the very version it uses) takes the same data object with only "LV" in it: the same rules,
 * the same shared holiday names, the same answers. The full data file is read once and dropped.
 */
function latvianCalendar(): Holidays {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve("date-holidays/package.json"));
  const parser = createRequire(join(packageDir, "package.json"))("date-holidays-parser") as {
    default: new (data: unknown, country: string) => Holidays;
  };
  const all = JSON.parse(readFileSync(join(packageDir, "data", "holidays.json"), "utf8")) as {
    version: string;
    license: string;
    holidays: Record<string, unknown>;
    names: unknown;
  };
  const data = { ...all, holidays: { LV: all.holidays.LV } };
  return new parser.default(data, "LV");
}

/** Per "year:locale": ISO date → holiday name(s). */
const cache = new Map<string, ReadonlyMap<string, string>>();

function publicHolidays(year: number, locale: HolidayLocale): ReadonlyMap<string, string> {
  const key = `${year}:${locale}`;
  const cached = cache.get(key);
  if (cached) return cached;
  calendar ??= latvianCalendar();
  const byDate = new Map<string, string>();
  for (const holiday of calendar.getHolidays(year, locale)) {
    if (holiday.type !== "public") continue;
    // `date` is the local date and time in Riga, "2025-05-05 00:00:00".
    const date = holiday.date.slice(0, 10);
    // Latvian as the law writes the names ("Jaungada diena", not the data's "Jaunais Gads").
    const name = locale === "lv" ? latvianHolidayName(holiday) : holiday.name;
    const earlier = byDate.get(date);
    byDate.set(date, earlier ? `${earlier}; ${name}` : name);
  }
  cache.set(key, byDate);
  return byDate;
}

function toCalendarDate(date: string): DateTime {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: "utc" }) : null;
  if (!parsed?.isValid) throw new RangeError(`not an ISO calendar date: "${date}"`);
  return parsed;
}

function isBusinessDate(day: DateTime): boolean {
  if (day.weekday > 5) return false;
  return !publicHolidays(day.year, "lv").has(day.toISODate() ?? "");
}

function searchBusinessDay(start: DateTime, step: 1 | -1): string {
  let day = start;
  for (let i = 0; i <= MAX_SEARCH_DAYS; i++) {
    if (isBusinessDate(day)) return day.toISODate() ?? "";
    day = day.plus({ days: step });
  }
  throw new RangeError(`no business day within ${MAX_SEARCH_DAYS} days of ${start.toISODate()}`);
}

/**
 * True when `date` ("2027-01-29") is a working day in Latvia: Monday–Friday and not a public
 * holiday (substitute Mondays included).
 * @throws RangeError when `date` is not a valid "YYYY-MM-DD" date.
 */
export function isBusinessDay(date: string): boolean {
  return isBusinessDate(toCalendarDate(date));
}

/**
 * `date` itself when it is a business day, else the nearest earlier one
 * ("2027-03-29", Easter Monday → "2027-03-25", skipping Good Friday and the weekend).
 * @throws RangeError when `date` is not a valid "YYYY-MM-DD" date.
 */
export function previousBusinessDay(date: string): string {
  return searchBusinessDay(toCalendarDate(date), -1);
}

/**
 * The first business day strictly after `date` ("2028-11-17", a Friday → "2028-11-21",
 * skipping the weekend and the substitute holiday on Monday 20 November).
 * @throws RangeError when `date` is not a valid "YYYY-MM-DD" date.
 */
export function nextBusinessDay(date: string): string {
  return searchBusinessDay(toCalendarDate(date).plus({ days: 1 }), 1);
}

/**
 * The name of the public holiday on `date` in `locale` (default Latvian), e.g.
 * "Jāņu diena" / "Midsummer" for "2027-06-24"; `null` on other days, observances included.
 * Latvian names are the law's (holiday-names.ts: "Jaungada diena", not the data's "Jaunais
 * Gads"); a substitute day ends with " (pārceltā brīvdiena)" / the library's " (substitute
 * day)". English names are the library's. Several holidays on one date are
 * joined with "; ".
 * @throws RangeError when `date` is not a valid "YYYY-MM-DD" date.
 */
export function holidayName(date: string, locale: HolidayLocale = "lv"): string | null {
  const day = toCalendarDate(date);
  return publicHolidays(day.year, locale).get(date) ?? null;
}
