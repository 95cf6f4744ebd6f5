/**
 * Sends requests to the app the way Slack does: signed slash commands, interactions and
 * Events API callbacks to `${appUrl}/slack/events`, with response_urls and trigger ids issued
 * by the emulator. Source of the signing scheme:
 * https://api.slack.com/authentication/verifying-requests-from-slack
 */
import { randomUUID } from "node:crypto";
import { type ClientBackend, localBackend, remoteBackend } from "./client-backend.ts";
import {
  blockActionsPayload,
  eventEnvelope,
  messageEvent,
  type PayloadContext,
  slashCommandForm,
  type ViewStateValue,
  viewSubmissionPayload,
} from "./payloads.ts";
import { SlackEmulator } from "./server.ts";
import { type ForgeOptions, signingHeaders } from "./signing.ts";
import type { RecordedResponse } from "./types.ts";
import { DEFAULT_CHANNEL, DEFAULT_IDENTITY, DEFAULT_USER } from "./workspace.ts";

/** Options of {@link createSlackClient}. Workspace ids default to the emulator's identity. */
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

/** A button press (or other element action) in a message (`messageTs`) or a view (`view`). */
export interface BlockActionOptions extends ActorOptions {
  actionId: string;
  value?: string;
  blockId?: string;
  messageTs?: string;
  /** A view object, or `{ id }` of a modal the emulator stored. */
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

/** The client returned by {@link createSlackClient}. */
export interface SlackClient {
  /** `/task 14` as `command("/task", "14")`; POSTs the form Slack posts. */
  command(command: string, text: string, opts?: ActorOptions): Promise<CommandResult>;
  /** A block_actions interaction; `responseUrl` is set for message actions. */
  blockAction(opts: BlockActionOptions): Promise<SlackHttpResult & { responseUrl?: string }>;
  viewSubmission(opts: ViewSubmissionOptions): Promise<SlackHttpResult>;
  /** An Events API callback around `event`, with retry headers when `retryNum` is set. */
  event(event: Record<string, unknown>, opts?: EventOptions): Promise<SlackHttpResult>;
  /** Stores a human message in the emulator and sends its `message` event; returns its ts. */
  userMessage(
    input: { text: string; threadTs?: string; userId?: string; channelId?: string },
    opts?: EventOptions,
  ): Promise<SlackHttpResult & { ts: string }>;
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

const NO_EMULATOR_URL = "http://emulator.invalid";

async function parseBody(response: Response): Promise<unknown> {
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json") && text !== "") {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Creates a client that talks to the app at `options.appUrl` as Slack would. */
export function createSlackClient(options: SlackClientOptions): SlackClient {
  const now = options.now ?? Date.now;
  const emulator = options.emulator;
  const backend: ClientBackend | undefined =
    emulator instanceof SlackEmulator
      ? localBackend(emulator)
      : emulator
        ? remoteBackend(emulator.url)
        : undefined;
  const identity = emulator instanceof SlackEmulator ? emulator.identity : DEFAULT_IDENTITY;
  const ctx: PayloadContext = {
    teamId: options.teamId ?? identity.teamId,
    teamDomain: options.teamDomain ?? identity.teamDomain,
    apiAppId: options.apiAppId ?? identity.appId,
    botUserId: identity.botUserId,
    verificationToken: "emulated-verification-token",
  };
  const defaults = {
    userId: options.userId ?? DEFAULT_USER.id,
    channelId: options.channelId ?? DEFAULT_CHANNEL.id,
  };
  const endpoint = `${options.appUrl.replace(/\/+$/, "")}${options.path ?? "/slack/events"}`;

  async function send(
    body: string,
    contentType: string,
    forge: ForgeOptions = {},
    extra: Record<string, string> = {},
  ): Promise<SlackHttpResult> {
    const signing = signingHeaders(options.signingSecret, body, Math.floor(now() / 1000), forge);
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": contentType, ...signing, ...extra },
      body,
    });
    return { status: response.status, body: await parseBody(response), headers: response.headers };
  }
  const sendForm = (form: URLSearchParams, forge?: ForgeOptions) =>
    send(form.toString(), "application/x-www-form-urlencoded", forge);
  const sendPayload = (payload: Record<string, unknown>, forge?: ForgeOptions) =>
    sendForm(new URLSearchParams({ payload: JSON.stringify(payload) }), forge);

  async function responseUrlFor(channelId: string, userId: string, id?: string): Promise<string> {
    if (!backend) return `${NO_EMULATOR_URL}/response/${id ?? randomUUID()}`;
    return backend.responseUrl({ channelId, userId }, id);
  }
  async function triggerFor(userId: string, given?: string): Promise<string> {
    if (given !== undefined) return given;
    if (!backend) return `${Math.floor(now() / 1000)}.0.${randomUUID().replaceAll("-", "")}`;
    return backend.triggerId(userId);
  }
  const nameOf = (userId: string, given?: string) => given ?? backend?.userName(userId) ?? userId;
  const actionTs = () => (now() / 1000).toFixed(6);

