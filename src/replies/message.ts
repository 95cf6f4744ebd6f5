import { DateTime } from "luxon";
import type { ReplyFile } from "../../db/replies.ts";

/**
 * A Slack message as the reply pipeline reads it, from a `message` event or from a
 * `conversations.replies` page. Field names follow https://api.slack.com/events/message.
 */
export interface SlackMessage {
  channelId: string;
  /** Slack's "seconds.micros" id of the message. */
  ts: string;
  /** The thread's root ts (equal to `ts` on the root itself), or null outside threads. */
  threadTs: string | null;
  /** Author's Slack user id; null for messages without one (some bot and system messages). */
  userId: string | null;
  text: string;
  files: ReplyFile[];
  botId: string | null;
  subtype: string | null;
}

/** The app's own identity in the workspace (Bolt's `context.botUserId`/`context.botId`, auth.test). */
export interface BotIdentity {
  botUserId?: string;
  botId?: string;
}

/** What a `message` event means for the reply pipeline. */
export type MessageEvent =
  | { kind: "posted"; message: SlackMessage }
  | {
      kind: "changed";
      channelId: string;
      ts: string;
      text: string;
      /** The edited message as posted now (author, thread, files), to ingest when not stored. */
      message: SlackMessage | null;
    }
  | { kind: "deleted"; channelId: string; ts: string }
  | { kind: "other" };

/**
 * Subtypes that still carry a person's message: a file upload with a comment and a thread
 * reply also sent to the channel. Every other subtype (bot_message, channel_join, …) is not a
 * reply. Source: https://api.slack.com/events/message#subtypes
 */
const PERSON_SUBTYPES = new Set(["file_share", "thread_broadcast"]);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * Files of a message as {name, url}: the name (else title, else id) and `url_private` (else the
 * permalink). Files without either are dropped. Source: https://api.slack.com/types/file
 */
export function readFiles(value: unknown): ReplyFile[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).flatMap((file) => {
    const name = str(file.name) ?? str(file.title) ?? str(file.id);
    const url = str(file.url_private) ?? str(file.permalink);
    return name || url ? [{ name: name ?? "", url: url ?? "" }] : [];
  });
}

/**
 * Reads one message object; `channelId` is used when the object has no `channel` (as in
 * conversations.replies). Null when it has no `ts`. Pure; never throws.
 */
export function readMessage(raw: unknown, channelId?: string): SlackMessage | null {
  if (!isObject(raw)) return null;
  const ts = str(raw.ts);
  const channel = str(raw.channel) ?? channelId ?? null;
  if (!ts || !channel) return null;
  return {
    channelId: channel,
    ts,
    threadTs: str(raw.thread_ts),
    userId: str(raw.user),
    text: typeof raw.text === "string" ? raw.text : "",
    files: readFiles(raw.files),
    botId: str(raw.bot_id),
    subtype: str(raw.subtype),
  };
}

/**
 * Classifies a `message` event: a posted message, an edit (`message_changed`: the new text is
 * in `event.message`), a deletion (`message_deleted`: `event.deleted_ts`), or something else.
 * Sources: https://api.slack.com/events/message/message_changed,
 * https://api.slack.com/events/message/message_deleted
 */
export function readMessageEvent(event: unknown): MessageEvent {
  if (!isObject(event)) return { kind: "other" };
  const channelId = str(event.channel);
  if (event.subtype === "message_changed") {
    const inner = isObject(event.message) ? event.message : {};
    const ts = str(inner.ts);
    if (!channelId || !ts) return { kind: "other" };
    return {
      kind: "changed",
      channelId,
      ts,
      text: typeof inner.text === "string" ? inner.text : "",
      message: readMessage(inner, channelId),
    };
  }
  if (event.subtype === "message_deleted") {
    const ts = str(event.deleted_ts);
    return channelId && ts ? { kind: "deleted", channelId, ts } : { kind: "other" };
  }
  const message = readMessage(event);
  return message ? { kind: "posted", message } : { kind: "other" };
}

/**
 * True when a message is not a person's reply: any bot's (`bot_id`, subtype bot_message), the
 * app's own user, a system subtype, or one without an author.
 */
export function isNotFromPerson(message: SlackMessage, self: BotIdentity): boolean {
  if (message.botId !== null || message.subtype === "bot_message") return true;
  if (message.subtype !== null && !PERSON_SUBTYPES.has(message.subtype)) return true;
  if (message.userId === null) return true;
  return message.userId === self.botUserId;
}

/** The instant of a Slack ts ("1732881234.000100") as UTC ISO-8601 (millisecond precision). */
export function tsToIso(ts: string): string {
  const millis = Math.floor(Number(ts) * 1000);
  return DateTime.fromMillis(millis, { zone: "utc" }).toISO() ?? "";
}
