/**
 * `/task N history` as Block Kit: a header, the page line, the page's entries (split into
 * sections of ≤ 3,000 characters at line boundaries) and buttons for newer and older pages
 * ({@link ActionId.taskHistoryPage}, value "<number>:<page>"). Pure.
 */
import type { KnownBlock } from "@slack/types";
import type { Locale } from "../config.ts";
import { describeChanges } from "../history/changes.ts";
import type { TextChange } from "../history/text-change.ts";
import type { TimelineEntry } from "../history/timeline.ts";
import { historyText, type MovedHereText } from "../i18n/history.ts";
import { replyText, type StatusClaim } from "../i18n/reply.ts";
import { SECTION_TEXT_MAX } from "./block-limits.ts";
import { escapeMrkdwn, splitText } from "./fit.ts";
import { formatInstantDay, STATUS_MARK, statusLabel } from "./format.ts";
import { ActionId } from "./ids.ts";
import { slackDisplayText } from "./message-text.ts";
import { contextLine, formatInstant, header } from "./render-admin.ts";

/** Entries per page: ten lines of at most ~400 characters stay well within one message. */
export const HISTORY_PAGE_SIZE = 10;

type Status = Parameters<typeof statusLabel>[0];

const KNOWN_STATUSES = ["done", "partial", "not_done", "ongoing"];

function statusOf(value: string | null, locale: Locale): string {
  return statusLabel(KNOWN_STATUSES.includes(value ?? "") ? (value as Status) : null, locale);
}

/**
 * A side of a status change: a status, or none of its own ("⚪ bez sava statusa"; a heading's
 * then rolled up from its sub-tasks), not the annex's "no result indicator" an import names.
 */
function changedStatus(value: string | null, locale: Locale): string {
  if (KNOWN_STATUSES.includes(value ?? "")) return statusOf(value, locale);
  return `${STATUS_MARK.none} ${historyText(locale).noStatus}`;
}

/**
 * Who made a change, as a person reads it: a Slack user as a mention; an import's internal actor
 * ("import:seed", "import:cli", "import:<file>") as the bundled report, an import, or an import
 * from the named file; anything else ("cli") as stored. Mrkdwn-escaped.
 */
export function actorLabel(actor: string, locale: Locale): string {
  if (/^[UW][A-Z0-9]+$/.test(actor)) return `<@${actor}>`;
  if (!actor.startsWith("import:")) return escapeMrkdwn(actor);
  const t = historyText(locale).importActor;
  const source = actor.slice("import:".length);
  if (source === "seed") return t.seed;
  if (source === "" || source === "cli") return t.other;
  return t.file(escapeMrkdwn(source));
}

/** One entry as a mrkdwn line, starting with its date and time in `zone`. */
export function historyLine(e: TimelineEntry, locale: Locale, zone: string): string {
  const t = historyText(locale);
  const when = `*${formatInstant(e.at, zone, locale)}*`;
  const actor = (a: string) => actorLabel(a, locale);
  const link = (url: string | null) => (url ? ` <${url}|${t.open}>` : "");
  switch (e.kind) {
    case "imported":
      return `${when} ${t.imported(statusOf(e.status, locale), actor(e.actor))}`;
    case "status":
      return `${when} ${t.status(changedStatus(e.before, locale), changedStatus(e.after, locale), actor(e.actor))}`;
    case "change":
      return `${when} ${t.change(describeChanges(e.changes, locale, zone), actor(e.actor))}`;
    case "reminder": {
      const removed = e.cutoffRemovedAt
        ? t.cutoffRemoved(formatInstantDay(e.cutoffRemovedAt, zone, locale))
        : "";
      const cutoff = t.cutoffNamed(e.cutoffId, escapeMrkdwn(e.cutoffTitle));
      return `${when} ${t.reminder(e.institution, cutoff, e.overdue)}${removed}${link(e.link)}`;
    }
    case "replyEdit": {
      const change = e.change ? editChange(e.change, locale) : "";
      return `${when} ${t.replyEdited(e.institution, e.userId, t.cutoffRef(e.cutoffId), e.link ?? "")}${change}`;
    }
    case "replyMoved":
      return `${when} ${movedText(e, locale, zone)}`;
    case "replyDeleted": {
      const received = formatInstantDay(e.receivedAt, zone, locale);
      return `${when} ${t.replyDeleted(e.institution, e.userId, t.cutoffRef(e.cutoffId), received)}`;
    }
    case "reply": {
      const cutoff = t.cutoffRef(e.cutoffId);
      const late = e.supplement ? t.supplemented : e.late ? t.late : "";
      if (e.withdrawn) return `${when} ${t.replyWithdrawn(e.institution, e.userId, cutoff)}${late}`;
      const claims = replyText(locale).statusClaim;
      const text = slackDisplayText(e.excerpt);
      let line = `${when} ${t.reply(e.institution, e.userId, cutoff, text, e.link ?? "")}`;
      if (e.claim && e.claim in claims) line += t.claim(claims[e.claim as StatusClaim]);
      if (!e.verified) line += t.unverified;
      return line + late;
    }
  }
}

