/**
 * The digest as text in one language: a title, the headline lines of the parent message, and
 * the thread's sections of mrkdwn paragraphs. Slack, Markdown and DOCX all render this one
 * document, so `digest --md` says exactly what the Slack thread says. Pure.
 */
import { DateTime } from "luxon";
import type { Locale } from "../config.ts";
import { programmeSize } from "../domain/programme-size.ts";
import { digestText } from "../i18n/digest.ts";
import { taskRollupText } from "../i18n/task-rollup.ts";
import { escapeMrkdwn, truncateText } from "../slack/fit.ts";
import { formatInstantDay, STATUS_MARK, statusLabel } from "../slack/format.ts";
import { formatDay, formatInstant } from "../slack/render-admin.ts";
import { HEADING_MARK } from "../slack/render-task-status.ts";
import { UPCOMING_DAYS } from "./build.ts";
import {
  type DigestModel,
  type InstitutionStanding,
  missingInstitutions,
  type ResponseRate,
  STATUS_KEYS,
  type StatusKey,
  statusOrNull,
  UNRATED_WHY,
  type UpcomingItem,
  unansweredTasks,
} from "./model.ts";
import { historyTasksOnce } from "./other-cutoffs.ts";
import { lateEntries } from "./other-late.ts";
import { forCutoff, replyLine } from "./reply-line.ts";

/** What the digest is for: a posted digest, a session's draft, or a cut-off's digest. */
export type DigestVariant = "digest" | "draft" | "cutoff";

/** One part of the thread: a heading and mrkdwn paragraphs (lines joined with "\n"). */
export interface DocSection {
  heading: string;
  paragraphs: string[];
}

/**
 * The digest in one language. `title` is plain text; the rest is Slack mrkdwn. `slackNote`
 * ("Sīkāk – pavedienā ⤵") belongs after `context` in the Slack parent message only: a
 * Markdown file or a Word document has no thread.
 */
export interface DigestDoc {
  title: string;
  headline: string[];
  context: string;
  slackNote: string;
  sections: DocSection[];
  /**
   * Plain-text marks after a task's latest reply in the DOCX task table, by task number: "labota
   * <date>" when that reply was edited since the previous digest, and "uz ziņošanas termiņu #1
   * (<day>)" when it answers another live cut-off than the digest's (the reply lines' own marks).
   */
  latestMarks: Record<string, string>;
}

/** Characters of a task title in the digest's lists (the full title is in the DOCX). */
const TITLE_MAX = 100;

/** Language, zone and purpose of a rendering; `id` is the stored digest's id, if any. */
export interface DocOptions {
  locale: Locale;
  zone: string;
  variant: DigestVariant;
  id?: number;
}

/** Builds the document (see the module comment). */
export function digestDocument(model: DigestModel, o: DocOptions): DigestDoc {
  const t = digestText(o.locale);
  const day = formatDay(
    DateTime.fromISO(model.builtAt).setZone(o.zone).toISODate() ?? "",
    o.locale,
  );
  const title =
    o.variant === "cutoff" && model.cutoff
      ? t.cutoffTitle(model.cutoff.title)
      : o.variant === "draft"
        ? t.draftTitle(day)
        : t.title(day);
  const since = model.since ? formatInstant(model.since, o.zone, o.locale) : null;
  const context = [
    o.id !== undefined ? t.digestId(o.id) : null,
    t.period(since),
    model.previous
      ? t.previous(model.previous.id, formatInstant(model.previous.builtAt, o.zone, o.locale))
      : null,
  ].filter((x): x is string => x !== null);
  return {
    title,
    headline: headline(model, o),
    context: context.join(" · "),
    slackNote: t.inThread,
    sections: [
      changes(model, o, since),
      institutions(model, o),
      overdue(model, o),
      upcoming(model, o),
    ],
    latestMarks: Object.fromEntries(
      model.tasks.flatMap((task) => {
        const latest = task.latest;
        if (!latest?.edited && !latest?.forCutoff) return [];
        const edited = latest.edited
          ? t.edited(formatInstant(latest.edited, o.zone, o.locale))
          : "";
        return [[task.number, edited + forCutoff(latest.forCutoff, o)]];
      }),
    ),
  };
}

