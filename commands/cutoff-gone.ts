/**
 * A cut-off asked for by id that is not live: removed (and when), or never there. Shared by
 * `/cutoff plan`, `/cutoff move` and `/cutoff remove` (and their CLI twins, which run the same
 * command), so each names a removed cut-off the same way instead of "not found".
 */
import { replyCutoff } from "../db/cutoffs.ts";
import type { Locale } from "../src/config.ts";
import { escapeMrkdwn } from "../src/slack/fit.ts";
import { formatInstant, formatInstantDay } from "../src/slack/format.ts";
import type { CommandDeps } from "./types.ts";

/**
 * A removed cut-off as the answers show it: `title` mrkdwn-escaped, `when` its time as
 * `formatInstant` writes it, `day` the day it was removed as `formatInstantDay` writes it
 * ("30.11.2026." / "30 Nov 2026"), both in the app's time zone.
 */
export interface RemovedShown {
  id: number;
  title: string;
  when: string;
  day: string;
}

/**
 * Cut-off `id` when it was removed, shown for `locale`; undefined when it is live or there
 * never was one (the caller then says "not found" or goes on). Reads only; throws only on
 * store failure.
 */
export async function removedCutoffShown(
  deps: CommandDeps,
  id: number,
  locale: Locale,
): Promise<RemovedShown | undefined> {
  const found = await replyCutoff(deps.db, id);
  if (!found?.removedAt) return undefined;
  const zone = deps.config.timezone;
  return {
    id,
    title: escapeMrkdwn(found.cutoff.title),
    when: formatInstant(found.cutoff.at, zone, locale),
    day: formatInstantDay(found.removedAt, zone, locale),
  };
}
