import type { KnownBlock } from "@slack/types";
import type { Locale } from "../config.ts";
import { lateMark } from "../domain/late-reply.ts";
import { taskCutoffText } from "../i18n/task-cutoff.ts";
import type { OtherCutoffReplies, TaskCutoffStatus } from "../reminders/task-status.ts";
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
 * The words `/task` appends for a reply's {@link lateMark}: " _(pēc ziņošanas termiņa)_" for
 * "late", " _(papildināts pēc ziņošanas termiņa)_" for "supplemented", nothing in time.
 */
function markText(m: ReturnType<typeof taskCutoffText>, mark: ReturnType<typeof lateMark>): string {
  return mark === "late" ? m.late : mark === "supplemented" ? m.supplemented : "";
}

/** Sections the institution lines may take: 4 × 3,000 characters (≈ 37 lines of ~320). */
const INSTITUTION_SECTIONS_MAX = 4;

/**
 * The active cut-off for a task (one whose time has passed said so: "Ziņošanas termiņš #1
 * pagājis: …", "⌛ *LM* nav atbildējusi uz #1", not as one ahead): per institution, its latest reply (excerpt, author, date, link;
 * "(after the reporting cut-off)" when received after the cut-off's time, "(supplemented after
 * the reporting cut-off)" instead when the task had been answered in time: {@link lateMark}), or when only people
 * who are not its contacts replied, "no verified reply to #2 yet" and the newest such reply, or
 * "has not replied to #2 yet" (the cut-off named: another may have its reply); the task's
 * replies to other live cut-offs, each line naming its cut-off, and `/task N history` to read
 * them (`taskNumber`; without it no such hint); and what the reminders will still do about the task ({@link reminderLines}). The
 * heading and the institution lines fill sections of ≤ 3,000 characters (block ids "task_cutoff",
 * "task_cutoff_2", …; at most {@link INSTITUTION_SECTIONS_MAX}, whole lines each, with a note of
 * how many were left out beyond that); the reminder lines have their own section
 * ("task_cutoff_reminders"), so no number of institutions or length of replies hides them. At
 * most 5 blocks. The cut-off's time and the next reminder's are to the minute, as `/cutoff list`
 * shows them ({@link formatInstant}).
 */
export function renderCutoffStatus(
  status: TaskCutoffStatus,
  locale: Locale,
  zone: string,
  taskNumber?: string,
): KnownBlock[] {
  const m = taskCutoffText(locale);
  const id = status.cutoff.id;
  const passed = status.cutoff.passed === true;
  const lines = [
    (passed ? m.headingPassed : m.heading)(
      id,
      escapeMrkdwn(status.cutoff.title),
      formatInstant(status.cutoff.at, zone, locale),
    ),
  ];
  for (const i of status.institutions) {
    if (!i.latest) {
      lines.push((passed ? m.waitingPassed : m.waiting)(i.code, id));
      continue;
    }
    // The reply as Slack sent it (entities escaped once): shown as is, broadcasts silenced.
    const excerpt = slackDisplayText(excerptSlackText(i.latest.text, EXCERPT_MAX));
    // The link to the message (none for an answer by the form) stands before the excerpt,
    // beside its author, so its text never reads as the reply's last word.
    const link = i.latest.channelId === "modal" ? "" : messageLink(i.latest.channelId, i.latest.ts);
    const { at, userId, verified } = i.latest;
    const day = formatInstantDay(at, zone, locale);
    // Only strangers' replies: the institution has not answered (its reminders still ask), and
    // the line says so before it shows what was written.
    let line = verified
      ? m.replied(i.code, day, userId, excerpt, link, verified)
      : m.repliedUnverified(i.code, id, day, userId, excerpt, link);
    line += markText(m, lateMark(at, status.cutoff.at, i.inTime === true));
    if (i.laterUnverified > 0) line += m.laterUnverified(i.laterUnverified);
    lines.push(line);
  }
  // Lines [1, institutionsEnd) are the institutions'; then the other cut-offs' and the hint.
  const institutionsEnd = lines.length;
  const others = otherCutoffLines(status.others ?? [], locale, zone, taskNumber);
  lines.push(...others.lines);
  if (others.hint) lines.push(others.hint);
  const othersEnd = institutionsEnd + others.lines.length;
  // What the lines from `from` on, left out, were: counted by kind (see `leftOutNote`).
  const leftOut = (from: number) =>
    leftOutNote(m, {
      institutions: Math.max(0, institutionsEnd - from),
      otherCutoffs: Math.max(0, othersEnd - Math.max(from, institutionsEnd)),
      hint: others.hint !== undefined && from <= othersEnd ? others.hint : undefined,
      taskNumber,
    });
  const blocks = packLines(lines, leftOut).map(
    (text, n): KnownBlock => section(n === 0 ? "task_cutoff" : `task_cutoff_${n + 1}`, text),
  );
  const reminders = reminderLines(status, locale, zone);
  if (reminders.length > 0) blocks.push(section("task_cutoff_reminders", reminders.join("\n")));
  return blocks;
}

