/**
 * Options and results of the request client (./client.ts): who acts, where, and what the
 * app answered. Field defaults come from the client options, then the emulator's seed.
 */
import type { ViewStateValue } from "./payloads.ts";
import type { SlackEmulator } from "./server.ts";
import type { ForgeOptions } from "./signing.ts";
import type { RecordedResponse } from "./types.ts";

/** Options of `createSlackClient`. Workspace ids default to the emulator's identity. */
export interface SlackClientOptions {
  /** Where the app listens, e.g. "http://127.0.0.1:3000". */
  appUrl: string;
  signingSecret: string;
  /** The emulator object (same process) or its URL (another process). */
  emulator?: SlackEmulator | { url: string };
  /** Request path of the app's receiver; default "/slack/events" (Bolt's default). */
  path?: string;
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
  /** Default acting user and channel; default the emulator's seeded ones. */
  userId?: string;
  channelId?: string;
  /** Clock in epoch milliseconds (for signatures and ids); default Date.now. */
  now?: () => number;
}

/** The app's HTTP answer: status, body (parsed JSON when JSON, else text; "" when empty), headers. */
export interface SlackHttpResult {
  status: number;
  body: unknown;
  headers: Headers;
}

/** A slash command's answer plus the response_url and trigger_id it carried. */
export interface CommandResult extends SlackHttpResult {
  responseUrl: string;
  triggerId: string;
}

/** Who acts where; every field defaults from the client options. */
export interface ActorOptions extends ForgeOptions {
  userId?: string;
  userName?: string;
  channelId?: string;
  triggerId?: string;
  /** Id for the response_url (to know it in advance); random by default. */
  responseUrlId?: string;
}

/**
 * A button press (or other element action) in a message (`messageTs`) or a view (`view`: a
 * modal or a Home tab; such actions carry no response_url, as in Slack).
 */
export interface BlockActionOptions extends ActorOptions {
  actionId: string;
  /**
   * A button's value; for a select or radio buttons, the value of the option picked (sent as
   * `selected_option`; an option the element does not offer throws).
   */
  value?: string;
  blockId?: string;
  messageTs?: string;
  /** A view object, or `{ id }` of a modal or Home tab the emulator stored. */
  view?: Record<string, unknown>;
}

/** A modal submission. `values[blockId][actionId]`: a string means a plain_text_input value. */
export interface ViewSubmissionOptions extends ForgeOptions {
  callbackId: string;
  privateMetadata?: string;
  values?: Record<string, Record<string, ViewStateValue>>;
  userId?: string;
  userName?: string;
  /** Id of the modal the emulator stored, to submit that view. */
  viewId?: string;
}

/** Retry markers Slack adds when it resends an event. */
export interface EventOptions extends ForgeOptions {
  eventId?: string;
  retryNum?: number;
  retryReason?: string;
}

/** The client returned by `createSlackClient`. */
export interface SlackClient {
  /** `/task 14` as `command("/task", "14")`; POSTs the form Slack posts. */
  command(command: string, text: string, opts?: ActorOptions): Promise<CommandResult>;
  /** A block_actions interaction; `responseUrl` is set for message actions. */
  blockAction(opts: BlockActionOptions): Promise<SlackHttpResult & { responseUrl?: string }>;
  viewSubmission(opts: ViewSubmissionOptions): Promise<SlackHttpResult>;
  /** An Events API callback around `event`, with retry headers when `retryNum` is set. */
  event(event: Record<string, unknown>, opts?: EventOptions): Promise<SlackHttpResult>;
  /**
   * Stores a human message in the emulator and sends its `message` event; returns its ts and
   * the thread it joined (`threadTs`: a reply's ts given means its parent's, as in Slack).
   * `text` is taken as Slack sends it: `&`, `<`, `>` already escaped (`R&amp;D`), mentions and
   * links as codes (`<@U1>`, `<https://…|label>`); `typedToSlackText` makes it from typed text.
   * @throws Error with code thread_not_found (ApiError in-process, ControlError over HTTP) when
   * `threadTs` names no message in the channel; no event is sent then.
   */
  userMessage(
    input: { text: string; threadTs?: string; userId?: string; channelId?: string },
    opts?: EventOptions,
  ): Promise<SlackHttpResult & { ts: string; threadTs?: string }>;
  /**
   * Edits a person's message in the emulator as `userId` (default: the client's person, never
   * assumed to be the author) and sends the `message_changed` event; `ts` is the edited message's.
   * @throws Error with code cant_update_message when `userId` is not the author (no event sent).
   */
  userEdit(
    input: { ts: string; text: string; channelId?: string; userId?: string },
    opts?: EventOptions,
  ): Promise<SlackHttpResult>;
  /**
   * Deletes a person's message in the emulator as `userId` (default: the client's person, never
   * assumed to be the author) and sends the `message_deleted` event.
   * @throws Error with code cant_delete_message when `userId` is neither the author nor a
   * workspace admin (no event sent).
   */
  userDelete(
    input: { ts: string; channelId?: string; userId?: string },
    opts?: EventOptions,
  ): Promise<SlackHttpResult>;
  urlVerification(challenge: string, opts?: ForgeOptions): Promise<SlackHttpResult>;
  /**
   * The `index`-th (default first) post the app made to a response_url, already made or yet to come.
   * @throws Error after `timeoutMs` (default 10 000), or without an emulator.
   */
  waitForResponse(
    responseUrl: string,
    timeoutMs?: number,
    index?: number,
  ): Promise<RecordedResponse>;
}
