/**
 * What a person does to their own messages, as the emulator stores it (post, edit, delete).
 * Only stores: the matching `message` / `message_changed` / `message_deleted` event is sent to
 * the app with the client (./client.ts). Used by {@link SlackEmulator} (./server.ts).
 */

import { MESSAGE_TEXT_MAX } from "../slack/limits.ts";
import type { PostAsUserInput, StoredMessage } from "./types.ts";
import type { Workspace } from "./workspace.ts";

/**
 * Posts a human's message (a thread reply with `threadTs`) and returns its ts.
 * @throws Error for an unknown channel or user, or text longer than Slack takes ("msg_too_long").
 */
export function postAsUser(ws: Workspace, input: PostAsUserInput): string {
  if (!ws.channels.has(input.channelId)) throw new Error(`unknown channel ${input.channelId}`);
  if (!ws.users.has(input.userId)) throw new Error(`unknown user ${input.userId}`);
  refuseTooLong(input.text);
  const message: StoredMessage = {
    type: "message",
    channel: input.channelId,
    ts: ws.nextTs(),
    user: input.userId,
    text: input.text,
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    ...(input.blocks ? { blocks: input.blocks } : {}),
  };
  ws.messagesIn(input.channelId).push(message);
  return message.ts;
}

/**
 * Edits a human's message as its author does in Slack: the new text, `edited` stamped. Returns
 * the message before and after.
 * @throws Error for an unknown channel or message, a message the bot posted, or text longer
 * than Slack takes ("msg_too_long").
 */
export function editAsUser(
  ws: Workspace,
  input: { channelId: string; ts: string; text: string },
): { previous: StoredMessage; message: StoredMessage } {
  const message = ws.findMessage(input.channelId, input.ts);
  if (!message) throw new Error(`no message ${input.ts} in ${input.channelId}`);
  if (message.bot_id) throw new Error(`message ${input.ts} is the app's, not a person's`);
  refuseTooLong(input.text);
  const previous = { ...message };
  message.text = input.text;
  message.edited = { user: message.user, ts: ws.nextTs() };
  return { previous, message: { ...message } };
}

/**
 * Deletes a human's message as its author does in Slack; returns it.
 * @throws Error for an unknown channel or message, or a message the bot posted.
 */
export function deleteAsUser(
  ws: Workspace,
  input: { channelId: string; ts: string },
): StoredMessage {
  const list = ws.messagesIn(input.channelId);
  const index = list.findIndex((m) => m.ts === input.ts);
  const message = list[index];
  if (!message) throw new Error(`no message ${input.ts} in ${input.channelId}`);
  if (message.bot_id) throw new Error(`message ${input.ts} is the app's, not a person's`);
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
