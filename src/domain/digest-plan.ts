/**
 * When the draft digest for a working-group session goes to the secretary: DIGEST_LEAD_DAYS
 * (default 2) Latvian business days before the session's local date, at REMINDER_TIME in the
 * app's zone. "Business days" are counted as the issue says: each step back skips weekends and
 * public holidays (`business-days.ts`), so 2 business days before Monday 22 March 2027 is
 * Thursday 18 March, and before Monday 29 March 2027 (Good Friday 26 March is a holiday) it is
 * Wednesday 24 March. Lead 0 means the session's own day (moved back to a business day).
 * All instants are UTC ISO strings; nothing here reads the clock.
 */
import { DateTime, IANAZone } from "luxon";
import { isBusinessDay, previousBusinessDay } from "./business-days.ts";
import type { LocalTime } from "./dates.ts";

/** DIGEST_LEAD_DAYS when unset. */
export const DEFAULT_DIGEST_LEAD_DAYS = 2;
/** Largest accepted DIGEST_LEAD_DAYS (a month of business days). */
export const MAX_DIGEST_LEAD_DAYS = 20;

function dayBefore(date: string): string {
  return DateTime.fromISO(date, { zone: "utc" }).minus({ days: 1 }).toISODate() ?? "";
}

/**
 * The business day `n` business days before `date` ("2027-03-29", n 2 → "2027-03-24").
 * n 0 is `date` itself when it is a business day, else the previous one.
 * @throws RangeError when `date` is not "YYYY-MM-DD" or `n` is negative.
 */
export function businessDaysBefore(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a lead in days: ${n}`);
  if (n === 0) return isBusinessDay(date) ? date : previousBusinessDay(date);
  let day = date;
  for (let i = 0; i < n; i++) day = previousBusinessDay(dayBefore(day));
  return day;
}

/**
 * The instant the draft digest for a session at `sessionAt` (UTC ISO) goes out: `time` in
 * `zone` on the day {@link businessDaysBefore} the session's local date. Riga is UTC+2 in
 * winter and UTC+3 in summer, so 09:00 is 07:00Z before the last Sunday of March and 06:00Z after.
 * @throws RangeError for an invalid instant, zone or lead.
 */
export function digestDraftAt(
  sessionAt: string,
  leadDays: number,
  time: LocalTime,
  zone: string,
): string {
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`unknown zone ${zone}`);
  const session = DateTime.fromISO(sessionAt, { zone: "utc" });
  if (!session.isValid) throw new RangeError(`not an ISO instant: "${sessionAt}"`);
  const day = businessDaysBefore(session.setZone(zone).toISODate() ?? "", leadDays);
  const at = DateTime.fromISO(day, { zone }).set({ hour: time.hour, minute: time.minute });
  return at.toUTC().toISO() ?? "";
}
