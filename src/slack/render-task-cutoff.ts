import type { KnownBlock } from "@slack/types";
import type { Locale } from "../config.ts";
import { taskCutoffText } from "../i18n/task-cutoff.ts";
import type { TaskCutoffStatus } from "../reminders/task-status.ts";
import { SECTION_TEXT_MAX } from "./block-limits.ts";
import { escapeMrkdwn, truncateText } from "./fit.ts";
import { formatInstant, formatInstantDay } from "./format.ts";
import { excerptSlackText, slackDisplayText } from "./message-text.ts";

/** Characters of a reply shown in `/task`; the link opens the whole message. */
const EXCERPT_MAX = 200;

/**
 * A link to a Slack message: https://slack.com/archives/<channel>/p<ts without the dot>, which
 * Slack resolves to the message in the reader's workspace (thread replies open in their thread).
 * In local mode the reader's workspace is the emulator: `npm run slack` prints these links at
 * its address, where they open (see src/emulator/archives.ts).
 */
export function messageLink(channelId: string, ts: string): string {
  return `https://slack.com/archives/${channelId}/p${ts.replace(".", "")}`;
}

/**
 * The active cut-off for a task: per institution, its latest reply (excerpt, author, date, link;
 * "(after the reporting cut-off)" when received after the cut-off's time) or "no reply yet", and
 * what the reminders will still do about the task ({@link reminderLines}). One section, within 3,000 characters. The cut-off's time and the next
 * reminder's are to the minute, as `/cutoff list` shows them ({@link formatInstant}).
 */
export function renderCutoffStatus(
  status: TaskCutoffStatus,
  locale: Locale,
  zone: string,
): KnownBlock[] {
  const m = taskCutoffText(locale);
  const lines = [
    m.heading(escapeMrkdwn(status.cutoff.title), formatInstant(status.cutoff.at, zone, locale)),
  ];
  for (const i of status.institutions) {
    if (!i.latest) {
      lines.push(m.waiting(i.code));
      continue;
    }
    // The reply as Slack sent it (entities escaped once): shown as is, broadcasts silenced.
    const excerpt = slackDisplayText(excerptSlackText(i.latest.text, EXCERPT_MAX));
    const link = i.latest.channelId === "modal" ? "" : messageLink(i.latest.channelId, i.latest.ts);
    const { at, userId, verified } = i.latest;
    let line = m.replied(
      i.code,
      formatInstantDay(at, zone, locale),
      userId,
      excerpt,
      link,
      verified,
    );
    if (!link) line = line.replace(/ <\|[^>]*>$/, "");
    if (Date.parse(at) > Date.parse(status.cutoff.at)) line += m.late;
    if (!verified) line += m.unverified;
    if (i.laterUnverified > 0) line += m.laterUnverified(i.laterUnverified);
    lines.push(line);
  }
  lines.push(...reminderLines(status, locale, zone));
  return [
    {
      type: "section",
      text: { type: "mrkdwn", text: truncateText(lines.join("\n"), SECTION_TEXT_MAX) },
    },
  ];
}

/**
 * The lines about the task's reminders for the cut-off, as the sender decides them
 * (`remindedAbout`): when every institution has answered, that the reply is in and no more
 * reminders about the task are sent for this cut-off; else the next reminder, naming who it goes
 * to when that is not every institution of the task (the others have answered, or have no
 * channel), or "no more reminders are planned"; and the institutions that have not answered and
 * have no channel, which are never reminded (with the command that sets one).
 */
export function reminderLines(status: TaskCutoffStatus, locale: Locale, zone: string): string[] {
  const m = taskCutoffText(locale);
  const all = status.institutions;
  if (all.length > 0 && all.every((i) => i.answered)) return [m.allAnswered(all.length)];
  const lines: string[] = [];
  const unreachable = all.filter((i) => !i.answered && !i.hasChannel).map((i) => i.code);
  if (status.nextReminderAt !== null) {
    const at = formatInstant(status.nextReminderAt, zone, locale);
    const to = status.nextReminderTo;
    const some = to.length > 0 && to.length < all.length;
    lines.push(some ? m.nextReminderTo(at, to) : m.nextReminder(at));
  } else if (unreachable.length === 0 || all.some((i) => !i.answered && i.hasChannel)) {
    // Not when only those without a channel are left: their line says they are not reminded.
    lines.push(m.noneScheduled);
  }
  if (unreachable.length > 0) lines.push(m.noChannel(unreachable));
  return lines;
}