function short(text: string): string {
  return escapeMrkdwn(truncateText(text.replace(/\s+/g, " "), TITLE_MAX));
}

/**
 * The headline: the programme's size as `/task help` says it ("*26* uzdevumi un *9*
 * apakšuzdevumi", `programmeSize` of `model.tasks`, which every digest holds whole), tasks by status (and how they moved), the cut-off, the figures, the next
 * session. Headings (`model.headings`, 10, 10.1, 13) are counted apart after the statuses
 * ("📂 Virsraksti ar apakšuzdevumiem *3*"), as `/task`'s count line; a digest stored before
 * they were (no `headings`) reads as it did, with them under "none".
 */
function headline(model: DigestModel, o: DocOptions): string[] {
  const t = digestText(o.locale);
  const headings = model.headings ?? 0;
  const size = programmeSize(model.tasks);
  const counts = [
    ...STATUS_KEYS.filter((k) => model.counts[k] > 0 || (model.moved?.[k] ?? 0) !== 0).map(
      (k) =>
        `${statusLabel(k === "none" ? null : k, o.locale)} *${model.counts[k]}*${t.moved(model.moved?.[k] ?? 0)}`,
    ),
    ...(headings > 0 ? [`${HEADING_MARK} ${taskRollupText(o.locale).headings} *${headings}*`] : []),
  ].join(" · ");
  const lines = [`${t.tasks(size.tasks, size.subtasks)}: ${counts}`];
  if (model.cutoff) {
    const all = model.institutions.length;
    const done = all - missingInstitutions(model).length;
    const at = formatInstant(model.cutoff.at, o.zone, o.locale);
    lines.push(t.cutoffLine(escapeMrkdwn(model.cutoff.title), at, done, all, model.cutoff.id));
  } else lines.push(t.noCutoff);
  lines.push(
    t.figures(model.overdue.length, model.replies.length, model.statusChanges.length) +
      t.figuresChanged(model.editedReplies?.length ?? 0, model.withdrawn?.length ?? 0),
  );
  lines.push(sessionLine(model, o));
  return lines;
}

function sessionLine(model: DigestModel, o: DocOptions): string {
  const t = digestText(o.locale);
  const s = model.nextSession;
  return s
    ? t.nextSession(formatInstant(s.at, o.zone, o.locale), escapeMrkdwn(s.title))
    : t.noSession;
}

function statusName(status: string | null, locale: Locale): string {
  const key = (STATUS_KEYS as readonly string[]).includes(status ?? "none") ? status : null;
  return statusLabel(key === "none" ? null : (key as Exclude<StatusKey, "none"> | null), locale);
}

/**
 * A side of a status change: its status, or for null (none of its own) "⚪ bez sava statusa", as
 * `/task N history` words it. A text an older stored digest holds that is no status reads as null.
 */
function changedStatus(status: string | null, locale: Locale): string {
  const known = statusOrNull(status);
  return known
    ? statusLabel(known, locale)
    : `${STATUS_MARK.none} ${digestText(locale).noOwnStatus}`;
}

