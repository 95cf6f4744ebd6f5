/**
 * chat.* and reactions.add, with the arguments and errors of Slack's method pages
 * (https://api.slack.com/methods/chat.postMessage and siblings).
 */
import { ApiError, optionalString, requiredString } from "../args.ts";
import type { StoredMessage } from "../types.ts";
import { threadRootTs } from "../user-messages.ts";
import type { Workspace } from "../workspace.ts";
import {
  isTs,
  type MethodHandler,
  messageToWire,
  readContent,
  readMetadata,
  requireBotMember,
  resolveChannel,
} from "./shared.ts";

function readThreadTs(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isTs(value)) {
    throw new ApiError("invalid_thread_ts", {
      response_metadata: { messages: [`[ERROR] ${value} is not a valid thread_ts`] },
    });
  }
  return value;
}

/**
 * chat.postMessage: posts as the bot. A `thread_ts` of a reply puts the message in that reply's
 * parent thread (its `thread_ts` is the parent's), as Slack keeps threads one level deep (the
 * page's `thread_ts`: "Avoid using a reply's ts value; use its parent instead"). A `thread_ts`
 * that names no message is accepted, as Slack does, but the reply then shows nowhere in history.
 * Errors: channel_not_found, not_in_channel, no_text, invalid_blocks(_format), msg_too_long,
 * invalid_thread_ts, invalid_metadata_format.
 */
export const postMessage: MethodHandler = ({ args, ws }) => {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  requireBotMember(channel);
  const content = readContent(args);
  const metadata = readMetadata(args);
  const given = readThreadTs(optionalString(args, "thread_ts"));
  const threadTs = given && (threadRootTs(ws, channel.id, given) ?? given);
  const { botUserId, botId } = ws.identity;
  const message: StoredMessage = {
    type: "message",
    channel: channel.id,
    ts: ws.nextTs(),
    user: botUserId,
    bot_id: botId,
    text: content.text ?? "",
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
    ...(metadata ? { metadata } : {}),
  };
  ws.messagesIn(channel.id).push(message);
  return {
    channel: channel.id,
    ts: message.ts,
    message: messageToWire(ws, message, true),
  };
};

/**
 * chat.postEphemeral: shown only to `user`, never stored in history; a `thread_ts` of a reply
 * means its parent's thread, as for chat.postMessage.
 * Errors: channel_not_found, not_in_channel, user_not_found, user_not_in_channel, no_text,
 * invalid_blocks.
 */
