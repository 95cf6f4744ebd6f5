import { DateTime } from "luxon";
import type { Locale } from "../config.ts";
import type { Deadline, TaskStatus } from "../domain/types.ts";
import { messages } from "../i18n/index.ts";
import { boundedCache } from "../memo.ts";
import { isPast } from "../time.ts";

/** Marker emoji per status, so a status reads at a glance in any language. */
export const STATUS_MARK: Record<TaskStatus | "none", string> = {
  done: "✅",
  partial: "🟡",
  not_done: "🔴",
  ongoing: "🔄",
  none: "⚪",
};

/** "✅ Izpildīts" / "🟡 Partly done"; `null` status reads "no result indicator". */
export function statusLabel(status: TaskStatus | null, locale: Locale): string {
  const key = status ?? "none";
  return `${STATUS_MARK[key]} ${messages(locale).status[key]}`;
}

/**
 * A deadline as a person reads it: "2010. gada 31. decembris" (lv) or "31 December 2010" (en)
 * for a dated one, "regulāri"/"katru gadu" for recurring ones, else the printed text.
 */
export function deadlineLabel(deadline: Deadline, locale: Locale, zone: string): string {
  const m = messages(locale);
  if (deadline.recurrence) return m.recurrence[deadline.recurrence];
  if (deadline.due) {
    const due = deadline.due;
    return dateLabels(`${due} ${zone} ${m.localeTag}`, () =>
      DateTime.fromISO(due, { zone }).setLocale(m.localeTag).toLocaleString(DateTime.DATE_FULL),
    );
  }
  return deadline.text;
}

/**
 * Formatted due dates: a reminder lists thirty of them and formatting one in a zone costs
 * about 10 µs of Intl work; a programme has a few dozen distinct dates.
 */
const dateLabels = boundedCache<string>(10_000);

/**
 * True when a task is overdue: it has a due date that ended before `now` (in `zone`) and it is
 * not done. Ongoing and recurring tasks are never overdue.
 */
export function isOverdue(
  deadline: Deadline,
  status: TaskStatus | null,
  now: DateTime,
  zone: string,
): boolean {
  if (!deadline.due || deadline.recurrence || status === "done" || status === "ongoing")
    return false;
  return isPast(deadline.due, zone, now);
}

/**
 * The one style of dates and times people read in Slack (`/task`, `/cutoff`, reminders, the
 * digest, the App Home, history): a day as "15.01.2027." (lv) or "15 Jan 2027" (en); an instant
 * as wall time in the app's zone with the weekday, so a reminder moved off a weekend or a
 * holiday reads as such: "pirmd. 18.01.2027. 09:00" / "Mon 18 Jan 2027 09:00". Deadlines keep
 * their long form ({@link deadlineLabel}), the report's own.
 */
const DAY_FORMAT: Record<Locale, string> = { lv: "dd.MM.yyyy.", en: "d LLL yyyy" };
const INSTANT_FORMAT: Record<Locale, string> = {
  lv: `ccc ${DAY_FORMAT.lv} HH:mm`,
  en: `ccc ${DAY_FORMAT.en} HH:mm`,
};

/** Formatted days and instants by zone, locale and ISO text (see {@link formatInstant}). */
const dayLabels = boundedCache<string>(5_000);
const instantLabels = boundedCache<string>(5_000);

/**
 * A calendar date ("2027-01-15") as "15.01.2027." (lv) or "15 Jan 2027" (en); the text as
 * given when it is not a date.
 */
export function formatDay(isoDate: string, locale: Locale): string {
  return dayLabels(`${locale} ${isoDate}`, () => {
    const day = DateTime.fromISO(isoDate, { zone: "utc" });
    return day.isValid ? day.setLocale(locale).toFormat(DAY_FORMAT[locale]) : isoDate;
  });
}

/**
 * A UTC ISO instant as wall time in `zone` (Europe/Riga), always to the minute: "pirmd.
 * 18.01.2027. 09:00" / "Mon 18 Jan 2027 09:00". People read one style everywhere (`/cutoff`,
 * reminders, `/task`, the digest, the CLI): seconds are never shown — a cut-off set to
 * 06:10:30, or reminders of a "test mode" plan 20 and 10 seconds before it, read "06:10" — and
 * an end-of-day cut-off (23:59:59.999 local) reads "23:59". The store keeps the seconds.
 * Latvian writes weekdays in lower case (ICU capitalises the abbreviation). The text as given
 * when it is not an instant. Memoised: `/task` and the reminders show the same few instants
 * again and again, and luxon's parsing and Intl formatting cost more than the rest of their
 * sections.
 */
