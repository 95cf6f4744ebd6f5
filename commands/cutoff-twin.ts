/**
 * One live cut-off per programme and minute: the check `/cutoff add` and `/cutoff move` (and
 * the CLI's twins) run in the transaction that inserts or moves, after `lockForWrite`, and the
 * refusal's words. Two live cut-offs in one minute as shown (12:00 and 12:00:30; end of day,
 * stored as 23:59:59.999, and 23:59) would read as one time and give every institution two
 * reminder threads.
 */
import { DateTime } from "luxon";
import type { Cutoff } from "../db/cutoffs.ts";
import { escapeMrkdwn } from "../src/slack/fit.ts";
import { formatInstant } from "../src/slack/render-admin.ts";
import type { CommandContext, CommandDeps } from "./types.ts";

/**
 * The wall minute of `at` (UTC ISO) in `zone`, as times are shown ("2026-12-02T12:00"; an
 * end-of-day cut-off's 23:59:59.999 is "…T23:59"); `at` itself when it is no instant.
 */
export function minuteShown(at: string, zone: string): string {
  const local = DateTime.fromISO(at, { zone: "utc" }).setZone(zone);
  return local.isValid ? local.toFormat("yyyy-MM-dd'T'HH:mm") : at;
}

/**
 * The live cut-off of programme `programmeId` other than `except` due in the minute of `at`
 * (UTC ISO) in `zone` as shown ({@link minuteShown}), or undefined. `live`: the live cut-offs,
 * read in the transaction that then adds or moves (after `lockForWrite`), so two racing cannot
 * both pass.
 */
export function sameMinuteCutoff(
  live: readonly Cutoff[],
  programmeId: number,
  at: string,
  zone: string,
  except?: number,
): Cutoff | undefined {
  const minute = minuteShown(at, zone);
  return live.find(
    (c) => c.programmeId === programmeId && c.id !== except && minuteShown(c.at, zone) === minute,
  );
}

/**
 * The refusal naming `twin`, the cut-off already in that minute: `said` with its number, title
 * (mrkdwn-escaped) and time as shown.
 */
export function twinText(
  twin: Cutoff,
  deps: CommandDeps,
  ctx: CommandContext,
  said: (id: number, title: string, when: string) => string,
): string {
  const when = formatInstant(twin.at, deps.config.timezone, ctx.locale);
  return said(twin.id, escapeMrkdwn(twin.title), when);
}
