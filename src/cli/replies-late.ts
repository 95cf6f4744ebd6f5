/**
 * Which replies `npm run cli -- replies` marks as late, and the times it shows to the second
 * so a late reply in the cut-off's own minute reads later than the cut-off. Pure.
 */
import { DateTime } from "luxon";
import type { Locale } from "../config.ts";
import { formatInstant } from "../slack/format.ts";

/**
 * True when a reply received at `receivedAt` came after the cut-off's instant `cutoffAt` (both
 * UTC ISO): the rule `/task` (src/slack/render-task-cutoff.ts), the digest and the annex
 * (src/export/progress.ts) mark "(pēc ziņošanas termiņa)" by. A reply at the cut-off's very
 * instant is in time.
 */
export function isLate(receivedAt: string, cutoffAt: string): boolean {
  return Date.parse(receivedAt) > Date.parse(cutoffAt);
}

/**
 * True when the UTC ISO instants `a` and `b` fall in the same minute of wall time in `zone`:
 * {@link formatInstant} shows them alike ("04:23"). False when either is not an instant.
 */
export function sameMinute(a: string, b: string, zone: string): boolean {
  const x = DateTime.fromISO(a, { zone: "utc" }).setZone(zone);
  const y = DateTime.fromISO(b, { zone: "utc" }).setZone(zone);
  return x.isValid && y.isValid && x.hasSame(y, "minute");
}

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
