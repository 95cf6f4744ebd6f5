/**
 * What every Web API method handler gets and the checks several of them share: resolving a
 * channel, validating message content, reading metadata, and writing messages in Slack's
 * wire format.
 */
import { MESSAGE_TEXT_MAX, validateBlocks } from "../../slack/block-limits.ts";
import { ApiError, optionalString } from "../args.ts";
import type { ApiArgs, EmulatorChannel, MessageMetadata, StoredMessage } from "../types.ts";
import type { Workspace } from "../workspace.ts";

/** Input of a method handler. `baseUrl` is the emulator's origin (for permalinks, auth.test). */
export interface MethodContext {
  args: ApiArgs;
  ws: Workspace;
  baseUrl: string;
}

/**
 * A Web API method: returns the response fields besides `ok: true`.
 * @throws ApiError for `{ok:false,error}` answers.
 */
export type MethodHandler = (ctx: MethodContext) => Record<string, unknown>;

/**
 * Finds the conversation a `channel` argument names: a channel id, a "#name"/"name", or a
 * user id (the bot's DM with that user, as chat.postMessage allows).
 * @throws ApiError channel_not_found
 */
export function resolveChannel(ws: Workspace, value: string | undefined): EmulatorChannel {
  if (value === undefined) throw new ApiError("channel_not_found");
  const byId = ws.channels.get(value);
  if (byId) return byId;
  if (ws.users.has(value)) return ws.imWith(value);
  const name = value.replace(/^#/, "");
  const byName = [...ws.channels.values()].find((c) => !c.isIm && c.name === name);
  if (byName) return byName;
  throw new ApiError("channel_not_found");
}

/** @throws ApiError not_in_channel when the bot is not a member. */
export function requireBotMember(channel: EmulatorChannel): void {
  if (!channel.botIsMember) throw new ApiError("not_in_channel");
}

/** Whether a string is a Slack ts ("1732881234.000100"). */
export function isTs(value: string): boolean {
  return /^\d+\.\d+$/.test(value);
}

/**
 * Reads and checks a message's `text` and `blocks` as chat.postMessage does.
 * @param requireContent false for chat.update, where both may be left out.
 * @throws ApiError no_text, invalid_blocks_format, invalid_blocks (with `errors`), msg_too_long
 */
export function readContent(
  args: ApiArgs,
  requireContent = true,
): { text?: string; blocks?: unknown[] } {
  const text = optionalString(args, "text");
  const rawBlocks = args.blocks;
  let blocks: unknown[] | undefined;
  if (rawBlocks !== undefined && rawBlocks !== "") {
    if (!Array.isArray(rawBlocks)) throw new ApiError("invalid_blocks_format");
    const errors = validateBlocks(rawBlocks, "message");
    if (errors.length > 0) {
      throw new ApiError("invalid_blocks", {
        errors,
        response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
      });
    }
    blocks = rawBlocks;
  }
  const hasBlocks = blocks !== undefined && blocks.length > 0;
  if (requireContent && text === undefined && !hasBlocks) throw new ApiError("no_text");
  if (text !== undefined && text.length > MESSAGE_TEXT_MAX) throw new ApiError("msg_too_long");
  return { text, blocks };
}

/**
 * Reads `metadata` ({event_type, event_payload}). Source: https://api.slack.com/metadata/using
 * @throws ApiError invalid_metadata_format
 */
export function readMetadata(args: ApiArgs): MessageMetadata | undefined {
  const raw = args.metadata;
  if (raw === undefined || raw === "") return undefined;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ApiError("invalid_metadata_format");
  }
  const { event_type: type, event_payload: payload } = raw as Record<string, unknown>;
  const payloadOk = typeof payload === "object" && payload !== null && !Array.isArray(payload);
  if (typeof type !== "string" || type === "" || !payloadOk) {
    throw new ApiError("invalid_metadata_format");
  }
  return { event_type: type, event_payload: payload as Record<string, unknown> };
}

/**
 * A message as conversations.history/replies return it: thread parents gain `reply_count`,
 * `reply_users`, `latest_reply`; `metadata` only when asked for with include_all_metadata.
 */
export function messageToWire(
  ws: Workspace,
  message: StoredMessage,
  includeMetadata: boolean,
): Record<string, unknown> {
  const { channel: _channel, metadata, ...wire } = message;
  const out: Record<string, unknown> = { ...wire, team: ws.identity.teamId };
  if (includeMetadata && metadata) out.metadata = metadata;
  const replies = ws
    .messagesIn(message.channel)
    .filter((m) => m.thread_ts === message.ts && m.ts !== message.ts);
  if (replies.length > 0) {
    out.thread_ts = message.ts;
    out.reply_count = replies.length;
    out.reply_users = [...new Set(replies.map((r) => r.user))];
    out.reply_users_count = (out.reply_users as string[]).length;
    out.latest_reply = replies[replies.length - 1]?.ts;
  }
  return out;
}
