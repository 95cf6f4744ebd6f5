/**
 * What `/institution` says about delivery: the warnings after `/institution set` for what Slack
 * said about the channel and the contacts just named, and the last reminder that could not be
 * sent to an institution's present channel (in `/institution` help and `/institution <CODE>`),
 * with, in `/institution <CODE>`, the channel's stored unreachable state.
 */
import { recordChannelCheck, unreachableChannels, unreachableSince } from "../db/channel-checks.ts";
import { okCheckedAt } from "../db/channel-ok.ts";
import type { InstitutionMapping } from "../db/contacts.ts";
import { lastFailedDelivery } from "../db/reminders.ts";
import { institutionText } from "../src/i18n/institution.ts";
import { escapeMrkdwn } from "../src/slack/fit.ts";
import { formatInstant } from "../src/slack/render-admin.ts";
import { channelStateOfFailure, failureSince } from "../src/slack/render-home-delivery.ts";
import type { ListProblem } from "../src/slack/render-institution.ts";
import { type ChannelCheck, checkChannel } from "./institution-channel.ts";
import type { userProblems } from "./institution-user.ts";
import type { CommandContext, CommandDeps } from "./types.ts";

/**
 * The warnings for what Slack said about the contacts just named (one per person; one line for
 * any number unchecked), as {@link channelWarning} words the channel's.
 */
export function contactWarnings(
  problems: Awaited<ReturnType<typeof userProblems>>,
  t: ReturnType<typeof institutionText>,
): string[] {
  const lines: string[] = [];
  for (const { userId, check } of problems) {
    const who = `<@${userId}>`;
    if (check === "not_found") lines.push(t.contactNotFound(who));
    else if (check === "deactivated") lines.push(t.contactDeactivated(who));
    else if (check === "bot") lines.push(t.contactBot(who));
  }
  if (problems.some((p) => p.check === "unchecked")) lines.push(t.contactsUnchecked);
  return lines;
}

/** The warning for what Slack said about a newly mapped channel; null when all is well or unasked. */
export function channelWarning(
  check: ChannelCheck | null,
  channel: string,
  t: ReturnType<typeof institutionText>,
): string | null {
  switch (check) {
    case "not_found":
      return t.channelNotFound(channel);
    case "not_member":
      return t.channelNotMember(channel);
    case "archived":
      return t.channelArchived(channel);
    case "unchecked":
      return t.channelUnchecked(channel);
    default:
      return null;
  }
}

/**
 * Institution ID → what is wrong with its present channel, for the mapped institutions where
 * something is: the channel's stored unreachable state (`channel_checks`, one store read for all
 * channels), else why the latest reminder could not be sent (the reminders table's `detail`:
 * "not_in_channel", …) — `failed` while nothing newer is known of its channel, `fixed` when
 * that failure was about the channel and the channel has been fixed since (an "ok" check newer
 * than the reminder's time) or changed (another channel set, or one set after `no_mapping`), as
 * the Home words it ({@link failureSince}); without asking Slack now.
 */
export async function channelProblems(
  mappings: readonly InstitutionMapping[],
  deps: CommandDeps,
): Promise<Map<number, ListProblem>> {
  const problems = new Map<number, ListProblem>();
  const channels = mappings.flatMap((m) => (m.channelId ? [m.channelId] : []));
  const unreachable = await unreachableChannels(deps.db, channels);
  const ok = await okCheckedAt(deps.db, channels);
  for (const m of mappings) {
    if (!m.channelId) continue;
    const why = unreachable.get(m.channelId);
    if (why) {
      problems.set(m.institutionId, { unreachable: why });
      continue;
    }
    const failed = await lastFailedDelivery(deps.db, m.institutionId);
    if (!failed) continue;
    const detail = failed.detail ?? "";
    const okAt = ok.get(m.channelId);
    const changed =
      failed.channelId !== m.channelId || (okAt !== undefined && okAt > failed.scheduledAt);
    // Nothing newer known of the channel: it stands as the failure left it.
    const since = failureSince(detail, changed ? undefined : channelStateOfFailure(detail));
    if (since === "fixed" || since === "channel_set")
      problems.set(m.institutionId, { fixed: detail });
    else if (failed.channelId === m.channelId) problems.set(m.institutionId, { failed: detail });
  }
  return problems;
}

/**
 * What `/institution <CODE>` says about delivery to the institution's present channel, in words
 * with what to do: the channel's stored unreachable state (`channel_checks`: "⚠️ Kanāls … nav
 * sasniedzams (…) kopš …"), the last reminder that could not be sent there, and one fix. When
 * either is there, Slack is asked again (no client, the CLI: not asked): a channel the app can
 * post to now is recorded so (the stored warning goes; after a failed reminder the answer says
 * it works now); another cause is recorded and shown from now. Null when nothing is wrong.
 */
export async function deliveryProblem(
  mapping: InstitutionMapping,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<string | null> {
  const last = await lastFailedDelivery(deps.db, mapping.institutionId);
  // A failure to another channel (or before any channel) is not this mapping's problem.
  const failed = last && last.channelId === mapping.channelId ? last : null;
  const channel = mapping.channelId;
  let stored = channel ? await unreachableSince(deps.db, channel) : null;
  if (!failed && !stored) return null;
  const now = channel ? await checkChannel(deps.slack, channel) : null;
  const at = deps.clock.now().toUTC().toISO() ?? "";
  if (channel && now !== null && now !== "unchecked" && now !== stored?.state) {
    await recordChannelCheck(deps.db, channel, now, at);
    stored = now === "ok" ? null : { state: now, checkedAt: at };
  }
  const t = institutionText(ctx.locale);
  const code = escapeMrkdwn(mapping.code);
  const when = (iso: string) => formatInstant(iso, deps.config.timezone, ctx.locale);
  const lines: string[] = [];
  if (stored && channel)
    lines.push(t.unreachableSince(`<#${channel}>`, stored.state, when(stored.checkedAt)));
  if (failed) lines.push(t.lastProblem(when(failed.scheduledAt), failed.detail ?? ""));
  if (lines.length === 0) return null;
  if (now === "ok") lines.push(t.problemNowOk);
  else if (stored) lines.push(t.unreachableAdvice(code, stored.state));
  else lines.push(t.problemAdvice(code, failed?.detail ?? ""));
  return lines.join(" ");
}

/**
 * `/institution set`'s line about the institution's last reminder when it could not be sent for
 * its channel and Slack has just said (`check`, {@link checkChannel}) that the app can post in
 * the channel now set: it failed then (when, why) and the channel has been fixed or changed
 * since, or, failed for want of a channel, one is set now ({@link failureSince}, the Home's and
 * the list's rule). Null otherwise: no failed reminder, an error not about the channel, or the
 * channel not known to work now (its own warning says why).
 */
export async function failedBeforeSet(
  institutionId: number,
  check: ChannelCheck | null,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<string | null> {
  if (check !== "ok") return null;
  const failed = await lastFailedDelivery(deps.db, institutionId);
  if (!failed) return null;
  const detail = failed.detail ?? "";
  const since = failureSince(detail, undefined);
  if (since !== "fixed" && since !== "channel_set") return null;
  const when = formatInstant(failed.scheduledAt, deps.config.timezone, ctx.locale);
  return institutionText(ctx.locale).failedBeforeSet(when, detail);
}