export function formatInstant(iso: string, zone: string, locale: Locale): string {
  return instantLabels(`${zone} ${locale} ${iso}`, () => {
    const at = DateTime.fromISO(iso, { zone: "utc" });
    if (!at.isValid) return iso;
    const format = INSTANT_FORMAT[locale];
    const text = at.setZone(zone).setLocale(locale).toFormat(format);
    return locale === "lv" ? text.charAt(0).toLocaleLowerCase("lv") + text.slice(1) : text;
  });
}

/**
 * True when the UTC ISO instants `a` and `b` fall in the same minute of wall time in `zone`:
 * {@link formatInstant} shows them alike ("04:23"; an end-of-day cut-off's 23:59:59.999 and
 * 23:59 too). False when either is not an instant.
 */
export function sameMinute(a: string, b: string, zone: string): boolean {
  const x = DateTime.fromISO(a, { zone: "utc" }).setZone(zone);
  const y = DateTime.fromISO(b, { zone: "utc" }).setZone(zone);
  return x.isValid && y.isValid && x.hasSame(y, "minute");
}

/** The calendar day of a UTC ISO instant in `zone`, as {@link formatDay} writes it. */
export function formatInstantDay(iso: string, zone: string, locale: Locale): string {
  const day = storedInstantDay(iso, zone);
  if (day !== undefined) return formatDay(day, locale);
  return instantDays(`${zone} ${locale} ${iso}`, () => {
    const at = DateTime.fromISO(iso, { zone: "utc" });
    return at.isValid ? formatDay(at.setZone(zone).toISODate() ?? iso, locale) : iso;
  });
}

/**
 * Formatted days of instants (see {@link formatInstantDay}) that {@link storedInstantDay}
 * leaves to luxon.
 */
const instantDays = boundedCache<string>(5_000);

/** The form the store keeps instants in (`toISO()` in UTC): "2027-01-19T22:30:00.000Z". */
const STORED_INSTANT = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const HOUR_MS = 3_600_000;

/**
 * The calendar date ("2027-01-20") in `zone` of an instant in the store's form, as luxon's
 * `fromISO(iso, { zone: "utc" }).setZone(zone).toISODate()` gives it, without parsing and
 * moving each instant with luxon (~10 µs each on a `/task N` that shows replies; every reply
 * has its own instant, so a memo of instants does not help): the instant plus the zone's
 * offset, read once per zone and hour (see {@link hourOffset}). Undefined — and then the
 * caller asks luxon — for any other form, a date that does not exist ("…-02-30…"), a year
 * outside 1900–2999, an unknown zone, or an hour in which the zone's offset changes.
 */
export function storedInstantDay(iso: string, zone: string): string | undefined {
  const year = STORED_INSTANT.exec(iso)?.[1];
  if (!year || year < "1900" || year > "2999") return undefined;
  const ms = Date.parse(iso);
  // A date that does not exist (Feb 30, 24:00) comes back as another day, or not at all.
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 19) !== iso.slice(0, 19))
    return undefined;
  const offset = hourOffset(zone, Math.floor(ms / HOUR_MS));
  if (Number.isNaN(offset)) return undefined;
  // luxon's own arithmetic (`tsToObj(ts + offset * 60 * 1000)`), so fractions of a minute
  // (historical local mean times) round as there.
  return new Date(ms + offset * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * `zone`'s offset from UTC in minutes (luxon's, as `DateTime#offset`) throughout the UTC hour
 * `hour` (ms since the epoch / 3,600,000), or NaN when it is not one offset throughout (a
 * transition falls in that hour: the offsets at its first and last millisecond differ) or the
 * zone is unknown. Zones change their offset at most once in any hour, so equal ends mean one
 * offset. Memoised: the instants of one day share 24 of them.
 */
function hourOffset(zone: string, hour: number): number {
  return hourOffsets(`${zone} ${hour}`, () => {
    const first = DateTime.fromMillis(hour * HOUR_MS, { zone });
    const last = DateTime.fromMillis((hour + 1) * HOUR_MS - 1, { zone });
    if (!first.isValid || !last.isValid || first.offset !== last.offset) return Number.NaN;
    return first.offset;
  });
}

const hourOffsets = boundedCache<number>(20_000);
