import { DateTime } from "luxon";

/** The only source of "now" in domain code, so tests can fix time. `now()` is in UTC. */
export interface Clock {
  now(): DateTime;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => DateTime.utc() };

/** A clock fixed at `iso` (UTC ISO-8601) that tests may move with `set`. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let current = DateTime.fromISO(iso, { zone: "utc" });
  return {
    now: () => current,
    set(next: string) {
      current = DateTime.fromISO(next, { zone: "utc" });
    },
  };
}

/**
 * The instant a due date ends: 23:59:59.999 of `date` ("2010-12-31") in `zone`, as a UTC
 * DateTime. A deadline "2010.gads" is met until the end of 31 December 2010 in Riga.
 */
export function endOfDayIn(date: string, zone: string): DateTime {
  const key = `${date} ${zone}`;
  let end = endsOfDays.get(key);
  if (!end) {
    end = DateTime.fromISO(date, { zone }).endOf("day").toUTC();
    if (endsOfDays.size >= 10_000) endsOfDays.clear();
    endsOfDays.set(key, end);
  }
  return end;
}

/** Computed ends of days (immutable DateTimes): a zone's offset costs Intl work each time. */
const endsOfDays = new Map<string, DateTime>();

/** True when the due date (ISO calendar date in `zone`) ended before `now`. */
export function isPast(date: string, zone: string, now: DateTime): boolean {
  return endOfDayIn(date, zone) < now;
}
