/**
 * The mark of a reply the app stored after an earlier digest had covered its post time (see
 * `DigestReply.storedAt`): when it was sent and when stored, so the older date beside a new reply
 * is explained. Pure.
 */
import { DateTime } from "luxon";
import type { Locale } from "../config.ts";
import { digestText } from "../i18n/digest.ts";
import { formatInstant } from "../slack/format.ts";

/**
 * " _(saņemta pirmd. 30.11.2026. 22:21, saglabāta 22:31)_" / " _(sent Mon 30 Nov 2026 22:21,
 * stored 22:31)_" for a reply sent at `sentIso` and stored at `storedIso` (UTC ISO), times as
 * wall time in `zone` (`formatInstant`); the stored time alone when it is the same day there.
 * When both fall in the same minute, both times show seconds ("… 01:20:05, saglabāta
 * 01:20:41"), so the order is visible.
 */
export function storedLaterMark(
  sentIso: string,
  storedIso: string,
  zone: string,
  locale: Locale,
): string {
  const sent = DateTime.fromISO(sentIso, { zone: "utc" }).setZone(zone);
  const stored = DateTime.fromISO(storedIso, { zone: "utc" }).setZone(zone);
  const sameDay = sent.isValid && stored.isValid && sent.hasSame(stored, "day");
  if (sameDay && sent.hasSame(stored, "minute"))
    return digestText(locale).storedLater(
      `${formatInstant(sentIso, zone, locale)}:${sent.toFormat("ss")}`,
      stored.toFormat("HH:mm:ss"),
    );
  return digestText(locale).storedLater(
    formatInstant(sentIso, zone, locale),
    sameDay ? stored.toFormat("HH:mm") : formatInstant(storedIso, zone, locale),
  );
}
