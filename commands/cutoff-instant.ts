/**
 * When a `/cutoff add` or `move` (and the CLI's `cutoff add|move`) puts a cut-off: the UTC
 * instant of the day and time typed (or why there is none), the time of day a move to another
 * day keeps, and the warning for a day that is no working day. `/cutoff` takes no typed
 * seconds (cutoff-parse.ts); a cut-off stored with seconds keeps them when moved by date only.
 */
import { DateTime } from "luxon";
import type { Locale } from "../src/config.ts";
import { type CutoffResult, cutoffInstant } from "../src/domain/reminder-plan.ts";
import { cutoffText } from "../src/i18n/cutoff.ts";
import { formatDay, formatInstant } from "../src/slack/render-admin.ts";
import { notice } from "./access.ts";
import { resolveDate } from "./args.ts";
import { nonWorkingDayWarning } from "./cutoff-day.ts";
import { mistakeReply } from "./cutoff-mistake.ts";
import type { CutoffTime, When } from "./cutoff-parse.ts";
import type { CommandDeps, Reply } from "./types.ts";

/**
 * The UTC instant of `when` in the app's zone (end of day without a time), or the reply
 * explaining why not: no such date, a time skipped or repeated by a DST change, or the past.
 */
export function instantOf(when: When, deps: CommandDeps, locale: Locale): string | Reply {
  const t = cutoffText(locale);
  const zone = deps.config.timezone;
  const now = deps.clock.now();
  const date = resolveDate(when.date, zone, now);
  if (!date) {
    const input = when.date.kind === "relative" ? when.date.text : when.date.date;
    return mistakeReply({ reason: "bad_date", input, error: "unrecognised_date" }, locale);
  }
  const result = withSeconds(cutoffInstant(date, when.time, zone), when.time?.second ?? 0);
  if (!result.ok) {
    const time = timeText(when.time ?? { hour: 0, minute: 0 });
    const day = formatDay(date, locale);
    if (result.error === "nonexistent_time")
      return notice(t.nonexistent(day, time, zone), undefined, false);
    if (result.error === "ambiguous_time")
      return notice(t.ambiguous(day, time, zone), undefined, false);
    return mistakeReply({ reason: "bad_time", input: time }, locale);
  }
  if (result.at <= (now.toUTC().toISO() ?? ""))
    return notice(t.inPast(formatInstant(result.at, zone, locale)), undefined, false);
  return result.at;
}

/**
 * A wall time with seconds ("06:10:30"): the minute's instant plus the seconds. Clocks change
 * on whole minutes, so the minute exists (once) exactly when the second does.
 */
function withSeconds(result: CutoffResult, second: number): CutoffResult {
  if (!result.ok || second === 0) return result;
  const at = DateTime.fromISO(result.at, { zone: "utc" }).plus({ seconds: second });
  return { ok: true, at: at.toISO() ?? result.at };
}

/** "06:10" or, for a time with seconds (a stored cut-off's, kept on a move), "06:10:30". */
export function timeText(time: CutoffTime): string {
  const parts = [time.hour, time.minute, ...(time.second === undefined ? [] : [time.second])];
  return parts.map((n) => String(n).padStart(2, "0")).join(":");
}

/**
 * The wall time of day in `zone` of a cut-off at `at` (UTC ISO), to keep when it is moved to
 * another day: hour and minute, and seconds when it has them; null for an end-of-day cut-off
 * (23:59:59.999 local, as `cutoffInstant` sets a day without a time), which stays end of day.
 */
export function timeOfDay(at: string, zone: string): CutoffTime | null {
  const local = DateTime.fromISO(at, { zone: "utc" }).setZone(zone);
  if (!local.isValid) return null;
  if (local.toMillis() === local.endOf("day").toMillis()) return null;
  const { hour, minute, second } = local;
  return second === 0 ? { hour, minute } : { hour, minute, second };
}

/** {@link nonWorkingDayWarning} for a cut-off at `at` typed with `time` (null: the day's end). */
export function dayWarning(
  at: string,
  id: number,
  time: CutoffTime | null,
  deps: CommandDeps,
  locale: Locale,
): string | null {
  const typed = time === null ? null : timeText(time);
  return nonWorkingDayWarning(at, deps.config.timezone, locale, id, typed);
}
