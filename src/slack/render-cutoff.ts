/**
 * Block Kit for `/cutoff`: the list (with usage for help) and the reminder plan. Pure; within
 * Slack's limits (≤ 50 blocks, sections ≤ 3,000, header ≤ 150): what does not fit is named
 * in a last line, never dropped silently. Source: https://api.slack.com/reference/block-kit/blocks
 * The data shapes (read by `commands/cutoff-model.ts`, printed as JSON by the CLI) are here too.
 */
import type { KnownBlock } from "@slack/types";
import { Duration } from "luxon";
import type { InstitutionMapping } from "../../db/contacts.ts";
import type { ReminderState } from "../../db/reminders.ts";
import type { Locale } from "../config.ts";
import { BY_HAND_KIND, OVERDUE_KIND } from "../domain/reminder-plan.ts";
import { cutoffText } from "../i18n/cutoff.ts";
import { cutoffReachText, type UnreachableWhy } from "../i18n/cutoff-reach.ts";
import { DURATION_UNITS, durationText } from "../i18n/duration.ts";
import { hasChannel } from "../reminders/reminded.ts";
import { MESSAGE_BLOCKS_MAX } from "./block-limits.ts";
import { escapeMrkdwn, truncateText } from "./fit.ts";
import { formatInstantDay } from "./format.ts";
import { contextLine, formatInstant, header, packParagraphs, section } from "./render-admin.ts";
import { contactLabel } from "./render-institution.ts";

/** One cut-off in `/cutoff list`. `taskNumbers` null = the default scope. */
export interface CutoffSummary {
  id: number;
  at: string;
  title: string;
  taskNumbers: string[] | null;
  /** Tasks in scope, and institutions reporting on them. */
  tasks: number;
  institutions: number;
  /** Reminder rows in the store for the cut-off's present time (all states; not those of an earlier time). */
  reminders: number;
  /** The earliest reminder still to be sent (planned or being sent), or null. */
  nextReminder: string | null;
  /** True when the cut-off instant is before now. */
  passed: boolean;
  /**
   * Of `institutions`, those with no Slack channel mapped: their reminders are planned but never
   * posted (the sender fails them "no_mapping"), so the list counts them apart. Absent: 0.
   */
  unmapped?: number;
  /**
   * True when every institution of the scope has an active reply to each of its tasks in it
   * (src/reminders/reminded.ts `nothingLeftToAsk`): the list says so instead of a next reminder.
   * Absent: false.
   */
  allAnswered?: boolean;
}

/** A removed cut-off in `/cutoff list`'s last line; `removedAt` is when (UTC ISO). */
export interface RemovedCutoff {
  id: number;
  at: string;
  title: string;
  removedAt: string;
}

/** One reminder in the plan; `detail` says why one was skipped or failed. */
export interface PlanReminder {
  kind: string;
  at: string;
  state: ReminderState;
  detail: string | null;
  sentAt: string | null;
  /**
   * Set on a row planned for the cut-off's earlier time (it moved since): history, not part
   * of the present plan. UTC ISO.
   */
  previousCutoffAt?: string;
}

/** One institution in the plan: its tasks in scope, where reminders go, and when. */
export interface PlanInstitution {
  code: string;
  name: string;
  /**
   * Null (or empty, `hasChannel`) = not mapped: nothing can be sent to it (the secretary is
   * told instead).
   */
  channelId: string | null;
  contacts: InstitutionMapping["contacts"];
  tasks: string[];
  reminders: PlanReminder[];
  /**
   * Set when Slack last said the app cannot post to `channelId` ("not_found", "not_member",
   * "archived"; `channel_checks`): its planned reminders will fail.
   */
  channelProblem?: UnreachableWhy;
  /**
   * True when it has answered every task in scope (`nothingLeftToAsk`, the sender's rule): its
   * planned reminders will be skipped ("all_answered"). Absent otherwise.
   */
  allAnswered?: boolean;
}

/** `/cutoff plan <id>`: the cut-off and, per institution (by code), what goes out when. */
export interface CutoffPlan {
  cutoff: CutoffSummary;
  institutions: PlanInstitution[];
  /** Codes of institutions in scope with no channel (`hasChannel`: null or empty). */
  unmapped: string[];
}

