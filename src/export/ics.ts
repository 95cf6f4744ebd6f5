import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { type ICalEventData } from "ical-generator";
import { DateTime } from "luxon";
import type { ExportText } from "../i18n/export.ts";
import type { CalendarEntry, CalendarModel } from "./calendar-model.ts";

/** Domain part of every event's UID (RFC 5545 §3.8.4.7 wants them globally unique). */
const UID_DOMAIN = "koordinators";

/**
 * The calendar as iCalendar text (RFC 5545). Timed events (cut-offs at a set time, reminders,
 * sessions) carry `TZID=<zone>` with the zone's VTIMEZONE block (from
 * @touch4it/ical-timezones), so calendar programs show Riga time across DST; a cut-off at the
 * end of a day and task deadlines are all-day events on that date. DTSTAMP is `now` in UTC.
 */
export function renderIcs(
  model: CalendarModel,
  t: ExportText,
  zone: string,
  now: DateTime,
): string {
  const suffix = model.institutions.length > 0 ? ` (${model.institutions.join(", ")})` : "";
  const calendar = ical({
    prodId: { company: "Koordinators", product: "koordinators", language: "LV" },
    name: `${t.calendar.name(model.programme.code)}${suffix}`,
    // No calendar-wide zone: ical-generator would then write DTSTAMP in local time without
    // "Z"; each event names its zone instead and the generator adds its VTIMEZONE once.
    timezone: { name: null, generator: getVtimezoneComponent },
    x: [["X-WR-TIMEZONE", zone]],
  });
  for (const entry of model.entries) calendar.createEvent(eventOf(entry, t, zone, now));
  return calendar.toString();
}

function eventOf(entry: CalendarEntry, t: ExportText, zone: string, now: DateTime): ICalEventData {
  const base = { id: `${entry.uid}@${UID_DOMAIN}`, stamp: now.toUTC() };
  switch (entry.kind) {
    case "cutoff": {
      const local = DateTime.fromISO(entry.at, { zone: "utc" }).setZone(zone);
      const endOfDay = local.hour === 23 && local.minute === 59;
      const summary = t.calendar.cutoff(entry.title);
      return endOfDay
        ? { ...base, summary, allDay: true, start: local.startOf("day") }
        : { ...base, summary, start: local, timezone: zone };
    }
    case "reminder":
      return {
        ...base,
        summary: t.calendar.reminder(entry.codes.join(", "), entry.cutoffTitle),
        start: DateTime.fromISO(entry.at, { zone: "utc" }).setZone(zone),
        timezone: zone,
      };
    case "deadline":
      return {
        ...base,
        summary: t.calendar.deadline(entry.number, entry.title),
        description: t.calendar.institutions(entry.codes.join(", ")),
        allDay: true,
        start: DateTime.fromISO(entry.day, { zone }),
      };
    case "session":
      return {
        ...base,
        summary: t.calendar.session(entry.title),
        start: DateTime.fromISO(entry.at, { zone: "utc" }).setZone(zone),
        timezone: zone,
      };
  }
}
