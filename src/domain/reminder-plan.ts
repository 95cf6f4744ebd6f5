/**
 * When reminders ("atgādinājumi") go out for a reporting cut-off ("ziņošanas termiņš").
 *
 * Rules, from the product issue on reminders:
 * - one reminder per offset before the cut-off (REMINDER_OFFSETS, default "14,7,1" days);
 * - a whole-day offset (days or weeks only) means REMINDER_TIME (default 09:00) in the app's
 *   zone on the day that many calendar days before the cut-off's local date, moved back to the
 *   previous Latvian business day (see `business-days.ts`) when that day is a weekend or a
 *   public holiday;
 * - an offset with a time part ("PT30S", "PT2H", "P1DT12H") is taken literally: the cut-off
 *   instant minus the duration, never moved (test mode, where a cut-off is minutes away);
 * - one `overdue` reminder at REMINDER_TIME on the next business day after the cut-off's date.
 *
 * All instants are UTC ISO-8601 strings ("2027-01-18T07:00:00.000Z"); durations are in ms.
 * Nothing here reads the clock: callers skip reminders already in the past.
 */
import { DateTime, Duration, IANAZone } from "luxon";
import { nextBusinessDay, previousBusinessDay } from "./business-days.ts";
import type { LocalTime } from "./dates.ts";

/**
 * One reminder offset before a cut-off.
 * - `iso`: normalised ISO-8601 duration: "P14D" for whole days (weeks become days: "P1W" →
 *   "P7D"), else hours/minutes/seconds only ("P1DT12H" → "PT36H"), so "P1D" and "PT24H" stay
 *   distinct.
 * - `wholeDays`: calendar days for an offset made only of days/weeks, else `null` (literal).
 * - `ms`: the length in milliseconds (a day counts as 24 h).
 */
export interface Offset {
  iso: string;
  wholeDays: number | null;
  ms: number;
}

/** What {@link planReminders} needs: offsets, REMINDER_TIME and the IANA zone ("Europe/Riga"). */
export interface ReminderSettings {
  offsets: readonly Offset[];
  time: LocalTime;
  zone: string;
}

/**
 * A reminder to send. `kind` is "before-P14D", "before-PT30S", … or "overdue"; only
 * [A-Za-z0-9-], as it becomes part of a BullMQ job id. `at` is a UTC ISO instant.
 */
export interface PlannedReminder {
  kind: string;
  at: string;
}

/** Outcome of {@link parseOffsets}; `error` names every bad item. */
export type OffsetsResult = { ok: true; offsets: Offset[] } | { ok: false; error: string };

/** Outcome of {@link parseReminderTime}. */
export type ReminderTimeResult = { ok: true; time: LocalTime } | { ok: false; error: string };

/** Outcome of {@link cutoffInstant}; `at` is a UTC ISO instant. */
export type CutoffResult =
  | { ok: true; at: string }
  | { ok: false; error: "invalid_date" | "invalid_time" | "nonexistent_time" | "ambiguous_time" };

/** REMINDER_OFFSETS when unset: 14, 7 and 1 days before. */
export const DEFAULT_REMINDER_OFFSETS = "14,7,1";
/** REMINDER_TIME when unset, in the app's zone. */
export const DEFAULT_REMINDER_TIME = "09:00";
/** `kind` of the reminder sent after a cut-off. */
export const OVERDUE_KIND = "overdue";
/**
 * `kind` prefix of a reminder sent by hand (`remind --now`) outside the plan: "now-<ms>", one
 * row per run and institution, so the planned rows still go out at their times.
 */
export const BY_HAND_KIND = "now-";
/** Longest accepted offset: a year is the longest useful lead time for a cut-off. */
export const MAX_OFFSET_DAYS = 366;

const DAY_MS = 86_400_000;
const DURATION_HINT = "a number of days (14) or an ISO-8601 duration (P14D, P1W, PT2H)";

function literalIso(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  return `PT${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${seconds ? `${seconds}S` : ""}`;
}

