/**
 * Sends requests to the app the way Slack does: signed slash commands, interactions and
 * Events API callbacks to `${appUrl}/slack/events`, with response_urls and trigger ids issued
 * by the emulator. Source of the signing scheme:
 * https://api.slack.com/authentication/verifying-requests-from-slack
 */
import { randomUUID } from "node:crypto";
import { type ClientCore, createCore } from "./client-core.ts";
import type {
  ActorOptions,
  BlockActionOptions,
  CommandResult,
  EventOptions,
  SlackClient,
  SlackClientOptions,
  SlackHttpResult,
  ViewSubmissionOptions,
} from "./client-types.ts";
import {
  blockActionsPayload,
  eventEnvelope,
  messageChangedEvent,
  messageDeletedEvent,
  messageEvent,
  slashCommandForm,
  viewSubmissionPayload,
} from "./payloads.ts";

/** The client's option and result types (defined in ./client-types.ts). */
export type {
  ActorOptions,
  BlockActionOptions,
  CommandResult,
  EventOptions,
  SlackClient,
  SlackClientOptions,
  SlackHttpResult,
  ViewSubmissionOptions,
} from "./client-types.ts";

async function command(
  core: ClientCore,
  name: string,
  text: string,
  opts: ActorOptions,
): Promise<CommandResult> {
  const userId = opts.userId ?? core.userId;
  const channelId = opts.channelId ?? core.channelId;
  const responseUrl = await core.responseUrl({ channelId, userId }, opts.responseUrlId);
  const triggerId = await core.triggerId(userId, opts.triggerId);
  const form = slashCommandForm(core.ctx, {
    command: name,
    text,
    userId,
    userName: core.userName(userId, opts.userName),
    channelId,
    channelName: core.channelName(channelId),
    responseUrl,
    triggerId,
  });
  const result = await core.send(form.toString(), "application/x-www-form-urlencoded", opts);
  return { ...result, responseUrl, triggerId };
}

async function blockAction(
  core: ClientCore,
  opts: BlockActionOptions,
): Promise<SlackHttpResult & { responseUrl?: string }> {
  const userId = opts.userId ?? core.userId;
  const channelId = opts.channelId ?? core.channelId;
  const actionTs = (core.now() / 1000).toFixed(6);
  const viewId = typeof opts.view?.id === "string" ? opts.view.id : undefined;
  const view = opts.view && viewId ? { ...opts.view, ...core.backend?.view(viewId) } : opts.view;
  const context = { channelId, userId, messageTs: opts.messageTs };
  const responseUrl = view ? undefined : await core.responseUrl(context, opts.responseUrlId);
  const stored = opts.messageTs
    ? await core.backend?.message(channelId, opts.messageTs)
    : undefined;
  const message: Record<string, unknown> = stored
    ? { ...stored }
    : { type: "message", ts: opts.messageTs ?? actionTs, text: "" };
  const payload = blockActionsPayload(core.ctx, {
    actionId: opts.actionId,
    value: opts.value,
    blockId: opts.blockId,
    userId,
    userName: core.userName(userId, opts.userName),
    actionTs,
    triggerId: await core.triggerId(userId, opts.triggerId),
    ...(view
      ? { view }
      : { message: { channelId, channelName: core.channelName(channelId), message } }),
    responseUrl,
  });
  return { ...(await core.sendPayload(payload, opts)), responseUrl };
}

async function viewSubmission(
  core: ClientCore,
  opts: ViewSubmissionOptions,
): Promise<SlackHttpResult> {
  const userId = opts.userId ?? core.userId;
  const stored = opts.viewId ? core.backend?.view(opts.viewId) : undefined;
  const fallback = {
    id: opts.viewId ?? "V0EMULATED",
    type: "modal",
    team_id: core.ctx.teamId,
    blocks: [],
  };
  const payload = viewSubmissionPayload(core.ctx, {
    callbackId: opts.callbackId,
    privateMetadata: opts.privateMetadata ?? "",
    values: opts.values ?? {},
    userId,
    userName: core.userName(userId, opts.userName),
    triggerId: await core.triggerId(userId),
    view: stored ?? fallback,
  });
  return core.sendPayload(payload, opts);
}

function event(
  core: ClientCore,
  inner: Record<string, unknown>,
  opts: EventOptions,
): Promise<SlackHttpResult> {
  const eventId =
    opts.eventId ?? `Ev${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`;
  const envelope = eventEnvelope(core.ctx, inner, eventId, Math.floor(core.now() / 1000));
  const retry: Record<string, string> =
    opts.retryNum === undefined
      ? {}
      : {
          "x-slack-retry-num": String(opts.retryNum),
          "x-slack-retry-reason": opts.retryReason ?? "http_timeout",
        };
  return core.send(JSON.stringify(envelope), "application/json", opts, retry);
}

/** Creates a client that talks to the app at `options.appUrl` as Slack would. */
export function createSlackClient(options: SlackClientOptions): SlackClient {
  const core = createCore(options);
  const { backend } = core;
  return {
    command: (name, text, opts = {}) => command(core, name, text, opts),
    blockAction: (opts) => blockAction(core, opts),
    viewSubmission: (opts) => viewSubmission(core, opts),
    event: (inner, opts = {}) => event(core, inner, opts),
    async userMessage(input, opts = {}) {
      if (!backend) throw new Error("userMessage needs an emulator");
      const channelId = input.channelId ?? core.channelId;
      const userId = input.userId ?? core.userId;
      const stored = await backend.postAsUser({
        channelId,
        userId,
        text: input.text,
        threadTs: input.threadTs,
      });
      // The thread's parent (a reply's ts given means its parent's thread): parent_user_id.
      const threadTs = stored.thread_ts;
      const parent = threadTs ? await backend.message(channelId, threadTs) : undefined;
      const type = channelId.startsWith("D") ? "im" : "channel";
      const result = await event(core, messageEvent(core.ctx, stored, type, parent?.user), opts);
      return { ...result, ts: stored.ts, ...(threadTs ? { threadTs } : {}) };
    },
    async userEdit(input, opts = {}) {
      if (!backend) throw new Error("userEdit needs an emulator");
      const channelId = input.channelId ?? core.channelId;
      const userId = input.userId ?? core.userId;
      const { previous, message } = await backend.editAsUser({ ...input, channelId, userId });
      const type = channelId.startsWith("D") ? "im" : "channel";
      return event(core, messageChangedEvent(previous, message, type), opts);
    },
    async userDelete(input, opts = {}) {
      if (!backend) throw new Error("userDelete needs an emulator");
      const channelId = input.channelId ?? core.channelId;
      const userId = input.userId ?? core.userId;
      const message = await backend.deleteAsUser({ ts: input.ts, channelId, userId });
      const type = channelId.startsWith("D") ? "im" : "channel";
      const at = (core.now() / 1000).toFixed(6);
      return event(core, messageDeletedEvent(message, type, at), opts);
    },
    urlVerification(challenge, opts = {}) {
      const body = { token: core.ctx.verificationToken, challenge, type: "url_verification" };
      return core.send(JSON.stringify(body), "application/json", opts);
    },
    async waitForResponse(responseUrl, timeoutMs = 10_000, index = 0) {
      if (!backend) throw new Error("waitForResponse needs an emulator");
      const id = decodeURIComponent(responseUrl.slice(responseUrl.lastIndexOf("/") + 1));
      return backend.waitForResponse(id, timeoutMs, index);
    },
  };
}