/** Language, zone and today's date (ISO, in the zone) for the answers. */
export interface CutoffRenderContext {
  locale: Locale;
  zone: string;
  today: string;
}

/** An instant in the answer's style: to the minute ({@link formatInstant}). */
function when(iso: string, ctx: CutoffRenderContext): string {
  return formatInstant(iso, ctx.zone, ctx.locale);
}

/** Characters of a title in a list line. */
const LIST_TITLE_MAX = 100;

function summaryLine(s: CutoffSummary, ctx: CutoffRenderContext): string {
  const t = cutoffText(ctx.locale);
  const unmapped = s.unmapped ? `, ${t.listUnmapped(s.unmapped)}` : "";
  const scope =
    t.scope(s.tasks, s.institutions) + unmapped + (s.taskNumbers ? ` (${t.narrowed})` : "");
  // A passed cut-off says so even when a reminder is still to go (the one after the cut-off);
  // when everyone has answered, that instead of a reminder no one will get.
  const next = s.allAnswered
    ? t.allAnswered
    : s.nextReminder
      ? t.next(when(s.nextReminder, ctx))
      : s.passed
        ? null
        : t.noNext;
  const state = [...(s.passed ? [t.passed] : []), ...(next ? [next] : [])].join(" · ");
  const title = escapeMrkdwn(truncateText(s.title, LIST_TITLE_MAX));
  return `*#${s.id}* ${when(s.at, ctx)} – ${title}\n${scope} · ${state}`;
}

/** Removed cut-offs named in `/cutoff list`'s last line; more are counted ("… un vēl 2."). */
const REMOVED_SHOWN = 5;

/**
 * `/cutoff list` (and, with `help`, the usage first): one paragraph per cut-off, earliest first,
 * its time and next reminder to the minute, "termiņš pagājis" / "cut-off passed" on one whose
 * time is behind us (before its reminder after the cut-off, if one is still to go); then, when any was removed, one short line naming
 * the latest {@link REMOVED_SHOWN} removed (`removed`, latest removal first) with their time and
 * the day each was removed.
 */
export function renderCutoffList(
  summaries: readonly CutoffSummary[],
  ctx: CutoffRenderContext,
  help: boolean,
  removed: readonly RemovedCutoff[] = [],
): KnownBlock[] {
  const t = cutoffText(ctx.locale);
  const head: KnownBlock[] = [header(t.title)];
  if (help) head.push(section(t.usage), { type: "divider" });
  const tail = removed.length > 0 ? [contextLine(removedLine(removed, ctx))] : [];
  // No list heading under the header: "Ziņošanas termiņi" is already its title.
  // With removed ones listed below, not "vēl nav" / "yet": there were some.
  if (summaries.length === 0)
    return [...head, section(tail.length > 0 ? t.noneLive : t.none), ...tail];
  const paragraphs = summaries.map((s) => summaryLine(s, ctx));
  const room = MESSAGE_BLOCKS_MAX - head.length - tail.length;
  return [...head, ...packParagraphs(paragraphs, room, t.more), ...tail];
}

/** "Noņemtie termiņi: #3 Pārbaude (pirmd. 01.02.2027. 12:00) – noņemts 30.11.2026. · …". */
function removedLine(removed: readonly RemovedCutoff[], ctx: CutoffRenderContext): string {
  const t = cutoffText(ctx.locale);
  const items = removed.slice(0, REMOVED_SHOWN).map((r) => {
    const title = escapeMrkdwn(truncateText(r.title, LIST_TITLE_MAX));
    const day = formatInstantDay(r.removedAt, ctx.zone, ctx.locale);
    return t.removedItem(r.id, title, when(r.at, ctx), day);
  });
  const left = removed.length - items.length;
  if (left > 0) items.push(t.more(left));
  return t.removedList(items.join(" · "));
}