/**
 * The task's replies to other live cut-offs (`others`, as a status's), one line each naming the
 * cut-off ("↩️ Uz ziņošanas termiņu #1 „Pirmais” (01.12.2026.) atbildēja: *LM* 30.11.2026.
 * <…|atvērt>"; a reply received after that cut-off's time followed by " _(pēc ziņošanas
 * termiņa)_", as the digest marks it, or " _(papildināts pēc ziņošanas termiņa)_" when the
 * institution had answered the task in time for it: {@link lateMark}), a passed one's ending with who of the task has not answered it ("; nav
 * atbildējušas IEM"), or when none replied to it, "⌛ Ziņošanas termiņš #3 „Trešais” (pagājis
 * 01.12.2026.): nav atbildējušas IEM, LM"; and `hint`, when `taskNumber` is given and a reply is
 * among them, where to read them all (`/task N history`). None: no lines, no hint.
 */
export function otherCutoffLines(
  others: readonly OtherCutoffReplies[],
  locale: Locale,
  zone: string,
  taskNumber: string | undefined,
): { lines: string[]; hint?: string } {
  const m = taskCutoffText(locale);
  if (others.length === 0) return { lines: [] };
  const lines: string[] = [];
  for (const o of others) {
    const title = escapeMrkdwn(o.cutoff.title);
    const day = formatInstantDay(o.cutoff.at, zone, locale);
    const unanswered = o.unanswered ?? [];
    if (o.replies.length === 0) {
      if (unanswered.length > 0) lines.push(m.otherUnanswered(o.cutoff.id, title, day, unanswered));
      continue;
    }
    // A reply received after that cut-off's time is marked as the view's own lines mark one.
    const entries = o.replies.map(
      (r) =>
        m.otherReply(
          r.code,
          formatInstantDay(r.at, zone, locale),
          r.channelId === "modal" ? "" : messageLink(r.channelId, r.ts),
          r.verified,
        ) + markText(m, lateMark(r.at, o.cutoff.at, r.inTime === true)),
    );
    // One cut-off, one line: those that have not answered it follow its replies.
    const tail = unanswered.length > 0 ? m.otherUnansweredTail(unanswered) : "";
    lines.push(m.otherCutoff(o.cutoff.id, title, day, entries) + tail);
  }
  // The history holds replies only: no hint when only "no reply" lines are shown.
  if (others.every((o) => o.replies.length === 0) || !taskNumber) return { lines };
  return { lines, hint: m.otherHint(taskNumber) };
}

/**
 * The note that ends the last section when lines did not fit: how many institution lines
 * (`moreInstitutions`) and how many other cut-offs' lines (`moreOtherCutoffs`, with
 * `/task N history` when `taskNumber` is given) were left out, each counted apart, so neither
 * is taken for the other; when only the hint was left out, the hint itself.
 */
function leftOutNote(
  m: ReturnType<typeof taskCutoffText>,
  left: { institutions: number; otherCutoffs: number; hint?: string; taskNumber?: string },
): string {
  const notes: string[] = [];
  if (left.institutions > 0) notes.push(m.moreInstitutions(left.institutions));
  if (left.otherCutoffs > 0) notes.push(m.moreOtherCutoffs(left.otherCutoffs, left.taskNumber));
  else if (left.hint) notes.push(left.hint);
  return notes.join("\n");
}

function section(blockId: string, text: string): KnownBlock {
  return {
    type: "section",
    block_id: blockId,
    text: { type: "mrkdwn", text: truncateText(text, SECTION_TEXT_MAX) },
  };
}

