import { migrateToLatest } from "../../db/client.ts";
import { findCutoff } from "../../db/cutoffs.ts";
import type { Config, Locale } from "../config.ts";
import { compareCodes } from "../domain/codes.ts";
import { cliText } from "../i18n/cli.ts";
import { cliRemindText } from "../i18n/cli-remind.ts";
import { cutoffText } from "../i18n/cutoff.ts";
import { createLogger } from "../logger.ts";
import { waitingChannelGate } from "../reminders/channel-gate.ts";
import {
  type EarlierReminders,
  earlierReminders,
  type SentNow,
  SLACK_UNREACHABLE,
  sendNow,
} from "../reminders/send-now.ts";
import { kindLabel } from "../slack/render-cutoff.ts";
import { systemClock } from "../time.ts";
import { openCliStore } from "./cli-store.ts";
import { removedCutoffLine } from "./removed-cutoff.ts";
import { slackAnswers, slackFor } from "./slack-for.ts";

/**
 * `remind --cutoff <id> --now` (declared in remind-command.ts): a reminder now, by hand, to
 * each institution with one still to come (see `sendNow`), the outcome per institution on
 * stdout (or as JSON); exit 1 when a cut-off is unknown or removed (named with the day it was
 * removed) or an institution's reminder was not
 * sent: it failed ({@link notSent}), or the institution has no channel mapped — named apart, on
 * stderr, with the command that maps one ({@link unmapped}), not as a failure.
 */
export async function remindNow(
  config: Config,
  cutoffId: number,
  json: boolean,
  locale: Locale,
): Promise<void> {
  const db = openCliStore(config.databaseUrl);
  try {
    await migrateToLatest(db);
    // The id first, as `replies` checks it: a wrong id is the operator's mistake to name, even
    // when there is no local app to post through. A removed one is named with the day it was
    // removed, as `cutoff plan` and `/cutoff move` name it, not as one that never was.
    if (!(await findCutoff(db, cutoffId))) {
      const removed = await removedCutoffLine(db, cutoffId, config.timezone, locale);
      process.stderr.write(`${removed ?? cliText(locale).noCutoff(cutoffId)}\n`);
      process.exitCode = 1;
      return;
    }
    // Nothing to post through: say so before the store changes (slackFor refuses when the
    // local app is not running; Slack itself is asked whether it answers at all).
    const slack = await slackFor(config);
    if (config.slack.mode !== "local" && !(await slackAnswers(slack.slackApiUrl))) {
      process.stderr.write(`${cliText(locale).remind.unreachableBefore(slack.slackApiUrl)}\n`);
      process.exitCode = 1;
      return;
    }
    // The table below tells each institution's outcome; only errors beyond it reach stderr
    // (a JSON "reminder not delivered" line on stdout would break the table and --json), and a
    // secretary who could not be told (sendNow returns them; the job logs them at warn, below
    // this log's level) is said once, in words, after the table.
    const deps = {
      db,
      config,
      clock: systemClock,
      logger: createLogger("error", process.stderr),
      slack,
      gate: waitingChannelGate(),
    };
    const { results, unreachableSecretaries } = await sendNow(deps, cutoffId);
    if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    else {
      if (results.length > 0)
        for (const line of remindTable(results, locale)) process.stdout.write(`${line}\n`);
      else process.stdout.write(`${nothingLine(await earlierReminders(deps, cutoffId), locale)}\n`);
    }
    for (const { user, code } of unreachableSecretaries)
      process.stderr.write(`${cliRemindText(locale).secretaryUnreachable(user, code)}\n`);
    // No channel is a state the secretary knows how to fix, not Slack's failure: named with the
    // command that fixes it; still exit 1, as documented: a reminder was not sent.
    const skippedUnmapped = unmapped(results);
    if (skippedUnmapped.length > 0) {
      const codes = inInstitutionOrder(skippedUnmapped).map((r) => r.institution);
      const nothingSent = !results.some((r) => r.result === "sent");
      process.stderr.write(`${cliRemindText(locale).unmapped({ codes, nothingSent, cutoffId })}\n`);
      process.exitCode = 1;
    }
    if (results.some((r) => r.result === SLACK_UNREACHABLE)) {
      process.stderr.write(`${cliText(locale).remind.unreachableDuring(slack.slackApiUrl)}\n`);
      process.exitCode = 1;
    } else if (notSent(results).length > 0) {
      const codes = inInstitutionOrder(notSent(results)).map((r) => r.institution);
      process.stderr.write(`${cliText(locale).remind.notAllSent(codes)}\n`);
      process.exitCode = 1;
    }
  } finally {
    await db.destroy();
  }
}

/**
 * The line `remind --now` prints when nothing was due, in `locale`: the reminders sent before,
 * those skipped with `cutoff plan`'s reasons, those failed for good, those still to come.
 */
