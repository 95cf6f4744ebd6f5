/**
 * What notes about a reply say in a thread whose cut-off the secretary removed: the lead
 * sentence naming the day of removal and the day itself, shared by the new-reply notes
 * (./acknowledge.ts, ./ingest.ts) and the edit notes (./edits.ts). README "Replies".
 */
import { replyCutoff } from "../../db/cutoffs.ts";
import type { Locale } from "../config.ts";
import { replyText } from "../i18n/reply.ts";
import { formatInstantDay } from "../slack/format.ts";
import type { ReplyDeps } from "./deps.ts";

/**
 * What a note about a refused "14:" (a new message or an edit) says first in a removed
 * cut-off's thread, as the other notes there do: "Šī atgādinājuma ziņošanas termiņš ir noņemts
 * 30.11.2026. " / "This reminder's reporting cut-off was removed on 30 Nov 2026. " (with the
 * trailing space; without the day when it is not known); "" when the cut-off `cutoffId` is live
 * or not in the store. Reads the store ({@link replyCutoff}); its errors are thrown.
 */
export async function removedLead(
  deps: Pick<ReplyDeps, "db" | "config">,
  cutoffId: number,
  locale: Locale,
): Promise<string> {
  return removedLeadOf(deps, (await replyCutoff(deps.db, cutoffId)) ?? null, locale);
}

/**
 * {@link removedLead} of a cut-off already read (`found` as {@link replyCutoff} gives it; null
 * or undefined: not in the store, ""): no store read.
 */
export function removedLeadOf(
  deps: Pick<ReplyDeps, "config">,
  found: { removed: boolean; removedAt: string | null } | null | undefined,
  locale: Locale,
): string {
  if (!found?.removed) return "";
  return `${replyText(locale).cutoffRemovedOn(removalDay(deps, found.removedAt, locale))} `;
}

/**
 * The day a cut-off was removed, as a note says it ("30.11.2026." / "30 Nov 2026"; the
 * configured zone, Europe/Riga); null when not known.
 */
export function removalDay(
  deps: Pick<ReplyDeps, "config">,
  removedAt: string | null | undefined,
  locale: Locale,
): string | null {
  return removedAt ? formatInstantDay(removedAt, deps.config.timezone, locale) : null;
}