/**
 * `lines` packed, whole, into at most {@link INSTITUTION_SECTIONS_MAX} texts of ≤ 3,000
 * characters; when they do not all fit, the last text ends with `note(from)` for the lines
 * left out, those from index `from` on (taken from its end as needed to make room). A single
 * line over 3,000 characters is cut (`truncateText`). Also packs a heading's roll-up
 * (render-task-heading-cutoff.ts).
 */
export function packLines(lines: readonly string[], note: (from: number) => string): string[] {
  const texts: string[][] = [];
  let size = 0;
  let used = 0;
  for (const raw of lines) {
    const line = truncateText(raw, SECTION_TEXT_MAX);
    const last = texts.at(-1);
    if (last && size + 1 + line.length <= SECTION_TEXT_MAX) {
      last.push(line);
      size += 1 + line.length;
    } else if (texts.length < INSTITUTION_SECTIONS_MAX) {
      texts.push([line]);
      size = line.length;
    } else break;
    used++;
  }
  const last = texts.at(-1);
  if (last && used < lines.length) {
    let from = used;
    while (last.length > 1 && size + 1 + note(from).length > SECTION_TEXT_MAX) {
      size -= 1 + (last.pop()?.length ?? 0);
      from--;
    }
    last.push(note(from));
  }
  return texts.map((t) => t.join("\n"));
}

/**
 * The lines about the task's reminders for the cut-off, as the sender decides them
 * (`remindedAbout`): when every institution has answered, that the reply is in and no more
 * reminders about the task are sent for this cut-off; else the next reminder
 * ({@link nextReminderLine}; never one to a channel known unreachable) or "no more reminders are
 * planned"; the institutions that have not answered and have no channel, which are never
 * reminded (the shared `noChannelNotice`, which says the secretary can set a channel); and, one
 * line each, those that have not answered whose channel is known unreachable (`unreachable`):
 * its cause and the fix, as `/institution CODE` gives them. Once the cut-off has passed with
 * no reminder left for the task, the lines say what was (not) sent, not what will be.
 */
export function reminderLines(status: TaskCutoffStatus, locale: Locale, zone: string): string[] {
  const m = taskCutoffText(locale);
  const all = status.institutions;
  // Passed, and no reminder of the task left (an overdue one may still follow the cut-off).
  const over = status.cutoff.passed === true && status.nextReminderAt === null;
  if (all.length > 0 && all.every((i) => i.answered))
    return [(over ? m.allAnsweredPassed : m.allAnswered)(all.length)];
  const lines: string[] = [];
  const waiting = all.filter((i) => !i.answered);
  const noChannel = waiting.filter((i) => !i.hasChannel).map((i) => i.code);
  const unreachable = waiting.filter((i) => i.hasChannel && i.unreachable);
  if (status.nextReminderAt !== null) {
    const at = formatInstant(status.nextReminderAt, zone, locale);
    lines.push(nextReminderLine(status, at, locale));
  } else if (waiting.some((i) => i.hasChannel && !i.unreachable) || waiting.length === 0) {
    // Not when only those not reminded are left: their lines say why.
    lines.push(m.noneScheduled);
  }
  if (noChannel.length > 0) lines.push(m.noChannel(noChannel, over));
  for (const i of unreachable)
    if (i.unreachable)
      lines.push(m.unreachable(i.code, `<#${i.unreachable.channel}>`, i.unreachable.why));
  return lines;
}

/**
 * "Next reminder: <at>" for `status.nextReminderTo`, as exactly as the recipients allow:
 * - to every institution of the task (or to nobody named): no names;
 * - to exactly those that have not answered (every other one has): "– to the institutions that
 *   have not replied yet: IEM";
 * - to some, while others that have not answered are left out of it (no channel, or their own
 *   reminder is planned later): their names only ("– IEM"), which implies nothing about the rest.
 * `at` is the reminder's time as shown.
 */
function nextReminderLine(status: TaskCutoffStatus, at: string, locale: Locale): string {
  const m = taskCutoffText(locale);
  const to = new Set(status.nextReminderTo);
  const all = status.institutions;
  if (to.size === 0 || all.every((i) => to.has(i.code))) return m.nextReminder(at);
  const waiting = all.filter((i) => !i.answered);
  const exactly = waiting.length === to.size && waiting.every((i) => to.has(i.code));
  return exactly
    ? m.nextReminderTo(at, status.nextReminderTo, status.cutoff.id)
    : m.nextReminderNamed(at, status.nextReminderTo);
}
