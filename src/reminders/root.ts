/**
 * The first message of a reminder thread (its root), kept true after it was posted: each task's
 * last reply (or "Atbildes vēl nav."), and the cut-off's present time after `/cutoff move`, with
 * a note of the time it was moved from; after `/cutoff remove`, a line saying it was removed on
 * which day and that replies are no longer expected there (those received stay shown).
 * Re-rendered from the store and replaced with chat.update; the job `refresh-root` runs it.
 */
import type { KnownBlock } from "@slack/types";
import type { Db } from "../../db/client.ts";
import { replyCutoff } from "../../db/cutoffs.ts";
import { listReminders } from "../../db/reminders.ts";
import { findThread } from "../../db/threads.ts";
import type { Config } from "../config.ts";
import { OVERDUE_KIND } from "../domain/reminder-plan.ts";
import { cutoffText } from "../i18n/cutoff.ts";
import { reminderText } from "../i18n/reminder.ts";
import type { Logger } from "../logger.ts";
import { SECTION_TEXT_MAX } from "../slack/block-limits.ts";
import { escapeMrkdwn, truncateText } from "../slack/fit.ts";
import { formatInstant, formatInstantDay } from "../slack/format.ts";
import { renderReminder } from "../slack/render-reminder.ts";
import { PERMANENT_POST_ERRORS, platformError, type SlackWeb } from "../slack/web.ts";
import { type Clock, dateIn } from "../time.ts";
import { addressees, institutionProgress, reminderTasks } from "./compose.ts";

/** What {@link refreshRoot} needs: the store, the job's Web API client and the app's settings. */
export interface RootDeps {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  slack: SlackWeb;
}

/**
 * What {@link refreshRoot} did: "updated" (a removed cut-off's root too); "no_thread" (no
 * reminder went out yet); "cutoff_removed" (no such cut-off in the store at all); or the Slack
 * error for which the root cannot be updated ({@link ROOT_GONE_ERRORS}), logged.
 */
export type RootOutcome = "updated" | "no_thread" | "cutoff_removed" | string;

/**
 * Slack errors after which a root message cannot be updated, whatever the retry: those no
 * post survives ({@link PERMANENT_POST_ERRORS}: channel gone, access lost, blocks refused) and
 * chat.update's own (the message is gone or not the app's).
 * Source: https://api.slack.com/methods/chat.update#errors
 */
export const ROOT_GONE_ERRORS = new Set([
  ...PERMANENT_POST_ERRORS,
  "message_not_found",
  "cant_update_message",
  "edit_window_closed",
]);

/**
 * Re-renders the root of the institution's thread for the cut-off as it stands in the store and
 * replaces it (chat.update; the message's metadata, which `send-reminder` finds it by, is left
 * as it is, and an edit notifies no one, so the mentions are not sent again). It lists every
 * task of the institution in the cut-off's scope — the ones the root asked about when it went
 * out, by then all open — each with the institution's last reply for this cut-off (the newest
 * verified one preferred, as `reminderTasks` picks it) or "Atbildes vēl nav.", and the cut-off's present time, in DEFAULT_LOCALE as the reminders are;
 * worded as the first reminder, or as the overdue one when the thread began with it and the
 * cut-off is still past (saying every task asked here is answered, not that it still waits,
 * once none is open), or, once the cut-off has passed otherwise, saying when it passed (not
 * "until" a past time); a reply received after the cut-off's time is marked late.
 * Reads only; the replies are stored before this runs and never depend on it.
 * @throws Slack's 429 (the caller waits `rateLimitedFor`) and transient errors (retried by
 *   BullMQ); errors in {@link ROOT_GONE_ERRORS} are returned instead, logged.
 */