function changes(model: DigestModel, o: DocOptions, since: string | null): DocSection {
  const t = digestText(o.locale);
  const statusLines = model.statusChanges.map((c) =>
    t.statusChange(
      c.number,
      short(c.title),
      changedStatus(c.before, o.locale),
      changedStatus(c.after, o.locale),
    ),
  );
  const replyLines = model.replies.map((r) => replyLine(r, o));
  const edited = (model.editedReplies ?? []).map((r) => replyLine(r, o));
  const withdrawn = (model.withdrawn ?? []).map(
    (w) =>
      t.withdrawnLine(
        w.number ?? t.unassigned,
        w.institution,
        formatInstant(w.at, o.zone, o.locale),
      ) +
      (w.removedCutoff ? t.inRemovedCutoff(escapeMrkdwn(w.removedCutoff)) : "") +
      forCutoff(w.forCutoff, o),
  );
  return {
    heading: t.changesHeading(since),
    paragraphs: [
      [t.statusChanges, ...(statusLines.length > 0 ? statusLines : [t.noStatusChanges])].join("\n"),
      replyLines.length > 0
        ? [t.repliesHeading(replyLines.length), ...replyLines].join("\n")
        : t.noReplies,
      // Only when there are any: the first digest, or one with nothing changed, stays short.
      ...(edited.length > 0 ? [[t.editedHeading(edited.length), ...edited].join("\n")] : []),
      ...(withdrawn.length > 0
        ? [[t.withdrawnHeading(withdrawn.length), ...withdrawn].join("\n")]
        : []),
    ],
  };
}

function institutionLine(i: InstitutionStanding, o: DocOptions): string {
  const t = digestText(o.locale);
  // Only a verified reply is an answer; an unverified one is named apart.
  const parts = [t.institutionLine(i.code, i.replied.length, i.tasks.length)];
  if (i.missing.length > 0) parts.push(t.missing(i.missing.join(", ")));
  if (i.unverified.length > 0) parts.push(t.unverifiedOnly(i.unverified.join(", ")));
  const r = i.rate;
  const noChannel = r?.noChannel === true;
  // By why, when the digest kept it (older ones: one clause by `noChannel`, as they read).
  const groups = r ? unratedGroups(r, t) : null;
  // An institution never reminded is not rated (not 0 %); cut-offs it was not reminded for are
  // named after its rate, never counted in it.
  if (r && r.asked > 0) {
    const left = groups
      ? groups.map((g) => t.unratedFor(g.cutoffs, g.why)).join("; ")
      : t.unrated(r.unreminded ?? 0, noChannel);
    parts.push(
      t.rate(Math.round((100 * r.answered) / r.asked), r.answered, r.asked, r.cutoffs, r.late) +
        (r.unreminded ? `; ${left}` : ""),
    );
  } else if (r?.unreminded) {
    if (!groups) parts.push(t.notRated(noChannel));
    else
      parts.push(
        groups.length === 1 ? t.notRatedFor(groups[0]?.why ?? "") : t.notRatedMixed(groups),
      );
  } else parts.push(t.noRate);
  return `• ${parts.join(" · ")}`;
}

/** The left-out cut-offs of `r` by why, worded; null in a digest stored before they were kept. */
function unratedGroups(
  r: ResponseRate,
  t: ReturnType<typeof digestText>,
): Array<{ cutoffs: number; why: string }> | null {
  const by = r.unremindedBy;
  if (!by) return null;
  return UNRATED_WHY.filter((why) => (by[why] ?? 0) > 0).map((why) => ({
    cutoffs: by[why] ?? 0,
    why: t.unratedWhy(why, r.undeliveredReminders ?? by.undelivered),
  }));
}

/** "IEM (5, 14; nepārbaudīta atbilde: 5)": the tasks not answered, those replied unverified named. */
function notAnsweredEntry(
  i: Pick<InstitutionStanding, "code" | "tasks" | "replied" | "unverified">,
  t: ReturnType<typeof digestText>,
): string {
  const numbers = unansweredTasks(i).join(", ");
  const note = i.unverified.length > 0 ? `; ${t.unverifiedReplies(i.unverified)}` : "";
  return `${i.code} (${numbers}${note})`;
}

