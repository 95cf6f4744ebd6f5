import { DateTime } from "luxon";
import { boundedCache } from "./memo.ts";

/** The only source of "now" in domain code, so tests can fix time. `now()` is in UTC. */
export interface Clock {
  now(): DateTime;
  /**
   * The same instant as `now()`, in epoch ms, where the clock can give it without building a
   * luxon DateTime (see {@link epochMs}).
   */
  nowMs?(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => DateTime.utc(), nowMs: () => Date.now() };

/**
 * `clock`'s now in epoch ms: `nowMs()` when it has one, else `now().toMillis()`. For hot paths
 * that only compare instants (the answer cache asks on every request): building a luxon
 * DateTime costs microseconds, `Date.now()` nanoseconds.
 */
export function epochMs(clock: Clock): number {
  return clock.nowMs ? clock.nowMs() : clock.now().toMillis();
}

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
  return endsOfDays(`${date} ${zone}`, () => DateTime.fromISO(date, { zone }).endOf("day").toUTC());
}

/** Computed ends of days (immutable DateTimes): a zone's offset costs Intl work each time. */
const endsOfDays = boundedCache<DateTime>(10_000);

/** True when the due date (ISO calendar date in `zone`) ended before `now`. */
export function isPast(date: string, zone: string, now: DateTime): boolean {
  return endOfDayIn(date, zone) < now;
}

/**
 * The calendar date ("2027-01-20") in `zone` at `now`. Memoised per minute of the clock: a
 * zone's offset (luxon asks Intl for it on every conversion) changes on whole minutes at most.
 */
export function dateIn(now: DateTime, zone: string): string {
  const minute = Math.floor(now.toMillis() / 60_000);
  return datesAt(`${minute} ${zone}`, () => now.setZone(zone).toISODate() ?? "");
}

/** Computed dates by minute and zone. */
const datesAt = boundedCache<string>(1_000);