/**
 * A reminder's kind in words: "14 dienas pirms termiņa" / "14 days before", "20 sekundes pirms
 * termiņa" / "20 seconds before", "1 stunda un 30 minūtes pirms termiņa", "pēc termiņa" /
 * "after the cut-off", "ar roku (remind --now)" / "by hand (remind --now)"; an unknown kind as it is.
 */
export function kindLabel(kind: string, locale: Locale): string {
  const t = cutoffText(locale);
  if (kind === OVERDUE_KIND) return t.overdue;
  if (kind.startsWith(BY_HAND_KIND)) return t.byHand;
  if (!kind.startsWith("before-")) return kind;
  return t.before(spanWords(kind.slice("before-".length), locale));
}

/**
 * An ISO 8601 duration in words, in the nominative a span before "pirms" wants: "P14D" → "14
 * dienas", "PT20S" → "20 sekundes", "PT90S" → "1 minūte un 30 sekundes" (luxon's toHuman gives
 * ICU's genitive, "20 sekunžu"); as given when invalid.
 */
function spanWords(iso: string, locale: Locale): string {
  const duration = Duration.fromISO(iso);
  if (!duration.isValid) return iso;
  const shifted = duration.shiftTo(...DURATION_UNITS);
  return durationText(locale).words(
    Object.fromEntries(DURATION_UNITS.map((unit) => [unit, shifted.get(unit)])),
  );
}

/**
 * A reminder's state in words, with the reason of a skipped or failed one. `mapped` false: the
 * institution has no Slack channel, so a planned reminder reads "netiks nosūtīts – nav kanāla" /
 * "will not be sent – no channel" (the sender fails it as "no_mapping" unless a channel is set
 * before its time); `reachable` false: Slack last said the app cannot post to its channel, so
 * a planned one reads "neizdosies – kanāls nav sasniedzams" / "will fail – channel unreachable";
 * `answered` true (every task answered, checked by the sender before the channel is tried):
 * "netiks nosūtīts – viss atbildēts" / "will not be sent – all answered".
 */
export function stateLabel(
  r: PlanReminder,
  ctx: CutoffRenderContext,
  mapped = true,
  reachable = true,
  answered = false,
): string {
  const t = cutoffText(ctx.locale);
  switch (r.state) {
    case "planned":
      if (!mapped) return t.plannedNoChannel;
      if (answered) return cutoffReachText(ctx.locale).plannedAllAnswered;
      return reachable ? t.planned : cutoffReachText(ctx.locale).plannedUnreachable;
    case "sending":
      return t.sending;
    case "sent":
      return t.sent(r.sentAt ? when(r.sentAt, ctx) : "");
    case "skipped":
      return t.skipped(r.detail ?? "");
    case "failed":
      return t.failed(r.detail ?? "");
  }
}

function institutionParagraph(i: PlanInstitution, ctx: CutoffRenderContext): string {
  const t = cutoffText(ctx.locale);
  const code = escapeMrkdwn(i.code);
  const lines = [`*${code}* – ${escapeMrkdwn(i.name)}`];
  if (i.tasks.length > 0) lines.push(t.tasks(i.tasks.join(", ")));
  if (!hasChannel(i)) lines.push(t.notMapped(code));
  else {
    const contacts = i.contacts.map((c) => contactLabel(c, ctx.today, ctx.locale)).join(", ");
    lines.push(t.channel(`<#${i.channelId}>`, contacts || t.noContacts));
    if (i.channelProblem)
      lines.push(cutoffReachText(ctx.locale).channelUnreachable(i.channelProblem));
  }
  if (i.reminders.length === 0) lines.push(`• ${t.noReminders}`);
  for (const r of i.reminders) {
    const earlier = r.previousCutoffAt
      ? ` (${t.earlierCutoff(when(r.previousCutoffAt, ctx))})`
      : "";
    lines.push(
      `• ${when(r.at, ctx)} – ${kindLabel(r.kind, ctx.locale)} – ${stateLabel(r, ctx, hasChannel(i), !i.channelProblem, i.allAnswered === true)}${earlier}`,
    );
  }
  return lines.join("\n");
}

