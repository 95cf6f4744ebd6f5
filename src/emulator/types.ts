/**
 * Shapes shared by the Slack emulator's server, its method handlers, its control API and the
 * request client. Field names follow Slack's wire format (snake_case) where the value is what
 * Slack would send or store; our own bookkeeping is camelCase.
 */

/** A decoded Web API argument bag: form fields are strings, JSON bodies any JSON value. */
export type ApiArgs = Record<string, unknown>;

/** A user of the emulated workspace. `locale` like "en-US"/"lv-LV"; `tz` an IANA zone. */
export interface EmulatorUser {
  id: string;
  name: string;
  locale: string;
  tz: string;
  isBot: boolean;
  /** A deactivated account (users.info `deleted: true`); absent = active. */
  deleted?: boolean;
  /** A workspace admin (users.info `is_admin: true`): may delete others' messages. */
  isAdmin?: boolean;
}

/** Input of `addUser`; `tz` defaults to "Europe/Riga", `isBot` to false. */
export interface AddUserInput {
  id: string;
  name: string;
  locale: string;
  tz?: string;
  isBot?: boolean;
  /** Deactivated (users.info says `deleted: true`); default false. */
  deleted?: boolean;
  /** A workspace admin (users.info `is_admin: true`); default false. */
  isAdmin?: boolean;
}

/**
 * A conversation. `members` lists user ids; `null` means everyone in the workspace is a member
 * (the default). `botIsMember` decides `not_in_channel` for the app's bot.
 */
export interface EmulatorChannel {
  id: string;
  name: string;
  members: string[] | null;
  botIsMember: boolean;
  isIm: boolean;
  created: number;
}

/** Input of `addChannel`; `members` defaults to everyone, `botIsMember` to true. */
export interface AddChannelInput {
  id: string;
  name: string;
  members?: string[];
  botIsMember?: boolean;
}

/** Message metadata as Slack stores it. Source: https://api.slack.com/metadata/using */
export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

/** A reaction on a message, as `reactions.get`/history return it. */
export interface MessageReaction {
  name: string;
  users: string[];
  count: number;
}

/**
 * A message in a channel. `ts` is Slack's "seconds.micros" id; `thread_ts` is set on replies
 * (the parent's ts) and, once it has replies, on the parent itself. Bot messages carry
 * `bot_id` (and `user`, the bot's user id), human ones only `user`.
 */
export interface StoredMessage {
  type: "message";
  channel: string;
  ts: string;
  thread_ts?: string;
  user: string;
  bot_id?: string;
  subtype?: string;
  text: string;
  blocks?: unknown[];
  metadata?: MessageMetadata;
  reactions?: MessageReaction[];
  edited?: { user: string; ts: string };
  /** Files shared with the message (files.completeUploadExternal). */
  files?: Array<{ id: string; name: string; title: string }>;
}

/**
 * A file uploaded through files.getUploadURLExternal → upload URL → files.completeUploadExternal.
 * `bytes` is null until the upload URL received them; `shares` lists where it was shared.
 */
export interface StoredFile {
  id: string;
  name: string;
  title: string;
  /** Declared size in bytes (files.getUploadURLExternal `length`). */
  length: number;
  altText: string | null;
  bytes: Buffer | null;
  completed: boolean;
  shares: Array<{ channel: string; ts: string; threadTs: string | null }>;
}

/** An ephemeral message: shown to one user, never in history. */
export interface StoredEphemeral {
  channel: string;
  user: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
}

/** A view the app opened (modal) or published (home), with Slack's server-side fields. */
export interface StoredView {
  id: string;
  type: "modal" | "home";
  userId: string;
  hash: string;
  rootViewId: string;
  previousViewId: string | null;
  view: Record<string, unknown>;
}

/** One Web API call the emulator answered. `at` is epoch milliseconds. */
export interface RecordedCall {
  kind: "call";
  seq: number;
  method: string;
  /** Decoded arguments without the token; JSON-string fields (blocks, view, metadata) parsed. */
  args: ApiArgs;
  ok: boolean;
  error?: string;
  /** HTTP status sent: 200, or 429 for rate limits, or an injected failure status. */
  status: number;
  /** The JSON body sent back. */
  response: Record<string, unknown>;
  at: number;
}

/** The JSON an app POSTs to a response_url. Source: https://api.slack.com/interactivity/handling#message_responses */
export interface ResponseUrlBody {
  text?: string;
  blocks?: unknown[];
  response_type?: "ephemeral" | "in_channel";
  replace_original?: boolean;
  delete_original?: boolean;
  thread_ts?: string;
  [key: string]: unknown;
}

/** One POST to a response_url. `status` is the HTTP status answered (200, 400, 404). */
export interface RecordedResponse {
  kind: "response";
  seq: number;
  id: string;
  url: string;
  body: ResponseUrlBody;
  ok: boolean;
  error?: string;
  status: number;
  at: number;
}

/** Anything `waitFor` can wait on. */
export type EmulatorRecord = RecordedCall | RecordedResponse;

/** Where a response_url's in_channel/ephemeral posts land. */
export interface ResponseUrlContext {
  channelId?: string;
  userId?: string;
  /** The message an interaction came from: `replace_original`/`delete_original` act on it. */
  messageTs?: string;
}

/**
 * An injected failure for the next call of a method: an HTTP status (500, 503…), a rate limit
 * (HTTP 429 with `Retry-After: retryAfter` seconds) or a plain API error (`{ok:false,error}`).
 */
export type FailureSpec =
  | { status: number }
  | { error: "ratelimited"; retryAfter: number }
  | { error: string };

/** Slack's per-channel posting limit (≈1 message/s/channel), or `null` to switch it off. */
export interface RateLimitSpec {
  method: string;
  perChannelPerSecond: number;
}

/** Identity of the emulated workspace and its app. */
export interface WorkspaceIdentity {
  teamId: string;
  teamDomain: string;
  appId: string;
  botUserId: string;
  botId: string;
  botName: string;
}

/** Input of `postAsUser`: a human message in a channel or, with `threadTs`, a thread reply. */
export interface PostAsUserInput {
  channelId: string;
  userId: string;
  text: string;
  threadTs?: string;
  blocks?: unknown[];
}
