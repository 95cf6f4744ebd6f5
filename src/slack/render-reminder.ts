import type { KnownBlock } from "@slack/types";
import { DateTime } from "luxon";
import type { Locale } from "../config.ts";
import { replyBody } from "../domain/attribution.ts";
import { lateMark } from "../domain/late-reply.ts";
import type { Deadline, TaskStatus } from "../domain/types.ts";
import { DURATION_UNITS, type DurationAmounts, type DurationUnit } from "../i18n/duration.ts";
import { messages } from "../i18n/index.ts";
import { type PassedInTime, reminderText } from "../i18n/reminder.ts";
import { MESSAGE_BLOCKS_MAX, SECTION_TEXT_MAX } from "./block-limits.ts";
import { escapeMrkdwn, truncateText } from "./fit.ts";
import {
  deadlineLabel,
  formatDay,
  formatInstant,
  formatInstantDay,
  isOverdue,
  statusLabel,
} from "./format.ts";
import { ActionId } from "./ids.ts";
import { excerptSlackText, slackDisplayText } from "./message-text.ts";

/** A task as a reminder lists it, with the institution's last reply to it (if any). */
export interface ReminderTask {
  number: string;
  title: string;
  deadline: Deadline;
  status: TaskStatus | null;
  lastReply: { text: string; userId: string; at: string; verified: boolean } | null;
  /**
   * A verified reply answered the task in time for the cut-off (`answeredInTime`,
   * src/domain/late-reply.ts, the digest's rule): a `lastReply` received after the cut-off's
   * time is then marked "supplemented", not late ({@link lateMark}). Absent: false.
   */
  inTime?: boolean;
}

/**
 * Why a reminder mentions nobody: the institution has no contact people, or all of them are
 * away; `until` (ISO date, Riga) is the last day away of the first of them back.
 */
export type Unmentioned = { reason: "no_contacts" } | { reason: "all_away"; until: string };

/** What a reminder message says. `cutoffAt` and `now` are UTC ISO instants. */
export interface ReminderModel {
  cutoffId: number;
  cutoffAt: string;
  cutoffTitle: string;
  institution: { id: number; code: string; name: string };
  /** Contacts to mention (those not away). */
  mentions: string[];
  /**
   * Set when `mentions` is empty for lack of contacts (not when nobody is asked on purpose, as
   * on a removed cut-off's root): the message says so under its opening sentence.
   */
  unmentioned?: Unmentioned | null;
  tasks: ReminderTask[];
  /**
   * First message of the thread, a follow-up, or the one after the cut-off; "passed": the first
   * message re-rendered once its cut-off has passed (src/reminders/root.ts), saying when it
   * passed instead of asking for replies "until" that time.
   */
  stage: "first" | "passed" | "follow_up" | "overdue";
  /**
   * Set by the root's re-render (src/reminders/root.ts) when nothing it asked is still owed:
   * every task listed answered (`InstitutionProgress.open` empty, the reminders' rule). An
   * "overdue" root then says so ("Visi šeit prasītie uzdevumi ir atbildēti.") instead of still
   * waiting, as the "first"/"passed" wording never says it waits. Absent: not known, or not all.
   */
  allAnswered?: boolean;
  now: string;
}

/** Value of a "Submit update" button: "<cutoffId>:<institutionId>:<task number>". */
export function updateButtonValue(cutoffId: number, institutionId: number, number: string): string {
  return `${cutoffId}:${institutionId}:${number}`;
}

/**
 * A reminder message: who is asked (mentions), by when, how to reply, then one section per
 * task (number, title, deadline — "⚠️ *nokavēts*" when overdue at `now`, as `/task N` says —,
 * status, the last reply, "(pēc ziņošanas termiņa)" after it when received after the cut-off's
 * time) with a "Submit update" button.
 * Within 50 blocks: tasks beyond room are named in a closing line. The cut-off's time is to
 * the minute ({@link formatInstant}).
 */
export function renderReminder(
  model: ReminderModel,
  locale: Locale,
  zone: string,
): { blocks: KnownBlock[]; text: string } {
  const m = reminderText(locale);
  const cutoff = formatInstant(model.cutoffAt, zone, locale);
  const mentions = model.mentions.map((u) => `<@${u}>`).join(" ");
  const title = escapeMrkdwn(model.cutoffTitle);
  const intro =
    model.stage === "first"
      ? m.intro(mentions, model.institution.code, cutoff, title)
      : model.stage === "passed"
        ? m.introPassed(mentions, model.institution.code, cutoff, title, passedInTime(model.tasks))
        : model.stage === "overdue"
          ? model.allAnswered
            ? m.overdueAnswered(mentions, cutoff)
            : m.overdue(mentions, cutoff, model.tasks.length)
          : m.followUp(
              mentions,
              remaining(model.now, model.cutoffAt, locale),
              cutoff,
              model.tasks.length,
            );
  const why = model.unmentioned;
  const nobody = !why
    ? ""
    : why.reason === "no_contacts"
      ? m.nobodyNoContacts(model.institution.code)
      : m.nobodyAway(model.institution.code, formatDay(why.until, locale));
  // The note on a line of its own, after the whole sentence (a moved cut-off's note joins the
  // sentence, see refresh-root); the sentence is cut first, so the note always shows.
  const opening = nobody
    ? `${truncateText(intro, SECTION_TEXT_MAX - nobody.length - 3)}\n_${nobody}_`
    : truncateText(intro, SECTION_TEXT_MAX);
  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: truncateText(`${m.heading(model.institution.code)} – ${model.institution.name}`, 150),
      },
    },
    { type: "section", text: { type: "mrkdwn", text: opening } },
    // The example is a task of this reminder ("14: …" misled where 14 is not asked).
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: m.howToReply(model.tasks[0]?.number ?? "14") }],
    },
  ];
  const room = MESSAGE_BLOCKS_MAX - blocks.length - 1;
  const shown = model.tasks.slice(0, room);
  const now = DateTime.fromISO(model.now, { zone: "utc" });
  for (const task of shown) blocks.push(taskSection(task, model, locale, zone, now));
  const rest = model.tasks.slice(room);
  if (rest.length > 0) {
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: truncateText(m.more(rest.map((t) => t.number).join(", ")), SECTION_TEXT_MAX),
        },
      ],
    });
  }
  return { blocks, text: m.fallback(model.institution.code, cutoff) };
}

