/**
 * conversations.history/replies/info/open, with Slack's cursor paging
 * (https://api.slack.com/docs/pagination): `limit`, `cursor`, `has_more` and
 * `response_metadata.next_cursor`; `oldest`/`latest` bounds exclusive unless `inclusive`.
 */
import { ApiError, flag, integer, optionalString } from "../args.ts";
import type { ApiArgs, EmulatorChannel, StoredMessage } from "../types.ts";
import type { Workspace } from "../workspace.ts";
import { type MethodHandler, messageToWire, requireBotMember, resolveChannel } from "./shared.ts";

/** A ts as a comparable integer of microseconds; accepts "1732881234.0001" too. */
export function tsKey(ts: string): bigint {
  const [seconds = "0", fraction = ""] = ts.split(".");
  return BigInt(seconds) * 1_000_000n + BigInt(fraction.padEnd(6, "0").slice(0, 6) || "0");
}

function encodeCursor(ts: string): string {
  return Buffer.from(`next_ts:${ts}`).toString("base64");
}

function decodeCursor(cursor: string): bigint {
  const decoded = Buffer.from(cursor, "base64").toString("utf8");
  const match = /^next_ts:(\d+\.\d+)$/.exec(decoded);
  if (!match?.[1]) throw new ApiError("invalid_cursor");
  return tsKey(match[1]);
}

function inBounds(args: ApiArgs, ts: string): boolean {
  const key = tsKey(ts);
  const inclusive = flag(args, "inclusive");
  const oldest = optionalString(args, "oldest");
  const latest = optionalString(args, "latest");
  if (oldest !== undefined && (inclusive ? key < tsKey(oldest) : key <= tsKey(oldest)))
    return false;
  if (latest !== undefined && (inclusive ? key > tsKey(latest) : key >= tsKey(latest)))
    return false;
  return true;
}

/**
 * One page of `ordered` (already sorted in answer order), starting at the cursor's message.
 * @throws ApiError invalid_cursor
 */
function page(
  ws: Workspace,
  args: ApiArgs,
  ordered: StoredMessage[],
  defaultLimit: number,
): Record<string, unknown> {
  const limit = integer(args, "limit", defaultLimit, [1, 999]);
  const cursor = optionalString(args, "cursor");
  let start = 0;
  if (cursor !== undefined) {
    const at = decodeCursor(cursor);
    start = ordered.findIndex((m) => tsKey(m.ts) === at);
    if (start === -1) throw new ApiError("invalid_cursor");
  }
  const slice = ordered.slice(start, start + limit);
  const next = ordered[start + limit];
  const includeMetadata = flag(args, "include_all_metadata");
  return {
    messages: slice.map((m) => messageToWire(ws, m, includeMetadata)),
    has_more: next !== undefined,
    response_metadata: { next_cursor: next ? encodeCursor(next.ts) : "" },
  };
}

function readableChannel(ws: Workspace, args: ApiArgs): EmulatorChannel {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  requireBotMember(channel);
  return channel;
}

/**
 * conversations.history: top-level messages (thread parents included, replies not), newest
 * first. Errors: channel_not_found, not_in_channel, invalid_cursor.
 */
export const history: MethodHandler = ({ args, ws }) => {
  const channel = readableChannel(ws, args);
  const ordered = ws
    .messagesIn(channel.id)
    .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts)
    .filter((m) => inBounds(args, m.ts))
    .sort((a, b) => (tsKey(b.ts) > tsKey(a.ts) ? 1 : -1));
  return page(ws, args, ordered, 100);
};

/**
 * conversations.replies: the thread's parent then its replies, oldest first; `ts` may name
 * the parent or any reply. Errors: channel_not_found, not_in_channel, thread_not_found,
 * invalid_cursor.
 */
export const replies: MethodHandler = ({ args, ws }) => {
  const channel = readableChannel(ws, args);
  const ts = optionalString(args, "ts");
  const named = ts === undefined ? undefined : ws.findMessage(channel.id, ts);
  if (!named) throw new ApiError("thread_not_found");
  const rootTs = named.thread_ts ?? named.ts;
  const root = ws.findMessage(channel.id, rootTs) ?? named;
  const thread = ws
    .messagesIn(channel.id)
    .filter((m) => m.thread_ts === rootTs && m.ts !== rootTs && inBounds(args, m.ts))
    .sort((a, b) => (tsKey(a.ts) > tsKey(b.ts) ? 1 : -1));
  return page(ws, args, [root, ...thread], 1000);
};

/** conversations.info. Errors: channel_not_found. */
export const info: MethodHandler = ({ args, ws }) => {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  const members = channel.members ?? [...ws.users.keys()];
  return {
    channel: {
      id: channel.id,
      name: channel.name,
      is_channel: !channel.isIm,
      is_im: channel.isIm,
      is_private: false,
      is_archived: false,
      is_general: channel.name === "general",
      is_member: channel.botIsMember,
      created: channel.created,
      context_team_id: ws.identity.teamId,
      ...(channel.isIm ? { user: channel.members?.[0] } : {}),
      ...(flag(args, "include_num_members") ? { num_members: members.length } : {}),
    },
  };
};

/**
 * conversations.list: the workspace's channels on one page (no cursor), direct messages left
 * out (Slack lists them only with `types=im`), each as conversations.info gives it.
 * Source: https://api.slack.com/methods/conversations.list
 */
export const list: MethodHandler = ({ ws }) => ({
  channels: [...ws.channels.values()]
    .filter((c) => !c.isIm)
    .map((c) => ({
      id: c.id,
      name: c.name,
      is_channel: true,
      is_im: false,
      is_private: false,
      is_archived: false,
      is_general: c.name === "general",
      is_member: c.botIsMember,
      created: c.created,
      context_team_id: ws.identity.teamId,
    })),
  response_metadata: { next_cursor: "" },
});

/** conversations.open for one user: the bot's DM channel. Errors: users_not_found, not_enough_users. */
export const open: MethodHandler = ({ args, ws }) => {
  const users = (optionalString(args, "users") ?? "").split(",").filter((u) => u !== "");
  const [first, ...others] = users;
  if (first === undefined) throw new ApiError("not_enough_users");
  if (users.some((u) => !ws.users.has(u))) throw new ApiError("users_not_found");
  if (others.length > 0) throw new ApiError("not_supported_by_emulator");
  return { channel: { id: ws.imWith(first).id } };
};