/**
 * An edit's before and after as mrkdwn (": „…” → „…”"), Slack's codes kept as links; an edit of
 * only whitespace says so (": labotas tikai atstarpes"), as its sides would read the same.
 */
function editChange(change: TextChange, locale: Locale): string {
  if (change.whitespaceOnly) return historyText(locale).editWhitespace;
  return historyText(locale).editChange(
    slackDisplayText(change.before),
    slackDisplayText(change.after),
  );
}

/** A reply moved to or away from the task, as a line without its date and link. */
function movedText(
  e: Extract<TimelineEntry, { kind: "replyMoved" }>,
  locale: Locale,
  zone: string,
): string {
  const t = historyText(locale);
  // The author moving their own reply (by editing it) is named once, as its author.
  const mover = e.actor === e.userId ? null : actorLabel(e.actor, locale);
  const cutoff = t.cutoffRef(e.cutoffId);
  const received = formatInstantDay(e.receivedAt, zone, locale);
  const link = e.link ?? "";
  if (e.here) {
    const from = e.from && escapeMrkdwn(e.from);
    let text: MovedHereText = null;
    if (e.withdrawn) text = "withdrawn";
    else if (e.change) text = { change: editChange(e.change, locale) };
    else if (e.excerpt !== null) text = { excerpt: slackDisplayText(e.excerpt) };
    return t.replyMovedHere(
      e.institution,
      e.userId,
      cutoff,
      received,
      from,
      text,
      mover,
      link,
      e.late,
    );
  }
  const excerpt = e.excerpt === null || e.withdrawn ? null : slackDisplayText(e.excerpt);
  return t.replyMovedAway(
    e.institution,
    e.userId,
    cutoff,
    received,
    e.to === null ? null : escapeMrkdwn(e.to),
    excerpt,
    mover,
    link,
    e.late,
  );
}

/** The number of pages for `total` entries (at least 1). */
export function historyPages(total: number): number {
  return Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
}

/**
 * Page `page` (1 = newest) of a task's timeline; `page` is clamped to the pages there are, and
 * a page past the last shows the last one with a note saying there is no such page.
 */
export function renderHistory(
  number: string,
  entries: readonly TimelineEntry[],
  page: number,
  locale: Locale,
  zone: string,
): KnownBlock[] {
  const t = historyText(locale);
  const pages = historyPages(entries.length);
  const current = Math.min(Math.max(1, page), pages);
  const slice = entries.slice((current - 1) * HISTORY_PAGE_SIZE, current * HISTORY_PAGE_SIZE);
  const lines = slice.map((e) => historyLine(e, locale, zone));
  const blocks: KnownBlock[] = [
    header(t.title(number)),
    contextLine(t.page(current, pages, entries.length)),
  ];
  if (page > pages) blocks.push(contextLine(t.noSuchPage(page, pages)));
  const text = lines.length > 0 ? lines.join("\n") : t.empty;
  for (const piece of splitText(text, SECTION_TEXT_MAX))
    blocks.push({ type: "section", text: { type: "mrkdwn", text: piece } });
  const buttons = [];
  if (current > 1) buttons.push(pageButton(t.newer, number, current - 1, "newer"));
  if (current < pages) buttons.push(pageButton(t.older, number, current + 1, "older"));
  if (buttons.length > 0) blocks.push({ type: "actions", elements: buttons });
  return blocks;
}

function pageButton(label: string, number: string, page: number, which: string) {
  return {
    type: "button" as const,
    action_id: `${ActionId.taskHistoryPage}_${which}`,
    text: { type: "plain_text" as const, text: label },
    value: `${number}:${page}`,
  };
}

/** Reads a page button's value "<number>:<page>"; undefined when it is not one. */
export function parseHistoryValue(value: string): { number: string; page: number } | undefined {
  const m = /^(\d{1,4}(?:\.\d{1,4}){0,3}):(\d{1,4})$/.exec(value);
  return m?.[1] && m[2] ? { number: m[1], page: Number(m[2]) } : undefined;
}