function taskSection(
  task: ReminderTask,
  model: ReminderModel,
  locale: Locale,
  zone: string,
  now: DateTime,
): KnownBlock {
  const m = reminderText(locale);
  const last = task.lastReply
    ? m.lastReply(
        // Without the "14: " / "*14*." it was attributed by: the section already names the task.
        // As Slack sent it, escaped once (R&amp;D shows R&D), broadcasts silenced.
        slackDisplayText(excerptSlackText(replyBody(task.lastReply.text, task.number), 300)),
        task.lastReply.userId,
        formatInstantDay(task.lastReply.at, zone, locale),
      )
    : m.noReplyYet;
  const lastLine = task.lastReply && !task.lastReply.verified ? `${last} ${m.unverified}` : last;
  // Received after the cut-off's present time: marked, as `/task N` and the digest mark it
  // ("supplemented" when the task had been answered in time: not late, lateMark's rule).
  const mark = task.lastReply
    ? lateMark(task.lastReply.at, model.cutoffAt, task.inTime === true)
    : null;
  const late = mark === "late" ? ` ${m.late}` : mark === "supplemented" ? ` ${m.supplemented}` : "";
  // Marked as `/task N` marks it (isOverdue, the same words): a few characters, within the
  // section's limit since the title is cut to 500 and the excerpt to 300.
  const overdue = isOverdue(task.deadline, task.status, now, zone)
    ? ` · ⚠️ *${messages(locale).task.overdue}*`
    : "";
  const text = [
    `*${task.number}.* ${escapeMrkdwn(truncateText(task.title, 500))}`,
    `${m.deadline}: ${deadlineLabel(task.deadline, locale, zone)}${overdue} · ${m.status}: ${statusLabel(task.status, locale)}`,
    `_${lastLine}${late}_`,
  ].join("\n");
  return {
    type: "section",
    block_id: `task_${task.number}`,
    text: { type: "mrkdwn", text: truncateText(text, SECTION_TEXT_MAX) },
    accessory: {
      type: "button",
      action_id: ActionId.reminderSubmitUpdate,
      text: { type: "plain_text", text: m.submitUpdate },
      value: updateButtonValue(model.cutoffId, model.institution.id, task.number),
    },
  };
}

/**
 * How many of a passed root's `tasks` were answered in time (`inTime`): what its opening says of
 * the replies still to come ({@link reminderText} `introPassed`), as each task's line marks them.
 */
function passedInTime(tasks: readonly ReminderTask[]): PassedInTime {
  const inTime = tasks.filter((t) => t.inTime === true).length;
  return inTime === 0 ? "none" : inTime === tasks.length ? "all" : "some";
}

/**
 * The time left until the cut-off, in the nominative the phrase "vēl …" wants, read as
 * `/cutoff plan` reads the reminder's offset ({@link durationText} `words`): the seconds left
 * rounded up (59.5 s → 60 s, 89.7 s → 90 s), at least 1, then its two largest units down from
 * the largest nonzero one (smaller ones dropped, so never more than is left): 90 s → "1 minūte
 * un 30 sekundes" / "1 minute and 30 seconds", 60 s → "1 minūte", 5,400 s → "1 stunda un 30
 * minūtes", 14 days and 15 minutes → "14 dienas".
 */
function remaining(nowIso: string, cutoffIso: string, locale: Locale): string {
  const ms = DateTime.fromISO(cutoffIso).toMillis() - DateTime.fromISO(nowIso).toMillis();
  let rest = Math.max(1, Math.ceil(ms / 1000));
  const amounts: DurationAmounts = {};
  for (const unit of DURATION_UNITS) {
    amounts[unit] = Math.floor(rest / SECONDS_IN[unit]);
    rest -= amounts[unit] * SECONDS_IN[unit];
  }
  const largest = DURATION_UNITS.findIndex((unit) => (amounts[unit] ?? 0) > 0);
  for (const unit of DURATION_UNITS.slice(largest + 2)) amounts[unit] = 0;
  return reminderText(locale).left(amounts);
}

/** Seconds in one of each unit of a span. */
const SECONDS_IN: Record<DurationUnit, number> = {
  days: 86_400,
  hours: 3_600,
  minutes: 60,
  seconds: 1,
};
