/**
 * The request client's plumbing: workspace context for payloads, default actor, signed
 * sending, and the emulator-issued response_urls and trigger ids. Shared by the client's
 * methods in ./client.ts.
 */
import { randomUUID } from "node:crypto";
import { type ClientBackend, localBackend, remoteBackend } from "./client-backend.ts";
import type { SlackClientOptions, SlackHttpResult } from "./client-types.ts";
import type { PayloadContext } from "./payloads.ts";
import { SlackEmulator } from "./server.ts";
import { type ForgeOptions, signingHeaders } from "./signing.ts";
import type { ResponseUrlContext } from "./types.ts";
import { DEFAULT_CHANNEL, DEFAULT_IDENTITY, DEFAULT_USER } from "./workspace.ts";

/** Stands in for the emulator's origin in response_urls when there is no emulator. */
const NO_EMULATOR_URL = "http://emulator.invalid";

/** What every client method uses. */
export interface ClientCore {
  ctx: PayloadContext;
  backend: ClientBackend | undefined;
  userId: string;
  channelId: string;
  /** Epoch milliseconds. */
  now: () => number;
  /** POSTs a signed body to the app's endpoint. */
  send(
    body: string,
    contentType: string,
    forge?: ForgeOptions,
    extra?: Record<string, string>,
  ): Promise<SlackHttpResult>;
  /** POSTs `payload=<json>` form-encoded, as Slack sends interactions. */
  sendPayload(payload: Record<string, unknown>, forge?: ForgeOptions): Promise<SlackHttpResult>;
  responseUrl(context: ResponseUrlContext, id?: string): Promise<string>;
  triggerId(userId: string, given?: string): Promise<string>;
  userName(userId: string, given?: string): string;
  channelName(channelId: string): string;
}

async function parseBody(response: Response): Promise<unknown> {
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json") || text === "") return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function backendFor(emulator: SlackClientOptions["emulator"]): ClientBackend | undefined {
  if (emulator instanceof SlackEmulator) return localBackend(emulator);
  return emulator ? remoteBackend(emulator.url) : undefined;
}

/** Builds the core from the client options. */
export function createCore(options: SlackClientOptions): ClientCore {
  const now = options.now ?? Date.now;
  const backend = backendFor(options.emulator);
  const identity =
    options.emulator instanceof SlackEmulator ? options.emulator.identity : DEFAULT_IDENTITY;
  const endpoint = `${options.appUrl.replace(/\/+$/, "")}${options.path ?? "/slack/events"}`;
  const send: ClientCore["send"] = async (body, contentType, forge = {}, extra = {}) => {
    const signing = signingHeaders(options.signingSecret, body, Math.floor(now() / 1000), forge);
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": contentType, ...signing, ...extra },
      body,
    });
    return { status: response.status, body: await parseBody(response), headers: response.headers };
  };
  return {
    ctx: {
      teamId: options.teamId ?? identity.teamId,
      teamDomain: options.teamDomain ?? identity.teamDomain,
      apiAppId: options.apiAppId ?? identity.appId,
      botUserId: identity.botUserId,
      verificationToken: "emulated-verification-token",
    },
    backend,
    userId: options.userId ?? DEFAULT_USER.id,
    channelId: options.channelId ?? DEFAULT_CHANNEL.id,
    now,
    send,
    sendPayload: (payload, forge) => {
      const form = new URLSearchParams({ payload: JSON.stringify(payload) });
      return send(form.toString(), "application/x-www-form-urlencoded", forge);
    },
    responseUrl: async (context, id) =>
      backend
        ? backend.responseUrl(context, id)
        : `${NO_EMULATOR_URL}/response/${id ?? randomUUID()}`,
    triggerId: async (userId, given) => {
      if (given !== undefined) return given;
      if (backend) return backend.triggerId(userId);
      return `${Math.floor(now() / 1000)}.0.${randomUUID().replaceAll("-", "")}`;
    },
    userName: (userId, given) => given ?? backend?.userName(userId) ?? userId,
    channelName: (channelId) => backend?.channelName(channelId) ?? channelId,
  };
}