  const client: SlackClient = {
    async command(command, text, opts = {}) {
      const userId = opts.userId ?? defaults.userId;
      const channelId = opts.channelId ?? defaults.channelId;
      const responseUrl = await responseUrlFor(channelId, userId, opts.responseUrlId);
      const triggerId = await triggerFor(userId, opts.triggerId);
      const form = slashCommandForm(ctx, {
        command,
        text,
        userId,
        userName: nameOf(userId, opts.userName),
        channelId,
        channelName: backend?.channelName(channelId) ?? channelId,
        responseUrl,
        triggerId,
      });
      return { ...(await sendForm(form, opts)), responseUrl, triggerId };
    },

    async blockAction(opts) {
      const userId = opts.userId ?? defaults.userId;
      const channelId = opts.channelId ?? defaults.channelId;
      const triggerId = await triggerFor(userId, opts.triggerId);
      const inView = opts.view !== undefined;
      const responseUrl = inView
        ? undefined
        : await responseUrlFor(channelId, userId, opts.responseUrlId);
      const stored = opts.messageTs ? await backend?.message(channelId, opts.messageTs) : undefined;
      const message: Record<string, unknown> = stored
        ? { ...stored }
        : { type: "message", ts: opts.messageTs ?? actionTs(), text: "" };
      const viewId = typeof opts.view?.id === "string" ? opts.view.id : undefined;
      const view = opts.view && viewId ? { ...opts.view, ...backend?.view(viewId) } : opts.view;
      const channelName = backend?.channelName(channelId) ?? channelId;
      const payload = blockActionsPayload(ctx, {
        actionId: opts.actionId,
        value: opts.value,
        blockId: opts.blockId,
        userId,
        userName: nameOf(userId, opts.userName),
        actionTs: actionTs(),
        triggerId,
        ...(view ? { view } : { message: { channelId, channelName, message } }),
        responseUrl,
      });
      return { ...(await sendPayload(payload, opts)), responseUrl };
    },

    async viewSubmission(opts) {
      const userId = opts.userId ?? defaults.userId;
      const stored = opts.viewId ? backend?.view(opts.viewId) : undefined;
      const payload = viewSubmissionPayload(ctx, {
        callbackId: opts.callbackId,
        privateMetadata: opts.privateMetadata ?? "",
        values: opts.values ?? {},
        userId,
        userName: nameOf(userId, opts.userName),
        triggerId: await triggerFor(userId),
        view: stored ?? {
          id: opts.viewId ?? "V0EMULATED",
          type: "modal",
          team_id: ctx.teamId,
          blocks: [],
        },
      });
      return sendPayload(payload, opts);
    },

    async event(event, opts = {}) {
      const eventId =
        opts.eventId ?? `Ev${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`;
      const envelope = eventEnvelope(ctx, event, eventId, Math.floor(now() / 1000));
      const retry: Record<string, string> =
        opts.retryNum === undefined
          ? {}
          : {
              "x-slack-retry-num": String(opts.retryNum),
              "x-slack-retry-reason": opts.retryReason ?? "http_timeout",
            };
      return send(JSON.stringify(envelope), "application/json", opts, retry);
    },

    async userMessage(input, opts = {}) {
      if (!backend) throw new Error("userMessage needs an emulator");
      const channelId = input.channelId ?? defaults.channelId;
      const userId = input.userId ?? defaults.userId;
      const stored = await backend.postAsUser({
        channelId,
        userId,
        text: input.text,
        threadTs: input.threadTs,
      });
      const parent = input.threadTs ? await backend.message(channelId, input.threadTs) : undefined;
      const event = messageEvent(
        ctx,
        stored,
        channelId.startsWith("D") ? "im" : "channel",
        parent?.user,
      );
      return { ...(await client.event(event, opts)), ts: stored.ts };
    },

    urlVerification(challenge, opts = {}) {
      const body = { token: ctx.verificationToken, challenge, type: "url_verification" };
      return send(JSON.stringify(body), "application/json", opts);
    },

    async waitForResponse(responseUrl, timeoutMs = 10_000, index = 0) {
      if (!backend) throw new Error("waitForResponse needs an emulator");
      const id = decodeURIComponent(responseUrl.slice(responseUrl.lastIndexOf("/") + 1));
      return backend.waitForResponse(id, timeoutMs, index);
    },
  };
  return client;
}