function institutions(model: DigestModel, o: DocOptions): DocSection {
  const t = digestText(o.locale);
  const missing = missingInstitutions(model);
  const cutoff = model.cutoff
    ? `${escapeMrkdwn(model.cutoff.title)} (#${model.cutoff.id}, ${formatInstant(model.cutoff.at, o.zone, o.locale)})`
    : null;
  const summary =
    missing.length > 0
      ? t.notAnswered(
          missing.map((i) => notAnsweredEntry(i, t)).join("; "),
          model.cutoff?.id ?? null,
        )
      : t.allAnswered;
  const lines = model.institutions.map((i) => institutionLine(i, o));
  // Replies to the other live cut-offs: named with theirs, so "not answered for #2" and a reply
  // to #1 listed above never read as a contradiction.
  const otherCutoffs = model.otherCutoffs ?? [];
  const hinted = historyTasksOnce(otherCutoffs);
  const others = otherCutoffs.map((c, k) =>
    t.otherCutoff(
      c.id,
      escapeMrkdwn(c.title),
      formatInstantDay(c.at, o.zone, o.locale),
      c.institutions.flatMap((i) => lateEntries(i, t.late, t.supplemented)),
      hinted[k] ?? [],
    ),
  );
  // Who still owes a cut-off that has passed besides the digest's (absent in older digests).
  const passed = (model.passedNotAnswered ?? []).map((c) =>
    t.notAnsweredPassed(
      c.institutions
        .map((i) => notAnsweredEntry({ ...i, tasks: i.unanswered, replied: [] }, t))
        .join("; "),
      c.id,
      formatInstantDay(c.at, o.zone, o.locale),
    ),
  );
  return {
    heading: t.institutionsHeading(cutoff),
    paragraphs: [
      ...(model.institutions.length === 0 ? [t.noInstitutions] : [summary, lines.join("\n")]),
      ...passed,
      ...others,
    ],
  };
}

function overdue(model: DigestModel, o: DocOptions): DocSection {
  const t = digestText(o.locale);
  const lines = model.overdue.map((x) =>
    t.overdueLine(
      x.number,
      short(x.title),
      formatDay(x.due, o.locale),
      x.institutions.join(", "),
      statusName(x.status, o.locale),
    ),
  );
  return {
    heading: t.overdueHeading(model.overdue.length),
    paragraphs: [lines.length > 0 ? lines.join("\n") : t.noOverdue],
  };
}

function upcomingLine(item: UpcomingItem, o: DocOptions): string {
  const t = digestText(o.locale);
  const when = (iso: string) => formatInstant(iso, o.zone, o.locale);
  switch (item.kind) {
    case "deadline":
      return t.upDeadline(formatDay(item.date, o.locale), item.number, short(item.title));
    case "cutoff":
      return t.upCutoff(when(item.at), escapeMrkdwn(item.title));
    case "reminder":
      return t.upReminder(
        when(item.at),
        escapeMrkdwn(item.cutoffTitle),
        item.institutions.join(", "),
      );
    case "session":
      return t.upSession(formatInstant(item.at, o.zone, o.locale), escapeMrkdwn(item.title));
  }
}

function upcoming(model: DigestModel, o: DocOptions): DocSection {
  const t = digestText(o.locale);
  const lines = model.upcoming.map((item) => upcomingLine(item, o));
  const noChannel = model.upcomingNoChannel ?? [];
  const unreachable = model.upcomingUnreachable ?? [];
  // Absent in digests stored before it was kept: nothing to say then.
  const answered = (model.upcomingAnswered ?? []).map((a) =>
    t.upAnswered(escapeMrkdwn(a.cutoffTitle), a.institutions),
  );
  const apart = [
    // Their reminders are not sent: named apart, never among those reminded.
    ...(noChannel.length > 0 ? [t.upNoChannel(noChannel)] : []),
    // Reminded no more for that cut-off (the sender's "all_answered"): named apart likewise.
    ...answered,
    // Their channel is known unreachable: the reminders would fail, named apart as well.
    ...(unreachable.length > 0 ? [t.upUnreachable(unreachable, model.upcomingUnreachableWhy)] : []),
  ];
  // "Nothing planned" only when nothing at all is listed: not above a warning about a cut-off's
  // reminders (a fresh user's finding).
  const listed = lines.length > 0 ? [lines.join("\n")] : apart.length > 0 ? [] : [t.noUpcoming];
  return {
    heading: t.upcomingHeading(UPCOMING_DAYS),
    // Not the next session again: the headline ends with it ("no session planned" read twice).
    paragraphs: [...listed, ...apart],
  };
}
