/**
 * When Slack last said the app can post in a channel (`channel_checks` rows in state "ok", as
 * `/institution set`, `/institution <CODE>`, `/cutoff plan` and the app's own
 * `member_joined_channel` record them, db/channel-checks.ts): read by `/institution list` to tell
 * a failed reminder's channel that has been fixed since from one that has not.
 */
import type { Db } from "./client.ts";

/**
 * Of `channelIds`, those whose last stored check says the app can post there ("ok"), each with
 * the instant of that check (UTC ISO, as `recordChannelCheck` stores it). One query; an empty
 * map for no ids. Its store errors are thrown.
 */
export async function okCheckedAt(
  db: Db,
  channelIds: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (channelIds.length === 0) return found;
  const rows = await db
    .selectFrom("channel_checks")
    .select(["channel_id", "checked_at"])
    .where("channel_id", "in", [...new Set(channelIds)])
    .where("state", "=", "ok")
    .execute();
  for (const r of rows) found.set(r.channel_id, r.checked_at);
  return found;
}