function durationOffset(item: string): Offset | string {
  const duration = Duration.fromISO(item.toUpperCase());
  if (!duration.isValid || /^PT?$/i.test(item)) return `is not ${DURATION_HINT}`;
  const parts = duration.toObject();
  if (parts.years || parts.quarters || parts.months) {
    return "uses months or years, which have no fixed length; use days or weeks";
  }
  if (Object.values(parts).some((value) => value < 0)) return "must be positive";
  const ms = duration.toMillis();
  if (ms <= 0) return "must be longer than zero";
  if (ms % 1000 !== 0) return "must be a whole number of seconds";
  if (ms > MAX_OFFSET_DAYS * DAY_MS) return `must be at most ${MAX_OFFSET_DAYS} days`;
  const days = (parts.weeks ?? 0) * 7 + (parts.days ?? 0);
  const timeless = !parts.hours && !parts.minutes && !parts.seconds && !parts.milliseconds;
  if (timeless && Number.isInteger(days)) return { iso: `P${days}D`, wholeDays: days, ms };
  return { iso: literalIso(ms), wholeDays: null, ms };
}

function parseOffset(item: string): Offset | string {
  if (item === "") return "is empty";
  if (/^[+-]?\d+(\.\d*)?$/.test(item)) {
    if (!/^\+?\d+$/.test(item)) return "must be a positive whole number of days";
    return durationOffset(`P${Number(item)}D`);
  }
  return durationOffset(item);
}

/**
 * Parses REMINDER_OFFSETS: comma-separated items, each a bare number of days ("14") or an
 * ISO-8601 duration ("P14D", "P1W", "PT30S", "PT2H", "P1DT12H"). Zero, negative, fractional
 * seconds, months/years and offsets over {@link MAX_OFFSET_DAYS} days are rejected, with every
 * bad item quoted in `error`. Duplicates (same normalised `iso`) are dropped; the result is
 * sorted longest first.
 */
export function parseOffsets(text: string): OffsetsResult {
  const offsets: Offset[] = [];
  const problems: string[] = [];
  for (const item of text.split(",").map((part) => part.trim())) {
    const parsed = parseOffset(item);
    if (typeof parsed === "string") problems.push(`offset "${item}" ${parsed}`);
    else if (!offsets.some((offset) => offset.iso === parsed.iso)) offsets.push(parsed);
  }
  if (problems.length > 0) return { ok: false, error: problems.join("; ") };
  return { ok: true, offsets: offsets.sort((a, b) => b.ms - a.ms) };
}

/** Parses REMINDER_TIME: "HH:MM", 24-hour, two-digit hour ("09:00", "17:30"). */
export function parseReminderTime(text: string): ReminderTimeResult {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!match) return { ok: false, error: `"${text}" is not a time as HH:MM (24-hour), e.g. 09:00` };
  return { ok: true, time: { hour: Number(match[1]), minute: Number(match[2]) } };
}

/** The `kind` of the reminder for `offset`: "before-P14D". */
export function reminderKind(offset: Offset): string {
  return `before-${offset.iso}`;
}

function toIso(instant: DateTime): string {
  return instant.toUTC().toISO() ?? "";
}

function shiftDate(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: "utc" }).plus({ days }).toISODate() ?? "";
}

/** `time` on `date` in `zone`; in a spring-forward gap Luxon moves it an hour on (harmless). */
function atLocalTime(date: string, time: LocalTime, zone: string): DateTime {
  return DateTime.fromISO(date, { zone }).set({ hour: time.hour, minute: time.minute });
}

function reminderAt(cutoff: DateTime, offset: Offset, settings: ReminderSettings): DateTime {
  if (offset.wholeDays === null) return cutoff.minus(offset.ms);
  const cutoffDate = cutoff.setZone(settings.zone).toISODate() ?? "";
  const day = previousBusinessDay(shiftDate(cutoffDate, -offset.wholeDays));
  return atLocalTime(day, settings.time, settings.zone);
}

/**
 * The overdue reminder: REMINDER_TIME on the next business day after the cut-off's local
 * date. When every offset is literal (test mode) it is literal too: the cut-off plus the
 * shortest offset, so a test cut-off minutes away is followed up minutes later.
 */