export async function refreshRoot(
  deps: RootDeps,
  cutoffId: number,
  institutionId: number,
): Promise<RootOutcome> {
  const thread = await findThread(deps.db, cutoffId, institutionId);
  if (!thread) return "no_thread";
  const found = await replyCutoff(deps.db, cutoffId);
  if (!found) return "cutoff_removed";
  const { cutoff, removedAt } = found;
  const progress = await institutionProgress(deps.db, cutoff, institutionId);
  const { mapping } = progress;
  // The root's own reminder: the cut-off's time it went out for (said when the cut-off has moved
  // since), and its kind — a thread begun after the cut-off starts with the overdue reminder,
  // which stays one while the cut-off is past.
  const root = (await listReminders(deps.db, cutoffId)).find(
    (r) => r.messageTs === thread.threadTs && r.channelId === thread.channelId,
  );
  const now = deps.clock.now();
  const nowIso = now.toUTC().toISO() ?? "";
  const lateRoot = root?.kind === OVERDUE_KIND || (root && root.scheduledAt >= root.cutoffAt);
  const overdue = removedAt === null && lateRoot === true && cutoff.at <= nowIso;
  const locale = deps.config.defaultLocale;
  const message = renderReminder(
    {
      cutoffId: cutoff.id,
      cutoffAt: cutoff.at,
      cutoffTitle: cutoff.title,
      institution: { id: mapping.institutionId, code: mapping.code, name: mapping.name },
      // A removed cut-off asks nobody any more (an edit notifies no one; the names would still ask).
      ...(removedAt
        ? { mentions: [], unmentioned: null }
        : addressees(mapping, dateIn(now, deps.config.timezone))),
      tasks: reminderTasks(
        progress,
        progress.tasks.map((t) => t.number),
        cutoff.at,
      ),
      // Past its time, a root that asked "until" it says when it passed (not removed: see below).
      stage: overdue ? "overdue" : removedAt === null && cutoff.at <= nowIso ? "passed" : "first",
      // Nothing it asked still owed: an overdue root no longer says it waits.
      allAnswered: progress.tasks.length > 0 && progress.open.length === 0,
      now: nowIso,
    },
    locale,
    deps.config.timezone,
  );
  // Moved since the root went out: say from when, as the thread's earlier reminders show that time.
  if (root && root.cutoffAt !== cutoff.at && !removedAt) {
    const from = formatInstant(root.cutoffAt, deps.config.timezone, deps.config.defaultLocale);
    addToIntro(message.blocks, reminderText(deps.config.defaultLocale).movedFrom(from));
  }
  if (removedAt) {
    const zone = deps.config.timezone;
    const removal = cutoffText(locale).rootRemoved(
      mapping.code,
      formatInstant(cutoff.at, zone, locale),
      escapeMrkdwn(cutoff.title),
      formatInstantDay(removedAt, zone, locale),
    );
    markRemoved(message.blocks, removal);
  }
  try {
    await deps.slack.apiCall("chat.update", {
      channel: thread.channelId,
      ts: thread.threadTs,
      text: message.text,
      blocks: JSON.stringify(message.blocks),
    });
    return "updated";
  } catch (error) {
    const code = platformError(error);
    if (code === null || !ROOT_GONE_ERRORS.has(code)) throw error;
    deps.logger.warn(
      { channel: thread.channelId, ts: thread.threadTs, code },
      "reminder thread root not updated",
    );
    return code;
  }
}

/**
 * Appends `note` (italic) to the reminder's opening sentence, the first line of its first
 * section (a line under it, saying why nobody is mentioned, stays last).
 */
function addToIntro(blocks: KnownBlock[], note: string): void {
  const intro = blocks.find((b) => b.type === "section");
  if (intro?.type !== "section" || intro.text?.type !== "mrkdwn") return;
  const [sentence = "", ...rest] = intro.text.text.split("\n");
  const under = rest.length > 0 ? `\n${rest.join("\n")}` : "";
  intro.text.text = `${truncateText(`${sentence} _${note}_`, SECTION_TEXT_MAX - under.length)}${under}`;
}

/**
 * The root of a removed cut-off's thread: `removal` (`rootRemoved`: the cut-off, its time and
 * the day it was removed; replies no longer expected, those received kept) in place of the
 * request to report by that time (the first section) and of the how-to-reply hint (the first
 * context), and no "Submit update" buttons; the tasks keep showing the replies received.
 */
function markRemoved(blocks: KnownBlock[], removal: string): void {
  const intro = blocks.findIndex((b) => b.type === "section");
  if (intro >= 0)
    blocks[intro] = {
      type: "section",
      text: { type: "mrkdwn", text: truncateText(removal, SECTION_TEXT_MAX) },
    };
  const hint = blocks.findIndex((b) => b.type === "context");
  if (hint >= 0) blocks.splice(hint, 1);
  for (const block of blocks) if (block.type === "section") delete block.accessory;
}
