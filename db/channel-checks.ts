/**
 * The last thing Slack said about a channel reminders go to (`channel_checks`): written when
 * `/institution set` asks (`conversations.info`), when `/cutoff plan` asks again about a
 * channel last found unreachable, and when Slack refuses a reminder for its channel
 * (`send-reminder`); read so that the plan and `/cutoff add` warn before the reminders fail, and
 * `/institution <CODE>` shows the channel's state.
 */
import type { Db } from "./client.ts";

/** A stored answer: the app cannot post there ("not_found", "not_member", "archived") or can ("ok"). */
export type StoredChannelState = "ok" | "not_found" | "not_member" | "archived";

const STATES: readonly string[] = ["ok", "not_found", "not_member", "archived"];

/**
 * Stores Slack's answer about `channelId` at `at` (UTC ISO), replacing an earlier one. `state`
 * null or "unchecked" (Slack did not answer) stores nothing: the last known answer stays.
 */
export async function recordChannelCheck(
  db: Db,
  channelId: string,
  state: string | null,
  at: string,
): Promise<void> {
  if (state === null || !STATES.includes(state)) return;
  await db
    .insertInto("channel_checks")
    .values({ channel_id: channelId, state, checked_at: at })
    .onConflict((oc) => oc.column("channel_id").doUpdateSet({ state, checked_at: at }))
    .execute();
}

/**
 * Of `channelIds`, those last found unreachable, with why: Slack's last answer was not "ok"
 * and no reminder was sent there after it (a reminder posted since proves the app can post).
 * One query; an empty map for no ids.
 */
export async function unreachableChannels(
  db: Db,
  channelIds: readonly string[],
): Promise<Map<string, Exclude<StoredChannelState, "ok">>> {
  const found = new Map<string, Exclude<StoredChannelState, "ok">>();
  for (const [id, { state }] of await unreachableRows(db, channelIds)) found.set(id, state);
  return found;
}

/** A channel last found unreachable: why, and when Slack said so (UTC ISO). */
export interface UnreachableChannel {
  state: Exclude<StoredChannelState, "ok">;
  checkedAt: string;
}

/**
 * The channel's stored unreachable state as {@link unreachableChannels} decides it, with the
 * instant of the check that found it (`/institution <CODE>` says "since" then); null when it is
 * reachable as far as the store knows (never checked, "ok", or a reminder sent there since).
 */
export async function unreachableSince(
  db: Db,
  channelId: string,
): Promise<UnreachableChannel | null> {
  return (await unreachableRows(db, [channelId])).get(channelId) ?? null;
}

/** The rule of {@link unreachableChannels}, with each check's time. */
async function unreachableRows(
  db: Db,
  channelIds: readonly string[],
): Promise<Map<string, UnreachableChannel>> {
  const found = new Map<string, UnreachableChannel>();
  if (channelIds.length === 0) return found;
  const rows = await db
    .selectFrom("channel_checks as c")
    .select(["c.channel_id", "c.state", "c.checked_at"])
    .where("c.channel_id", "in", [...new Set(channelIds)])
    .where("c.state", "<>", "ok")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("reminders as r")
            .select("r.id")
            .whereRef("r.channel_id", "=", "c.channel_id")
            .where("r.state", "=", "sent")
            .whereRef("r.sent_at", ">", "c.checked_at"),
        ),
      ),
    )
    .execute();
  for (const r of rows)
    if (STATES.includes(r.state) && r.state !== "ok")
      found.set(r.channel_id, {
        state: r.state as Exclude<StoredChannelState, "ok">,
        checkedAt: r.checked_at,
      });
  return found;
}

/** Slack's post errors (chat.postMessage) that say the app cannot post to a channel, as checks. */
const POST_ERRORS: Record<string, Exclude<StoredChannelState, "ok">> = {
  channel_not_found: "not_found",
  not_in_channel: "not_member",
  is_archived: "archived",
};

/**
 * The stored state a failed post's Slack error `code` means ("channel_not_found" → "not_found",
 * "not_in_channel" → "not_member", "is_archived" → "archived"); null for any other error.
 */
export function checkOfPostError(code: string): Exclude<StoredChannelState, "ok"> | null {
  return POST_ERRORS[code] ?? null;
}
