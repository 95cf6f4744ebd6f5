/**
 * Asks Slack about the channel a secretary maps an institution to, so `/institution set` can
 * warn at once instead of the first reminder failing weeks later. Never throws: Slack being
 * slow, rate-limiting or unreachable gives "unchecked", and the mapping is saved anyway.
 */
import type { WebClient } from "@slack/web-api";
import { recordChannelCheck } from "../db/channel-checks.ts";
import type { Db } from "../db/client.ts";
import { platformError } from "../src/slack/web.ts";

/**
 * What Slack says about a channel: `ok` (the app can post there), `not_found` (no such channel,
 * or a private one the app was not invited to), `not_member` (a public channel without the
 * app), `archived`, or `unchecked` (no answer in time, 429, any other error).
 */
export type ChannelCheck = "ok" | "not_found" | "not_member" | "archived" | "unchecked";

/** The one Web API method the check uses (Bolt's client in the app; absent in the CLI). */
export interface ChannelInfoClient {
  conversations: Pick<WebClient["conversations"], "info">;
}

/**
 * How long the check may take (ms). Bolt's client waits out a 429's Retry-After and retries a
 * failed connection for minutes; the secretary's answer should not wait for either.
 */
export const CHANNEL_CHECK_MS = 3_000;

/**
 * The channel's state from `conversations.info`
 * (https://docs.slack.dev/reference/methods/conversations.info): `channel.is_member` and
 * `is_archived`; the error `channel_not_found`. Null without a client (the CLI: nothing asked).
 */
export async function checkChannel(
  slack: ChannelInfoClient | undefined,
  channelId: string,
  timeoutMs = CHANNEL_CHECK_MS,
): Promise<ChannelCheck | null> {
  if (!slack) return null;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ChannelCheck>((resolve) => {
    timer = setTimeout(() => resolve("unchecked"), timeoutMs);
  });
  const asked = slack.conversations.info({ channel: channelId }).then(
    (res): ChannelCheck => {
      if (res.channel?.is_archived) return "archived";
      return res.channel?.is_member === false ? "not_member" : "ok";
    },
    (error: unknown): ChannelCheck => {
      const code = platformError(error);
      if (code === "channel_not_found") return "not_found";
      return code === "is_archived" ? "archived" : "unchecked";
    },
  );
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * {@link checkChannel}, and Slack's answer stored as the channel's last known reachability
 * (`channel_checks`, at `at`, UTC ISO), so `/cutoff plan` and `/cutoff add` can warn about a
 * channel the reminders cannot reach. No answer ("unchecked", or no client) stores nothing.
 * `timeoutMs`: how long Slack is waited for (CHANNEL_CHECK_MS unless given).
 */
export async function checkAndRecordChannel(
  deps: { db: Db; slack?: ChannelInfoClient | undefined },
  channelId: string,
  at: string,
  timeoutMs = CHANNEL_CHECK_MS,
): Promise<ChannelCheck | null> {
  const check = await checkChannel(deps.slack, channelId, timeoutMs);
  await recordChannelCheck(deps.db, channelId, check, at);
  return check;
}