export function nothingLine(earlier: EarlierReminders, locale: Locale): string {
  const c = cutoffText(locale);
  const skipped = [...earlier.skipped].map(([reason, n]) => `${n} × ${c.skipped(reason)}`);
  return cliText(locale).remindNothing({ ...earlier, skipped });
}

/** Outcomes of the send-reminder job that mean nothing needed sending (not a failure). */
const SKIPPED = new Set([
  "all_answered",
  "cutoff_removed",
  "cutoff_passed",
  "superseded",
  "cutoff_moved",
]);

/** Outcomes that need nothing from the operator: sent, or nothing to send (see {@link SKIPPED}). */
const SETTLED = new Set(["sent", "done-before", "stale"]);

/** The outcome of an institution with no channel mapped (send-reminder's `no_mapping`). */
const NO_CHANNEL = "no_mapping";

/**
 * The institutions whose reminder `remind --now` tried and failed to send (a channel Slack
 * refused, rate limit, Slack unreachable): any of them makes the command exit 1. Those with no
 * channel mapped are not among them ({@link unmapped}).
 */
export function notSent(results: SentNow[]): SentNow[] {
  return results.filter(
    (r) => !SETTLED.has(r.result) && !SKIPPED.has(r.result) && r.result !== NO_CHANNEL,
  );
}

/**
 * The institutions skipped because no channel is mapped for them: a known state of the
 * configuration, not a failure; `remind --now` names them with the command that maps one (and
 * exits 1: their reminder was not sent), and sends to them once it is run again after that.
 */
export function unmapped(results: SentNow[]): SentNow[] {
  return results.filter((r) => r.result === NO_CHANNEL);
}

/**
 * `results` in the order `/cutoff plan` lists institutions (their codes, Latvian collation, as
 * loadPlan in commands/cutoff-model.ts sorts them); a new array, `results` untouched.
 */
export function inInstitutionOrder(results: readonly SentNow[]): SentNow[] {
  return [...results].sort((a, b) => compareCodes(a.institution, b.institution));
}

/**
 * `remind --now`'s lines in `locale`, one per institution in {@link inInstitutionOrder}: its code, the reminder's kind as
 * `cutoff plan` words it ("20 sekundes pirms termiņa", "7 dienas pirms termiņa", "pēc termiņa")
 * and what became of it ("nosūtīts", "izlaists – viss atbildēts"); the kind column
 * at least `kindWidth` characters wide.
 */
export function remindLines(results: SentNow[], locale: Locale, kindWidth = 0): string[] {
  const t = cliText(locale).remind;
  const c = cutoffText(locale);
  const outcome = (result: string, code: string): string => {
    if (result === "sent") return t.sent;
    if (result === "done-before") return t.doneBefore;
    if (result === "stale") return t.stale;
    if (result === "rate_limited") return t.rateLimited;
    if (result === SLACK_UNREACHABLE) return t.unreachable;
    if (result === NO_CHANNEL) return t.noMapping(code);
    if (result === "channel_not_found") return t.channelNotFound(code);
    return SKIPPED.has(result) ? c.skipped(result) : c.failed(result);
  };
  const rows = inInstitutionOrder(results);
  const kinds = rows.map((r) => kindLabel(r.kind, locale));
  const width = Math.max(kindWidth, ...kinds.map((k) => k.length));
  return rows.map(
    (r, i) =>
      `${r.institution.padEnd(12)} ${(kinds[i] ?? "").padEnd(width)}  ${outcome(r.result, r.institution)}`,
  );
}

/**
 * `remind --now`'s table in `locale`: a header row ("Institūcija  Atgādinājums  Iznākums" /
 * "Institution  Reminder  Outcome"), {@link remindLines} in its columns, and a summary ("Kopā 1
 * institūcija: 1 nosūtīts." / "In all, 1 institution: 1 sent."): sent now, needing no sending
 * (already sent, all answered, …), without a channel ({@link unmapped}), not sent
 * ({@link notSent}, the exit-1 ones).
 */
export function remindTable(results: SentNow[], locale: Locale): string[] {
  const h = cliRemindText(locale);
  const width = Math.max(h.kind.length, ...results.map((r) => kindLabel(r.kind, locale).length));
  const header = `${h.institution.padEnd(12)} ${h.kind.padEnd(width)}  ${h.outcome}`;
  const sent = results.filter((r) => r.result === "sent").length;
  const failed = notSent(results).length;
  const noChannel = unmapped(results).length;
  const needless = results.length - sent - failed - noChannel;
  const summary = h.summary({ sent, needless, noChannel, notSent: failed });
  return [header, ...remindLines(results, locale, width), summary];
}
