/**
 * The app's own comings and goings in institutions' channels, kept as the channel's last known
 * reachability (`channel_checks`, db/channel-checks.ts), so the Home, the digest,
 * `/institution list` and `/cutoff plan` stop saying "lietotne nav pievienota kanālam" once a
 * member has done `/invite @Koordinators` there, and say it once the app is removed:
 * - `member_joined_channel` whose `user` is the app's bot user → "ok"
 *   (https://api.slack.com/events/member_joined_channel);
 * - `member_left_channel` whose `user` is the app's bot user, and `channel_left` / `group_left`
 *   (sent to the app itself when it is removed from a public / private channel) → "not_member"
 *   (https://api.slack.com/events/member_left_channel, https://api.slack.com/events/channel_left,
 *   https://api.slack.com/events/group_left), as the send job records Slack's `not_in_channel`.
 * Only a channel some institution is mapped to is recorded; anything else changes nothing. The
 * same event delivered twice writes the same state twice (harmless).
 */
import type { StoredChannelState } from "../../../db/channel-checks.ts";
import { recordChannelCheck } from "../../../db/channel-checks.ts";
import type { Db } from "../../../db/client.ts";
import { institutionByChannel } from "../../../db/contacts.ts";
import type { Logger } from "../../logger.ts";
import type { Clock } from "../../time.ts";
import type { Listeners } from "../router.ts";

/** The Events API event types {@link registerMembershipListeners} handles. */
export const MEMBERSHIP_EVENTS = [
  "member_joined_channel",
  "member_left_channel",
  "channel_left",
  "group_left",
] as const;

/** What a membership event says about the app: `channelId` is now reachable ("ok") or not. */
export interface MembershipChange {
  channelId: string;
  state: Extract<StoredChannelState, "ok" | "not_member">;
}

/**
 * What `event` (an Events API event, as Slack sends it) says about the app's own membership of a
 * channel, given the app's bot user id (`botUserId`, Bolt's `context.botUserId` from auth.test);
 * null for another user's join or leave, an unknown bot user id for a member event, another
 * event type, or no channel id. Pure.
 */
export function membershipChange(
  event: unknown,
  botUserId: string | undefined,
): MembershipChange | null {
  if (typeof event !== "object" || event === null) return null;
  const { type, user, channel } = event as { type?: unknown; user?: unknown; channel?: unknown };
  if (typeof channel !== "string" || channel === "") return null;
  const self = botUserId !== undefined && botUserId !== "" && user === botUserId;
  if (type === "member_joined_channel") return self ? { channelId: channel, state: "ok" } : null;
  if (type === "member_left_channel")
    return self ? { channelId: channel, state: "not_member" } : null;
  // Sent only to the one who left: here the app's bot user.
  if (type === "channel_left" || type === "group_left")
    return { channelId: channel, state: "not_member" };
  return null;
}

/** What {@link applyMembershipChange} needs: the store and the clock of the check's time. */
export interface MembershipDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

/**
 * Records `change` as the channel's last check (at the clock's now, UTC ISO) when the channel is
 * some institution's; returns whether it was recorded (false: no institution has that channel).
 */
export async function applyMembershipChange(
  deps: MembershipDeps,
  change: MembershipChange,
): Promise<boolean> {
  if ((await institutionByChannel(deps.db, change.channelId)) === undefined) return false;
  const at = deps.clock.now().toUTC().toISO() ?? "";
  await recordChannelCheck(deps.db, change.channelId, change.state, at);
  deps.logger.info(
    { channel: change.channelId, state: change.state },
    "channel membership recorded",
  );
  return true;
}

/**
 * Registers the handlers of {@link MEMBERSHIP_EVENTS} on `listeners`: each reads the event with
 * {@link membershipChange} and records it with {@link applyMembershipChange}; an event that
 * records nothing (not about the app, or not an institution's channel) is logged at debug as
 * "channel membership ignored".
 */
export function registerMembershipListeners(listeners: Listeners, deps: MembershipDeps): void {
  for (const type of MEMBERSHIP_EVENTS)
    listeners.event(type, async ({ event, context }) => {
      const change = membershipChange(event, context.botUserId);
      if (change && (await applyMembershipChange(deps, change))) return;
      const channel = (event as { channel?: unknown }).channel;
      deps.logger.debug(
        { type, channel, reason: change ? "not_institution_channel" : "not_the_app" },
        "channel membership ignored",
      );
    });
}
