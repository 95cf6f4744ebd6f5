/**
 * A reply's line in the digest: task, institution, author, date, excerpt, then its claim, its
 * "atvērt" / "open" link and its marks. The excerpt is cut so the whole line stays within
 * {@link REPLY_LINE_MAX} characters whatever the model holds (a digest stored with a longer
 * excerpt, a text whose characters Slack's escaping lengthens), so the link always ends the
 * line: the Slack thread's sections hold ≤ 3,000 characters (`SECTION_TEXT_MAX`, Block Kit) and
 * `splitText` cuts a long paragraph at a line break only when one falls in the last three
 * quarters of a section; a line ≤ REPLY_LINE_MAX always gives it one, so a reply line is never
 * cut and its link never lands in another section. The DOCX and Markdown render the same line.
 * Pure.
 */
import type { Locale } from "../config.ts";
import { digestText } from "../i18n/digest.ts";
import { replyText, type StatusClaim } from "../i18n/reply.ts";
import { SECTION_TEXT_MAX } from "../slack/block-limits.ts";
import { escapeMrkdwn } from "../slack/fit.ts";
import { formatInstantDay } from "../slack/format.ts";
import { excerptSlackText, slackDisplayText } from "../slack/message-text.ts";
import { formatInstant } from "../slack/render-admin.ts";
import type { CutoffRef, DigestReply } from "./model.ts";
import { storedLaterMark } from "./stored-later.ts";

/**
 * Characters (UTF-16 code units, as Slack counts) a reply's line may take: under three quarters
 * of a section (`SECTION_TEXT_MAX` 3,000 → 2,200), so `splitText` always finds a line break to
 * cut a long paragraph at (see the module comment).
 */
export const REPLY_LINE_MAX = Math.floor((SECTION_TEXT_MAX * 3) / 4) - 50;

/** The language and zone a line is written in. */
export interface LineOptions {
  locale: Locale;
  zone: string;
}

/** An excerpt as the thread shows it: as Slack sent it, entities kept, link targets shown. */
function shown(excerpt: string): string {
  return slackDisplayText(excerpt, { linkTargets: true });
}

/**
 * `excerpt` shown ({@link shown}) in at most `budget` characters: unchanged when it fits, else
 * cut as the digest cuts excerpts (`excerptSlackText`: never inside a code or entity, "…" at the
 * end), shorter until its shown form fits (escaping may lengthen it).
 */
function fittedExcerpt(excerpt: string, budget: number): string {
  const whole = shown(excerpt);
  if (whole.length <= budget) return whole;
  let max = Math.max(budget, 1);
  let text = shown(excerptSlackText(excerpt, max));
  while (text.length > budget && max > 1) {
    max = Math.max(1, Math.min(max - 1, Math.floor((max * budget) / text.length)));
    text = shown(excerptSlackText(excerpt, max));
  }
  return text;
}

/** A reply's line (see the module comment), ≤ {@link REPLY_LINE_MAX} characters with its link. */
export function replyLine(r: DigestReply, o: LineOptions): string {
  const t = digestText(o.locale);
  const claims = replyText(o.locale).statusClaim;
  const head = (excerpt: string) =>
    t.reply(
      r.number ?? t.unassigned,
      r.institution,
      r.userId,
      formatInstant(r.at, o.zone, o.locale),
      excerpt,
      r.movedFrom === undefined ? "" : t.movedFrom(r.movedFrom ?? t.unassigned),
    );
  let tail = "";
  if (r.claim && r.claim in claims) tail += t.claim(claims[r.claim as StatusClaim]);
  if (r.link) tail += ` <${r.link}|${t.open}>`;
  if (r.late) tail += r.supplement ? t.supplemented : t.late;
  if (r.edited) tail += t.edited(formatInstant(r.edited, o.zone, o.locale));
  if (r.storedAt) tail += storedLaterMark(r.at, r.storedAt, o.zone, o.locale);
  if (r.alsoNames?.length) tail += t.alsoNames(r.alsoNames);
  if (r.removedCutoff) tail += t.inRemovedCutoff(escapeMrkdwn(r.removedCutoff));
  tail += forCutoff(r.forCutoff, o);
  if (!r.verified) tail += t.unverified;
  const budget = REPLY_LINE_MAX - head("").length - tail.length;
  return head(fittedExcerpt(r.excerpt, budget)) + tail;
}

/** " _(uz ziņošanas termiņu #1 (01.12.2026.))_" for a reply's other cut-off; "" without one. */
export function forCutoff(ref: CutoffRef | undefined, o: LineOptions): string {
  return ref
    ? digestText(o.locale).forCutoff(ref.id, formatInstantDay(ref.at, o.zone, o.locale))
    : "";
}
