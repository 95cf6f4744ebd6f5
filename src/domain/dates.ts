/**
 * Dates and times people type in slash commands ("/cutoff 2027-02-01 10:00",
 * "/session 2013. gada 8. martā"). Pure; nothing here throws: every outcome is a result.
 *
 * Latvian forms follow the style of the programme's report ("2013.gada 8.martā", "01.02.2013.")
 * and Latvian orthography rules, where a date may end with a full stop.
 */
import { DateTime } from "luxon";

/** A wall-clock time of day, 24-hour: `hour` 0–23, `minute` 0–59. */
export interface LocalTime {
  hour: number;
  minute: number;
}

/**
 * Outcome of {@link parseDateArg}. `date` is an ISO calendar date ("2027-02-01") in the zone
 * the caller passed. `invalid_date`: the text has a known shape but names no such day
 * ("31.02.2013."); `unrecognised_date`: no known shape. `input` is the trimmed text.
 */
export type DateArgResult =
  | { ok: true; date: string }
  | { ok: false; error: "invalid_date" | "unrecognised_date"; input: string };

/**
 * Outcome of {@link parseTimeArg}. `invalid_time`: "HH:MM" shape out of range ("24:00",
 * "9:60"); `unrecognised_time`: no known shape. `input` is the trimmed text.
 */
export type TimeArgResult =
  | { ok: true; time: LocalTime }
  | { ok: false; error: "invalid_time" | "unrecognised_time"; input: string };

/** The forms every date help names, before the words for days near today. */
const FORMATS_LV =
  "Datumu var rakstīt šādi: 2027-02-01, 01.02.2027., 1.2.2027, 2027. gada 1. februārī, " +
  "1 February 2027; bez gada (1.02., 1. februārī) — tuvākais šāds datums no šodienas; ";
const FORMATS_EN =
  "Write a date as 2027-02-01, 01.02.2027, 1.2.2027, 1 February 2027, February 1, 2027 " +
  "or 2027. gada 1. februārī; without a year (1.02., 1 February) it means the next such " +
  "date from today; ";

/** The accepted date formats, for help and error messages. */
export const DATE_FORMATS_HELP: Readonly<Record<"lv" | "en", string>> = {
  lv: `${FORMATS_LV}kā arī šodien, rīt, vakar, aizvakar.`,
  en: `${FORMATS_EN}also today, tomorrow, yesterday.`,
};

/**
 * {@link DATE_FORMATS_HELP} for a date that must be ahead (a reporting cut-off): the same forms,
 * but no word for a day gone ("vakar", "aizvakar", "yesterday"), which such a command refuses.
 */
export const FUTURE_DATE_FORMATS_HELP: Readonly<Record<"lv" | "en", string>> = {
  lv: `${FORMATS_LV}kā arī šodien, rīt.`,
  en: `${FORMATS_EN}also today, tomorrow.`,
};

/** Latvian (nominative, genitive, locative) and English month names, without diacritics. */
const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  [
    ["janvaris janvara janvari", "january jan"],
    ["februaris februara februari", "february feb"],
    ["marts marta", "march mar"],
    ["aprilis aprila aprili", "april apr"],
    ["maijs maija", "may"],
    ["junijs junija", "june jun"],
    ["julijs julija", "july jul"],
    ["augusts augusta", "august aug"],
    ["septembris septembra septembri", "september sep sept"],
    ["oktobris oktobra oktobri", "october oct"],
    ["novembris novembra novembri", "november nov"],
    ["decembris decembra decembri", "december dec"],
  ].flatMap(([lv, en], index) =>
    `${lv} ${en}`.split(" ").map((name): [string, number] => [name, index + 1]),
  ),
);

