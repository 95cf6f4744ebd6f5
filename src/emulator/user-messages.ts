/**
 * What a person does to their own messages, as the emulator stores it (post, edit, delete).
 * Only stores: the matching `message` / `message_changed` / `message_deleted` event is sent to
 * the app with the client (./client.ts). Used by {@link SlackEmulator} (./server.ts).
 */

import { MESSAGE_TEXT_MAX } from "../slack/limits.ts";
import { ApiError } from "./args.ts";
import type { PostAsUserInput, StoredMessage } from "./types.ts";
import type { Workspace } from "./workspace.ts";

/**
 * The ts of the thread a reply to `ts` joins: `ts` itself for a top-level message, its parent's
 * for a reply (a thread of a thread is the parent's thread, as Slack keeps threads one level
 * deep: https://docs.slack.dev/reference/methods/chat.postMessage, `thread_ts`: "Avoid using a
 * reply's ts value; use its parent instead"; https://docs.slack.dev/messaging/#threading).
 * Undefined when the channel holds no message `ts`.
 */
export function threadRootTs(ws: Workspace, channelId: string, ts: string): string | undefined {
  const message = ws.findMessage(channelId, ts);
  if (!message) return undefined;
  return message.thread_ts ?? message.ts;
}

/**
 * Posts a human's message (a thread reply with `threadTs`) and returns its ts. A `threadTs` of
 * a reply puts the message in that reply's parent thread ({@link threadRootTs}), as Slack's
 * client does; one that names no message in the channel is refused, as a person cannot answer
 * a message that is not there.
 * @throws ApiError thread_not_found (`threadTs` names no message in the channel).
 * @throws Error for an unknown channel or user, or text longer than Slack takes ("msg_too_long").
 */
export function postAsUser(ws: Workspace, input: PostAsUserInput): string {
  if (!ws.channels.has(input.channelId)) throw new Error(`unknown channel ${input.channelId}`);
  if (!ws.users.has(input.userId)) throw new Error(`unknown user ${input.userId}`);
  refuseTooLong(input.text);
  const threadTs = input.threadTs ? threadRootTs(ws, input.channelId, input.threadTs) : undefined;
  if (input.threadTs && !threadTs) throw new ApiError("thread_not_found");
  const message: StoredMessage = {
    type: "message",
    channel: input.channelId,
    ts: ws.nextTs(),
    user: input.userId,
    text: input.text,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    ...(input.blocks ? { blocks: input.blocks } : {}),
  };
  ws.messagesIn(input.channelId).push(message);
  return message.ts;
}

/**
 * Who changes a message and which. `userId` is the acting person and is required: Slack always
 * knows who acts, and whether they may is decided from it (never assumed to be the author).
 */
export type UserChangeInput = {
  channelId: string;
  ts: string;
  userId: string;
};

/**
 * Edits a human's message as its author does in Slack: the new text, `edited` stamped. Returns
 * the message before and after. Only the author may edit, as Slack's chat.update allows a user
 * token only on its own messages (https://docs.slack.dev/reference/methods/chat.update,
 * `cant_update_message`).
 * @throws ApiError cant_update_message (`userId` is not the author).
 * @throws Error for an unknown channel or message, a message the bot posted, or text longer
 * than Slack takes ("msg_too_long").
 */
export function editAsUser(
  ws: Workspace,
  input: UserChangeInput & { text: string },
): { previous: StoredMessage; message: StoredMessage } {
  const message = ws.findMessage(input.channelId, input.ts);
  if (!message) throw new Error(`no message ${input.ts} in ${input.channelId}`);
  if (message.bot_id) throw new Error(`message ${input.ts} is the app's, not a person's`);
  if (input.userId !== message.user)
    throw new ApiError("cant_update_message", { author: message.user });
  refuseTooLong(input.text);
  const previous = { ...message };
  message.text = input.text;
  message.edited = { user: message.user, ts: ws.nextTs() };
  return { previous, message: { ...message } };
}

/**
 * Deletes a human's message as its author (or a workspace admin) does in Slack; returns it.
 * Anyone else is refused, as chat.delete refuses a user token that may not delete the message
 * (https://docs.slack.dev/reference/methods/chat.delete, `cant_delete_message`).
 * @throws ApiError cant_delete_message (`userId` neither the author nor an admin).
 * @throws Error for an unknown channel or message, or a message the bot posted.
 */
export function deleteAsUser(ws: Workspace, input: UserChangeInput): StoredMessage {
  const list = ws.messagesIn(input.channelId);
  const index = list.findIndex((m) => m.ts === input.ts);
  const message = list[index];
  if (!message) throw new Error(`no message ${input.ts} in ${input.channelId}`);
  if (message.bot_id) throw new Error(`message ${input.ts} is the app's, not a person's`);
  const actor = input.userId;
  if (actor !== message.user && ws.users.get(actor)?.isAdmin !== true)
    throw new ApiError("cant_delete_message", { author: message.user });
  list.splice(index, 1);
  return message;
}

/**
 * As Slack refuses a message past its text limit (msg_too_long,
 * https://docs.slack.dev/reference/methods/chat.postMessage: 40,000 characters).
 * @throws Error "msg_too_long: …" for longer text.
 */
function refuseTooLong(text: string): void {
  if (text.length > MESSAGE_TEXT_MAX)
    throw new Error(`msg_too_long: ${text.length} characters, at most ${MESSAGE_TEXT_MAX}`);
}
