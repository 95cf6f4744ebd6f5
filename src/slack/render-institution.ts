/**
 * Block Kit for `/institution`: the usage with every institution's mapping state, and one
 * institution's mapping. Pure; within Slack's limits (≤ 50 blocks, sections ≤ 3,000, fields
 * ≤ 2,000, header ≤ 150). Source: https://api.slack.com/reference/block-kit/blocks
 */
import type { KnownBlock } from "@slack/types";
import type { InstitutionMapping } from "../../db/contacts.ts";
import type { Locale } from "../config.ts";
import type { UnreachableWhy } from "../i18n/cutoff-reach.ts";
import { institutionText } from "../i18n/institution.ts";
import { MESSAGE_BLOCKS_MAX, SECTION_FIELD_TEXT_MAX } from "./block-limits.ts";
import { escapeMrkdwn, truncateText } from "./fit.ts";
import { contextLine, formatDay, header, packParagraphs, section } from "./render-admin.ts";

/** Characters of an institution's name in a list line. */
const LIST_NAME_MAX = 80;

/** A contact as a mention, with "away until …" while `awayUntil` is today (`today`, ISO date) or later. */
export function contactLabel(
  contact: { userId: string; awayUntil: string | null },
  today: string,
  locale: Locale,
): string {
  const away = contact.awayUntil !== null && contact.awayUntil >= today;
  const mark = away
    ? ` _(${institutionText(locale).awayUntil(formatDay(contact.awayUntil ?? "", locale))})_`
    : "";
  return `<@${contact.userId}>${mark}`;
}

/**
 * What the overview says is wrong with a mapped institution's present channel: Slack last said
 * the app cannot post there (`channel_checks`: `unreachable`), or the last reminder tried there
 * could not be sent (`failed`: the reminders table's `detail`, e.g. "not_in_channel"), or it
 * could not be sent for its channel and the channel has been fixed or changed since (`fixed`:
 * that `detail`; the line keeps ✅ and says so, as the Home does).
 */
export type ListProblem = { unreachable: UnreachableWhy } | { failed: string } | { fixed: string };

/**
 * `/institution`, `/institution help` and `/institution list`: the title and usage (unless
 * `withUsage` is false: `/institution list`, only the list), then the list's heading and one line
 * per institution — ✅ with its channel when mapped (saying so when its last reminder failed for a
 * channel fixed or changed since), ⚠️ with its channel and the short reason
 * when `problems` (institution ID → {@link ListProblem}) has one, ⚪ "not mapped" otherwise —
 * packed into sections.
 */
export function renderInstitutionHelp(
  mappings: readonly InstitutionMapping[],
  locale: Locale,
  problems: ReadonlyMap<number, ListProblem> = new Map(),
  withUsage = true,
): KnownBlock[] {
  const t = institutionText(locale);
  const mapped = mappings.filter((m) => m.channelId !== null).length;
  const lines = mappings.map((m) => {
    const name = escapeMrkdwn(truncateText(m.name, LIST_NAME_MAX));
    const code = escapeMrkdwn(m.code);
    if (!m.channelId) return `⚪ *${code}* ${name} – _${t.unmappedMark}_`;
    const problem = problems.get(m.institutionId);
    if (problem === undefined) return `✅ *${code}* ${name} → <#${m.channelId}>`;
    if ("fixed" in problem)
      return `✅ *${code}* ${name} → <#${m.channelId}> – _${t.listFixedMark(problem.fixed)}_`;
    const mark =
      "unreachable" in problem
        ? t.listUnreachableMark(problem.unreachable)
        : t.listProblemMark(problem.failed);
    return `⚠️ *${code}* ${name} → <#${m.channelId}> – _${mark}_`;
  });
  const usage: KnownBlock[] = [header(t.title), section(t.usage), { type: "divider" }];
  const head: KnownBlock[] = [
    ...(withUsage ? usage : []),
    section(t.listHeading(mapped, mappings.length)),
  ];
  // One list: its lines packed one under another (no blank line where a section would end).
  return [...head, ...packParagraphs(lines, MESSAGE_BLOCKS_MAX - head.length, t.more, "\n")];
}

/**
 * `/institution IEM`: header (code – name), then fields: channel (or a "not mapped" warning),
 * contacts with their away dates, other spellings; `problem` (mrkdwn: the channel known
 * unreachable since when, the last reminder that could not be delivered, and what to do) when
 * there is one; and how to change it, "secretary
 * only" unless `secretaryOnly` is false (the CLI, whose operator may).
 */
export function renderMapping(
  mapping: InstitutionMapping,
  aliases: readonly string[],
  today: string,
  locale: Locale,
  problem?: string | null,
  secretaryOnly = true,
): KnownBlock[] {
  const t = institutionText(locale);
  const contacts =
    mapping.contacts.length > 0
      ? mapping.contacts.map((c) => contactLabel(c, today, locale)).join("\n")
      : t.noContacts;
  const field = (label: string, value: string) => ({
    type: "mrkdwn" as const,
    text: truncateText(`*${label}*\n${value}`, SECTION_FIELD_TEXT_MAX),
  });
  const fields = [
    field(t.channel, mapping.channelId ? `<#${mapping.channelId}>` : t.noChannel),
    field(t.contacts, contacts),
  ];
  if (aliases.length > 0) fields.push(field(t.aliases, escapeMrkdwn(aliases.join(", "))));
  return [
    header(`${mapping.code} – ${mapping.name}`),
    { type: "section", fields },
    ...(problem ? [section(problem)] : []),
    contextLine(t.changeHint(escapeMrkdwn(mapping.code), secretaryOnly)),
  ];
}
