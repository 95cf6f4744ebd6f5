/**
 * The last thing Slack said about a channel reminders go to (`channel_checks`): written when
 * `/institution set` asks (`conversations.info`), when `/cutoff plan` asks again about a
 * channel last found unreachable, and when Slack refuses a reminder for its channel
 * (`send-reminder`); read so that the plan and `/cutoff add` warn before the reminders fail, and
 * `/institution <CODE>` shows the channel's state.
 */
import type { ExpressionBuilder } from "kysely";
import type { Db } from "./client.ts";
import type { Database } from "./schema.ts";

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
    .where(notDisproved)
    .execute();
  for (const r of rows) {
    const state = unreachableState(r.state);
    if (state) found.set(r.channel_id, { state, checkedAt: r.checked_at });
  }
  return found;
}

/**
 * Every institution whose Slack channel is last found unreachable, by institution id, with
 * why: the rule of {@link unreachableChannels} for each institution's own channel (one with
 * none, or an empty one, has no check to read). What `channelReach` (src/digest/reach.ts)
 * gives as `unreachable`, in one query (channel_checks by its key, the channel id) instead of
 * reading every mapping first; institutions sharing a channel each get its state.
 */
export async function unreachableInstitutions(
  db: Db,
): Promise<Map<number, Exclude<StoredChannelState, "ok">>> {
  const rows = await db
    .selectFrom("institutions as i")
    .innerJoin("channel_checks as c", "c.channel_id", "i.slack_channel_id")
    .select(["i.id", "c.state"])
    .where("i.slack_channel_id", "<>", "")
    .where("c.state", "<>", "ok")
    .where(notDisproved)
    .execute();
  const found = new Map<number, Exclude<StoredChannelState, "ok">>();
  for (const r of rows) {
    const state = unreachableState(r.state);
    if (state) found.set(r.id, state);
  }
  return found;
}

/** A reminder sent to check `c`'s channel after it proves the app can post there after all. */
function notDisproved({
  not,
  exists,
  selectFrom,
}: ExpressionBuilder<Database & { c: Database["channel_checks"] }, "c">) {
  return not(
    exists(
      selectFrom("reminders as r")
        .select("r.id")
        .whereRef("r.channel_id", "=", "c.channel_id")
        .where("r.state", "=", "sent")
        .whereRef("r.sent_at", ">", "c.checked_at"),
    ),
  );
}

/** A stored state that says the app cannot post there; null for "ok" or one not known. */
function unreachableState(state: string): Exclude<StoredChannelState, "ok"> | null {
  return STATES.includes(state) && state !== "ok"
    ? (state as Exclude<StoredChannelState, "ok">)
    : null;
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