function overdueAt(cutoff: DateTime, settings: ReminderSettings): DateTime {
  const { offsets, zone, time } = settings;
  if (offsets.length > 0 && offsets.every((offset) => offset.wholeDays === null)) {
    return cutoff.plus(Math.min(...offsets.map((offset) => offset.ms)));
  }
  const day = nextBusinessDay(cutoff.setZone(zone).toISODate() ?? "");
  return atLocalTime(day, time, zone);
}

/**
 * The reminders for a cut-off at `cutoffAt` (UTC ISO instant), sorted by time, `overdue`
 * last. Offsets landing on the same instant collapse into one, keeping the longer offset's
 * kind; a reminder not strictly before the cut-off is dropped (never sent late), except
 * `overdue`. Past reminders are kept: the caller filters with its clock.
 * @throws RangeError when `cutoffAt` is not an ISO instant or `settings.zone` is unknown.
 */
export function planReminders(cutoffAt: string, settings: ReminderSettings): PlannedReminder[] {
  const cutoff = DateTime.fromISO(cutoffAt, { zone: "utc" });
  if (!cutoff.isValid) throw new RangeError(`not an ISO instant: "${cutoffAt}"`);
  if (!IANAZone.isValidZone(settings.zone)) throw new RangeError(`unknown zone ${settings.zone}`);
  const candidates = settings.offsets
    .map((offset) => ({ offset, at: reminderAt(cutoff, offset, settings) }))
    .filter(({ at }) => at < cutoff)
    .sort((a, b) => a.at.toMillis() - b.at.toMillis() || b.offset.ms - a.offset.ms);
  const planned: PlannedReminder[] = [];
  for (const { offset, at } of candidates) {
    const iso = toIso(at);
    if (planned.at(-1)?.at !== iso) planned.push({ kind: reminderKind(offset), at: iso });
  }
  planned.push({ kind: OVERDUE_KIND, at: toIso(overdueAt(cutoff, settings)) });
  return planned;
}

/** The instants at which the wall clock in `zone` reads `wall` (read as if UTC): 0, 1 or 2. */
function wallClockInstants(wall: DateTime, zone: string): DateTime[] {
  const offsets = new Set(
    [-DAY_MS, DAY_MS].map((shift) => DateTime.fromMillis(wall.toMillis() + shift, { zone }).offset),
  );
  const wanted = wall.toFormat("yyyy-MM-dd HH:mm");
  return [...offsets]
    .map((offset) => DateTime.fromMillis(wall.toMillis() - offset * 60_000, { zone }))
    .filter((instant) => instant.toFormat("yyyy-MM-dd HH:mm") === wanted);
}

/**
 * The instant of a cut-off on `date` ("2027-02-01") in `zone`: the end of that day
 * (23:59:59.999 local) when `time` is null, else that wall time. A wall time skipped by a
 * spring-forward ("2027-03-28" 03:30 in Riga) is `nonexistent_time`, one repeated by a
 * fall-back ("2027-10-31" 03:30) is `ambiguous_time`: the secretary picks another time rather
 * than the app silently shifting it (Luxon alone would move the first an hour on and pick
 * one offset for the second).
 * @throws RangeError when `zone` is not an IANA zone.
 */
export function cutoffInstant(date: string, time: LocalTime | null, zone: string): CutoffResult {
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`unknown zone ${zone}`);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: "utc" }) : null;
  if (!day?.isValid) return { ok: false, error: "invalid_date" };
  if (time === null) return { ok: true, at: toIso(DateTime.fromISO(date, { zone }).endOf("day")) };
  const { hour, minute } = time;
  const validTime = Number.isInteger(hour) && Number.isInteger(minute) && hour < 24 && minute < 60;
  if (!validTime || hour < 0 || minute < 0) return { ok: false, error: "invalid_time" };
  const instants = wallClockInstants(day.set({ hour, minute }), zone);
  const [only, ...others] = instants;
  if (!only) return { ok: false, error: "nonexistent_time" };
  if (others.length > 0) return { ok: false, error: "ambiguous_time" };
  return { ok: true, at: toIso(only) };
}