/**
 * "⚠️ *TM*: kanāls <#C…> nav sasniedzams (…) – atgādinājumi neizdosies, …" for an institution
 * whose channel Slack last said the app cannot post to (`channelProblem` set); `count` as
 * {@link cutoffReachText}'s (`/cutoff add` and `move` count the reminders).
 */
export function unreachableLine(
  i: PlanInstitution,
  locale: Locale,
  count: { reminders: number; total: number } | null = null,
): string {
  const why = i.channelProblem ?? "not_found";
  return cutoffReachText(locale).unreachable(escapeMrkdwn(i.code), `<#${i.channelId}>`, why, count);
}

/**
 * `/cutoff plan <id>`: header, the cut-off's time ("pagājis" / "passed" once it is behind us),
 * scope and reminder count (the skipped ones, and those planned for institutions that answered
 * everything, apart), a warning naming
 * the institutions NOT MAPPED and one per institution whose channel cannot be reached (of a
 * passed cut-off, only one with a reminder still to go), then per institution its tasks in scope, channel and contacts
 * (with away dates) and each reminder's time (in the zone), offset and state; `note` last;
 * `lead` (mrkdwn) right under the header (why this cut-off, when `/cutoff plan` named none).
 * Times are to the minute, "test mode" reminders seconds apart too ({@link formatInstant}).
 */
export function renderCutoffPlan(
  plan: CutoffPlan,
  ctx: CutoffRenderContext,
  note?: string,
  lead?: string,
): KnownBlock[] {
  const c = plan.cutoff;
  const t = cutoffText(ctx.locale);
  // Counted as the answer to `/cutoff add` counts them: those of the present time not skipped.
  const rows = plan.institutions.flatMap((i) => i.reminders);
  const skipped = rows.filter((r) => r.previousCutoffAt === undefined && r.state === "skipped");
  // Those the rows below label "netiks nosūtīts – viss atbildēts" (the sender will skip them):
  // apart, as `/cutoff move`'s answer says them, not among the reminders that go.
  const answered = plan.institutions
    .filter((i) => i.allAnswered === true && hasChannel(i))
    .flatMap((i) => i.reminders)
    .filter((r) => r.previousCutoffAt === undefined && r.state === "planned").length;
  // The earlier times' rows are listed too (history after a move): counted apart, so the
  // summary counts every row below it.
  const history = rows.filter((r) => r.previousCutoffAt !== undefined).length;
  const scope = t.scope(c.tasks, c.institutions) + (c.taskNumbers ? ` (${t.narrowed})` : "");
  const head: KnownBlock[] = [
    header(t.planTitle(c.id, c.title)),
    ...(lead ? [contextLine(lead)] : []),
    section(
      t.planSummary(
        when(c.at, ctx),
        scope,
        c.reminders - skipped.length - answered,
        skipped.length,
        c.passed,
        history,
        answered,
      ),
    ),
  ];
  if (plan.unmapped.length > 0)
    head.push(section(t.planUnmapped(plan.unmapped.map(escapeMrkdwn).join(", "), c.passed)));
  // "… atgādinājumi neizdosies" speaks of reminders to come: a passed cut-off's warning only
  // for an institution with one still to go (its failed rows below say what failed).
  const toGo = (i: PlanInstitution) =>
    i.reminders.some(
      (r) => r.previousCutoffAt === undefined && (r.state === "planned" || r.state === "sending"),
    );
  const unreachable = plan.institutions.filter(
    (i) => i.channelProblem && i.tasks.length > 0 && !i.allAnswered && (!c.passed || toGo(i)),
  );
  if (unreachable.length > 0)
    head.push(section(unreachable.map((i) => unreachableLine(i, ctx.locale)).join("\n")));
  const tail = note ? [contextLine(note)] : [];
  if (plan.institutions.length === 0) return [...head, section(t.planEmpty), ...tail];
  head.push({ type: "divider" });
  const paragraphs = plan.institutions.map((i) => institutionParagraph(i, ctx));
  const more = (left: number) => t.planMore(left, c.id);
  const room = MESSAGE_BLOCKS_MAX - head.length - tail.length;
  return [...head, ...packParagraphs(paragraphs, room, more), ...tail];
}