export const postEphemeral: MethodHandler = ({ args, ws }) => {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  requireBotMember(channel);
  const userId = requiredString(args, "user", "user_not_found");
  if (!ws.users.has(userId)) throw new ApiError("user_not_found");
  if (!ws.isMember(channel, userId)) throw new ApiError("user_not_in_channel");
  const content = readContent(args);
  const given = readThreadTs(optionalString(args, "thread_ts"));
  // A reply's ts means its parent's thread, as for chat.postMessage.
  const threadTs = given && (threadRootTs(ws, channel.id, given) ?? given);
  const ts = ws.nextTs();
  ws.ephemerals.push({
    channel: channel.id,
    user: userId,
    ts,
    text: content.text ?? "",
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return { message_ts: ts };
};

function findOwnMessage(ws: Workspace, channelId: string, ts: string | undefined): StoredMessage {
  const message = ts === undefined ? undefined : ws.findMessage(channelId, ts);
  if (!message) throw new ApiError("message_not_found");
  if (message.bot_id !== ws.identity.botId) throw new ApiError("cant_update_message");
  return message;
}

/**
 * chat.update: replaces text/blocks of one of the bot's messages; metadata kept unless given.
 * Errors: channel_not_found, message_not_found, cant_update_message, invalid_blocks, msg_too_long.
 */
export const update: MethodHandler = ({ args, ws }) => {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  const message = findOwnMessage(ws, channel.id, optionalString(args, "ts"));
  const content = readContent(args, false);
  const metadata = readMetadata(args);
  if (content.text !== undefined) message.text = content.text;
  if (content.blocks !== undefined) message.blocks = content.blocks;
  if (metadata) message.metadata = metadata;
  message.edited = { user: ws.identity.botUserId, ts: ws.nextTs() };
  return {
    channel: channel.id,
    ts: message.ts,
    text: message.text,
    message: messageToWire(ws, message, true),
  };
};

/** chat.delete: removes one of the bot's messages. Errors: message_not_found, cant_delete_message. */
export const deleteMessage: MethodHandler = ({ args, ws }) => {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  const ts = optionalString(args, "ts");
  const list = ws.messagesIn(channel.id);
  const index = list.findIndex((m) => m.ts === ts);
  const message = list[index];
  if (!message) throw new ApiError("message_not_found");
  if (message.bot_id !== ws.identity.botId) throw new ApiError("cant_delete_message");
  list.splice(index, 1);
  return { channel: channel.id, ts: message.ts };
};

/**
 * chat.getPermalink: `${baseUrl}/archives/<channel>/p<ts without dot>`, with `thread_ts` and
 * `cid` query for replies, like Slack's links. Errors: channel_not_found, message_not_found.
 */
export const getPermalink: MethodHandler = ({ args, ws, baseUrl }) => {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  const ts = optionalString(args, "message_ts");
  const message = ts === undefined ? undefined : ws.findMessage(channel.id, ts);
  if (!message) throw new ApiError("message_not_found");
  let permalink = `${baseUrl}/archives/${channel.id}/p${message.ts.replace(".", "")}`;
  if (message.thread_ts && message.thread_ts !== message.ts) {
    permalink += `?thread_ts=${message.thread_ts}&cid=${channel.id}`;
  }
  return { channel: channel.id, permalink };
};

/**
 * reactions.add as the bot. Errors: channel_not_found, no_item_specified, message_not_found,
 * invalid_name, already_reacted. Any name is taken (Slack refuses one that is no emoji: the app
 * uses only standard ones, white_check_mark, question and grey_question).
 */
export const addReaction: MethodHandler = ({ args, ws }) => {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  const ts = requiredString(args, "timestamp", "no_item_specified");
  const name = requiredString(args, "name", "invalid_name").replace(/^:|:$/g, "");
  const message = ws.findMessage(channel.id, ts);
  if (!message) throw new ApiError("message_not_found");
  const reactions = message.reactions ?? [];
  message.reactions = reactions;
  const userId = ws.identity.botUserId;
  const existing = reactions.find((r) => r.name === name);
  if (existing?.users.includes(userId)) throw new ApiError("already_reacted");
  if (existing) {
    existing.users.push(userId);
    existing.count += 1;
  } else {
    reactions.push({ name, users: [userId], count: 1 });
  }
  return {};
};

/**
 * reactions.remove as the bot: takes the bot's reaction `name` off the message (the reaction
 * goes when nobody else has it). Errors: channel_not_found, no_item_specified,
 * message_not_found, invalid_name, no_reaction (the bot has not reacted so).
 * Source: https://api.slack.com/methods/reactions.remove
 */
export const removeReaction: MethodHandler = ({ args, ws }) => {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  const ts = requiredString(args, "timestamp", "no_item_specified");
  const name = requiredString(args, "name", "invalid_name").replace(/^:|:$/g, "");
  const message = ws.findMessage(channel.id, ts);
  if (!message) throw new ApiError("message_not_found");
  const userId = ws.identity.botUserId;
  const existing = message.reactions?.find((r) => r.name === name);
  if (!existing?.users.includes(userId)) throw new ApiError("no_reaction");
  existing.users = existing.users.filter((u) => u !== userId);
  existing.count -= 1;
  const left = (message.reactions ?? []).filter((r) => r.count > 0);
  if (left.length > 0) message.reactions = left;
  else delete message.reactions;
  return {};
};
