/**
 * Which institutions the digest counts as not reachable by reminders, by institution id: those
 * without a Slack channel (`hasChannel`, src/reminders/reminded.ts: the sender fails their
 * reminders "no_mapping") and those whose channel the app knows it cannot post to (the channel's
 * last known reachability, `unreachableChannels` in db/channel-checks.ts: the sender's post
 * would fail, as `/cutoff plan` warns). The "next 30 days" part and the response rates read this
 * one answer, so they never disagree about who can be reminded.
 */
import type { StoredChannelState } from "../../db/channel-checks.ts";
import { unreachableChannels } from "../../db/channel-checks.ts";
import type { Db } from "../../db/client.ts";
import { listMappings } from "../../db/contacts.ts";
import { hasChannel, reachOf } from "../reminders/reminded.ts";

/** Institution ids without a channel, and those whose channel is known unreachable (with why). */
export interface ChannelReach {
  noChannel: ReadonlySet<number>;
  unreachable: ReadonlyMap<number, Exclude<StoredChannelState, "ok">>;
}

/**
 * Every institution's reach as the store has it now (see the module comment; the rule is
 * `reachOf`'s). Three queries whatever the number of institutions (`listMappings`' two, one for
 * the channel checks).
 */
export async function channelReach(db: Db): Promise<ChannelReach> {
  const mappings = await listMappings(db);
  const channels = mappings.filter(hasChannel).map((m) => m.channelId);
  const { noChannel, unreachable } = reachOf(mappings, await unreachableChannels(db, channels));
  return { noChannel, unreachable };
}
