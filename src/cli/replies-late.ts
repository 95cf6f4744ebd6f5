/**
 * The times `npm run cli -- replies` shows to the second, so a late reply in the cut-off's own
 * minute reads later than the cut-off (lateness itself: `receivedLate`, src/domain/late-reply.ts).
 * Pure.
 */
import { DateTime } from "luxon";
import type { Locale } from "../config.ts";
import { formatInstant } from "../slack/format.ts";

/**
 * A UTC ISO instant as {@link formatInstant} writes it, with its seconds: "otrd. 01.12.2026.
 * 04:23:40" / "Tue 1 Dec 2026 04:23:40" (as the digest's stored-later mark shows two times in
 * one minute). The text as given when it is not an instant.
 */
export function formatInstantSeconds(iso: string, zone: string, locale: Locale): string {
  const at = DateTime.fromISO(iso, { zone: "utc" });
  if (!at.isValid) return iso;
  return `${formatInstant(iso, zone, locale)}:${at.setZone(zone).toFormat("ss")}`;
}