/** Lower case, Latvian diacritics removed ("Martā" → "marta"), single spaces. */
function normalise(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

interface DateParts {
  year: number | null;
  month: number;
  day: number;
}

const NAME = "([a-z]+)\\.?";
const PATTERNS: ReadonlyArray<[RegExp, (m: string[]) => DateParts | null]> = [
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => parts(m[1], m[2], m[3])],
  [/^(\d{1,2})\. ?(\d{1,2})\. ?(\d{4})\.?$/, (m) => parts(m[3], m[2], m[1])],
  [/^(\d{1,2})\. ?(\d{1,2})\.$/, (m) => parts(null, m[2], m[1])],
  [
    new RegExp(`^(\\d{4})\\. ?(?:gada|g\\.) ?(\\d{1,2})\\. ?${NAME}$`),
    (m) => named(m[1], m[3], m[2]),
  ],
  [new RegExp(`^(\\d{1,2})\\. ?${NAME}$`), (m) => named(null, m[2], m[1])],
  [new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)? ${NAME},? (\\d{4})$`), (m) => named(m[3], m[2], m[1])],
  [new RegExp(`^${NAME} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})$`), (m) => named(m[3], m[1], m[2])],
  [new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)? ${NAME}$`), (m) => named(null, m[2], m[1])],
  [new RegExp(`^${NAME} (\\d{1,2})(?:st|nd|rd|th)?$`), (m) => named(null, m[1], m[2])],
];

function parts(year: string | null | undefined, month?: string, day?: string): DateParts {
  return { year: year ? Number(year) : null, month: Number(month), day: Number(day) };
}

function named(year: string | null | undefined, name?: string, day?: string): DateParts | null {
  const month = MONTH_NAMES.get(name ?? "");
  return month === undefined ? null : { ...parts(year, "1", day), month };
}

function calendarDate(year: number, month: number, day: number): string | null {
  const date = DateTime.fromObject({ year, month, day }, { zone: "utc" });
  return date.isValid ? date.toISODate() : null;
}

/** The first date with this month and day on or after `today` (looks up to 8 years ahead). */
function nextOccurrence(month: number, day: number, today: DateTime): string | null {
  for (let year = today.year; year <= today.year + 8; year++) {
    const date = calendarDate(year, month, day);
    if (date !== null && date >= (today.toISODate() ?? "")) return date;
  }
  return null;
}

/** Day words (normalised: no diacritics) and their offset from today in days. */
const DAY_WORDS: ReadonlyMap<string, number> = new Map([
  ["today", 0],
  ["sodien", 0],
  ["tomorrow", 1],
  ["rit", 1],
  ["yesterday", -1],
  ["vakar", -1],
  ["aizvakar", -2],
]);

function relativeDate(text: string, today: DateTime): string | null {
  const offset = DAY_WORDS.get(text);
  return offset === undefined ? null : today.plus({ days: offset }).toISODate();
}

/**
 * Parses a date typed by a person into an ISO calendar date ("YYYY-MM-DD"); see
 * {@link DATE_FORMATS_HELP} for the formats. Diacritics and case are ignored ("marta" works
 * for "martā"). Forms without a year ("8. martā", "01.02.") and "today"/"šodien",
 * "tomorrow"/"rīt", "yesterday"/"vakar", "aizvakar" (the day before yesterday) are resolved against `now` (a UTC instant) seen in `zone` (e.g.
 * "Europe/Riga"); without `now` they are `unrecognised_date`. Never throws.
 */
export function parseDateArg(text: string, zone: string, now?: DateTime): DateArgResult {
  const input = text.trim();
  const normalised = normalise(input);
  const today = now?.setZone(zone).startOf("day");
  const fail = (error: "invalid_date" | "unrecognised_date"): DateArgResult => ({
    ok: false,
    error,
    input,
  });
  const relative = today?.isValid ? relativeDate(normalised, today) : null;
  if (relative) return { ok: true, date: relative };
  for (const [pattern, read] of PATTERNS) {
    const match = pattern.exec(normalised);
    const found = match ? read(match) : null;
    if (!found) continue;
    let date: string | null;
    if (found.year !== null) date = calendarDate(found.year, found.month, found.day);
    else if (today?.isValid) date = nextOccurrence(found.month, found.day, today);
    else return fail("unrecognised_date");
    return date ? { ok: true, date } : fail("invalid_date");
  }
  return fail("unrecognised_date");
}

/**
 * Parses a time of day typed by a person: "10:00", "10.00", "9:05" (24-hour, Latvian usage
 * allows a full stop). Never throws.
 */
export function parseTimeArg(text: string): TimeArgResult {
  const input = text.trim();
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(input);
  if (!match) return { ok: false, error: "unrecognised_time", input };
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return { ok: false, error: "invalid_time", input };
  return { ok: true, time: { hour, minute } };
}
