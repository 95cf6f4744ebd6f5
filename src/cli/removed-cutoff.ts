/**
 * The CLI's one line for a cut-off asked for by id that was removed, worded as `/cutoff plan`
 * words it (cutoffText's `planRemoved`: "Ziņošanas termiņš #1 (…) ir noņemts 01.12.2026. …"),
 * as plain text, with where to see the others; for the CLI commands that cannot act on a
 * removed cut-off (`remind --now`).
 */
import type { Db } from "../../db/client.ts";
import { replyCutoff } from "../../db/cutoffs.ts";
import type { Locale } from "../config.ts";
import { cliText } from "../i18n/cli.ts";
import { cutoffText } from "../i18n/cutoff.ts";
import { mrkdwnToText } from "../slack/blocks-to-text.ts";
import { formatInstant, formatInstantDay } from "../slack/format.ts";
import { stripEmphasis } from "./terminal.ts";

/**
 * Cut-off `id`'s removal in `locale`, its times in `zone` (IANA, the app's time zone), ending
 * with "Visi termiņi: `npm run cli -- cutoff list`."; undefined when it is live or there never
 * was one. Reads only; throws only on store failure.
 */
export async function removedCutoffLine(
  db: Db,
  id: number,
  zone: string,
  locale: Locale,
): Promise<string | undefined> {
  const found = await replyCutoff(db, id);
  if (!found?.removedAt) return undefined;
  const when = formatInstant(found.cutoff.at, zone, locale);
  const day = formatInstantDay(found.removedAt, zone, locale);
  // The title as typed: the terminal shows no mrkdwn, so nothing is escaped for it.
  const text = cutoffText(locale).planRemoved(id, found.cutoff.title, when, day);
  return `${stripEmphasis(mrkdwnToText(text))} ${cliText(locale).allCutoffs}`;
}
