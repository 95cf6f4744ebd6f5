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

/** Formatted instants by zone, locale, format and instant (see {@link instantLabel}). */
const instantLabels = boundedCache<string>(5_000);

/**
 * A UTC ISO instant as a medium date ("2027. gada 1. febr.") or medium date and time in
 * `zone`, in `locale`. Memoised: `/task` and the reminders show the same few instants (the
 * cut-off, reminders, reply days) again and again, and luxon's parsing and Intl formatting
 * cost more than the rest of their sections.
 */
export function instantLabel(
  iso: string,
  format: "date" | "datetime",
  locale: Locale,
  zone: string,
): string {
  return instantLabels(`${zone} ${locale} ${format} ${iso}`, () =>
    DateTime.fromISO(iso, { zone })
      .setLocale(messages(locale).localeTag)
      .toLocaleString(format === "date" ? DateTime.DATE_MED : DateTime.DATETIME_MED),
  );
}
