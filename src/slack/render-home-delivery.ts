/**
 * The App Home's line under a cut-off an institution still owes with no reminder thread to
 * answer in: why there is none — its reminder could not be posted (the latest failed one's
 * Slack error, `reminders.detail`), or none has gone out yet — said against what the store
 * knows of the institution's channel now (`HomeInstitution.channel`), so that neither a stale
 * reason ("kanāls nav iestatīts" after a channel was set) nor a known dead channel goes unsaid.
 * Pure; used by src/slack/render-home.ts ({@link failureSince}, the rule, also by
 * `/institution list`, commands/institution-warnings.ts).
 */
import type { Locale } from "../config.ts";
import type { HomeChannelProblem } from "../home/model.ts";
import { homeText } from "../i18n/home.ts";
import { channelProblemText } from "../i18n/reminder.ts";

/**
 * Slack's post errors a failed reminder keeps (`reminders.detail`; "no_mapping" is the sender's
 * own, src/reminders/failed.ts) that say something about the channel, as the channel's state
 * (`checkOfPostError` in db/channel-checks.ts records the same ones).
 */
const CHANNEL_STATE_OF: Readonly<Record<string, HomeChannelProblem>> = {
  no_mapping: "no_channel",
  channel_not_found: "not_found",
  not_in_channel: "not_member",
  is_archived: "archived",
};

/** Slack's post error for each channel state, to say it as `channelProblemText` says it. */
const SLACK_ERROR_OF = {
  not_found: "channel_not_found",
  not_member: "not_in_channel",
  archived: "is_archived",
} as const;

/**
 * Why a reminder could not be posted, in words: Slack's channel error as `channelProblemText`
 * says it, "no channel set" for `no_mapping` (src/reminders/failed.ts), else Slack's code.
 */
export function undeliveredReason(detail: string, locale: Locale): string {
  const t = homeText(locale);
  const known: Readonly<Record<string, string>> = channelProblemText(locale);
  if (Object.hasOwn(known, detail)) return known[detail] ?? detail;
  return detail === "no_mapping" ? t.undeliveredNoChannel : t.undeliveredOther(detail);
}

/** A channel state in words: "kanāls nav iestatīts", or why the app cannot post there. */
function channelReason(channel: HomeChannelProblem, locale: Locale): string {
  return channel === "no_channel"
    ? homeText(locale).undeliveredNoChannel
    : channelProblemText(locale)[SLACK_ERROR_OF[channel]];
}

/**
 * The line for cut-off `id` that institution `code` (mrkdwn-escaped) owes with no thread:
 * - `detail` (the latest failed reminder's Slack error; "" when none was kept) with `channel`
 *   (its state now, absent: set and not known unreachable) saying the same, or an error that is
 *   not about the channel: "⚠️ … nevarēja publicēt … (reason)" with the fix (`undelivered`);
 * - it failed for want of a channel and one is set now: `undeliveredChannelSet`; Slack refused
 *   the channel and it is not known unreachable now: `undeliveredChannelFixed`, "toreiz: …";
 *   the channel's state is another problem now: `undelivered` with "toreiz: …; tagad: …";
 * - no failed reminder (`detail` undefined), only when the Home offers its buttons (`buttons`):
 *   "💬 … vēl nav" (`noThread`), saying so when the channel is known unreachable already
 *   (`noThreadUnreachable`); none without buttons.
 * The fix (`channelFix`) is said to `secretary` (the Home's viewer is a secretary as well as a
 * contact) as theirs to make: "jūs varat iestatīt kanālu …", not "vērsieties pie sekretāra".
 * One line or none.
 */
export function noThreadLines(
  id: number,
  code: string,
  detail: string | undefined,
  channel: HomeChannelProblem | undefined,
  buttons: boolean,
  locale: Locale,
  secretary = false,
): string[] {
  const t = homeText(locale);
  const fixBy = (byMember: boolean) => t.channelFix(code, byMember, secretary);
  if (detail === undefined) {
    if (!buttons) return [];
    return [
      channel === undefined
        ? t.noThread(id)
        : t.noThreadUnreachable(
            id,
            code,
            channelReason(channel, locale),
            fixBy(channel !== "no_channel" && channel !== "archived"),
          ),
    ];
  }
  const reason = undeliveredReason(detail, locale);
  const since = failureSince(detail, channel);
  if (since === "channel_set") return [t.undeliveredChannelSet(id, code)];
  if (since === "fixed") return [t.undeliveredChannelFixed(id, code, reason)];
  if (since === "other" && channel !== undefined) {
    const fix = fixBy(channel !== "no_channel" && channel !== "archived");
    return [t.undelivered(id, code, t.thenNow(reason, channelReason(channel, locale)), fix)];
  }
  return [t.undelivered(id, code, reason, fixBy(!SECRETARY_ONLY.has(detail)))];
}

/**
 * Slack errors (and `no_mapping`) after which only the secretary can fix the channel: none is
 * set, or it is archived, so no member's `/invite` helps. Not `channel_not_found`: Slack answers
 * it for a private channel the app is not in too, which a member's `/invite` fixes, as
 * `/institution set` says (https://api.slack.com/methods/chat.postMessage#errors).
 */
const SECRETARY_ONLY = new Set(["no_mapping", "is_archived"]);

/**
 * How a failed reminder's Slack error `detail` (`reminders.detail`) stands against what is known
 * of the institution's channel now (`channel`: its problem, absent when a channel is set and not
 * known unreachable):
 * - "unchanged": the error is not about the channel (rate limit, …), or the channel is still in
 *   the state the error says;
 * - "channel_set": it failed for want of a channel (`no_mapping`) and one is set now;
 * - "fixed": Slack refused the channel then and it is not known unreachable now (fixed, or
 *   another channel set);
 * - "other": the channel has another problem now.
 * The one rule the Home's no-thread line and `/institution list` follow. Pure.
 */
export function failureSince(
  detail: string,
  channel: HomeChannelProblem | undefined,
): "unchanged" | "channel_set" | "fixed" | "other" {
  const then = channelStateOfFailure(detail);
  if (then === undefined || then === channel) return "unchanged";
  if (channel === undefined) return then === "no_channel" ? "channel_set" : "fixed";
  return "other";
}

/**
 * The channel's state a failed reminder's Slack error `detail` says ("not_in_channel" →
 * "not_member", `no_mapping` → "no_channel", …); undefined for an error not about the channel.
 */
export function channelStateOfFailure(detail: string): HomeChannelProblem | undefined {
  return Object.hasOwn(CHANNEL_STATE_OF, detail) ? CHANNEL_STATE_OF[detail] : undefined;
}
