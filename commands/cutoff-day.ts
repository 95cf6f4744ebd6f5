/**
 * Whether a cut-off's day is a Latvian working day, for the warning `/cutoff add` and `/cutoff
 * move` (and the CLI's `cutoff add|move`) add when it is not. The cut-off is kept as typed: a
 * Saturday may be meant, but "2026-12-06" is more often a slip for the Friday before.
 */
import { DateTime } from "luxon";
import type { Locale } from "../src/config.ts";
import { holidayName, isBusinessDay, previousBusinessDay } from "../src/domain/business-days.ts";
import { SUBSTITUTE_MARK_LV } from "../src/domain/holiday-names.ts";
import { cutoffText } from "../src/i18n/cutoff.ts";
import { messages } from "../src/i18n/index.ts";
import { escapeMrkdwn } from "../src/slack/fit.ts";

/**
 * A substitute holiday's mark as holidayName ends it: "(pārceltā brīvdiena)"
 * (src/domain/holiday-names.ts) and the library's English "(substitute day)"; the law (art. 1:
 * the next working day after 4 May or 18 November on a weekend) means a day off moved there.
 */
const SUBSTITUTE = new RegExp(String.raw`\s*\((?:${SUBSTITUTE_MARK_LV}|substitute day)\)$`, "u");

/** The holiday's name in `locale`, a substitute day's mark in words that go inside parentheses. */
function holidayLabel(date: string, locale: Locale): string | null {
  const name = holidayName(date, locale);
  if (name === null || !SUBSTITUTE.test(name)) return name;
  return `${name.replace(SUBSTITUTE, "")} – ${locale === "lv" ? SUBSTITUTE_MARK_LV : "substitute day"}`;
}

/**
 * A day that is no Latvian working day, in words (src/domain/business-days.ts, date-holidays
 * "LV"): `full`, the day in full in `locale` ("2026. gada 6. decembris" / "6 December 2026"), and
 * `what` it is ("svētdiena", "svētku diena (Jāņu diena)", "svētdiena un svētku diena (…)" / "a
 * Sunday", …); null on a working day or an invalid "YYYY-MM-DD" `date`. Shared by the cut-off
 * warning below and `/session add`'s note (commands/session.ts).
 */
export function nonWorkingDayWords(
  date: string,
  locale: Locale,
): { full: string; what: string } | null {
  const day = DateTime.fromISO(date, { zone: "utc" });
  if (!day.isValid || isBusinessDay(date)) return null;
  const t = cutoffText(locale);
  const weekday = day.weekday === 6 ? t.saturday : day.weekday === 7 ? t.sunday : null;
  const holiday = holidayLabel(date, locale);
  const named = holiday === null ? null : escapeMrkdwn(holiday);
  const what =
    named === null
      ? (weekday ?? "")
      : weekday
        ? t.weekendHoliday(weekday, named)
        : t.holiday(named);
  const full = day.setLocale(messages(locale).localeTag).toLocaleString(DateTime.DATE_FULL);
  return { full, what };
}

/**
 * The warning line for a cut-off at `at` (UTC ISO) when its calendar day in `zone` (the app's,
 * Europe/Riga) is a Saturday, a Sunday or a Latvian public holiday ({@link nonWorkingDayWords});
 * null on a working day. It names the day in full ("2026. gada 6. decembris ir svētdiena"), the
 * holiday's name where there is one, and the command that moves cut-off `id` to the working day
 * before, at `time` ("12:00", as typed) or at the day's end when `time` is null. Reminders are
 * already moved to working days; only the cut-off is named.
 */
export function nonWorkingDayWarning(
  at: string,
  zone: string,
  locale: Locale,
  id: number,
  time: string | null,
): string | null {
  const day = DateTime.fromISO(at, { zone: "utc" }).setZone(zone);
  const date = day.toISODate();
  if (!day.isValid || date === null) return null;
  const words = nonWorkingDayWords(date, locale);
  if (words === null) return null;
  const example = `/cutoff move ${id} ${previousBusinessDay(date)}${time ? ` ${time}` : ""}`;
  return cutoffText(locale).nonWorkingDay(words.full, words.what, example);
}
