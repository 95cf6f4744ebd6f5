/**
 * How the request client reaches the emulator: directly (same process, an {@link Emulator}
 * object) or through the control API (another process, only a URL). Both give the client
 * response_urls, trigger ids, names, stored messages/views, and a wait for response_url posts.
 */
import type { SlackEmulator } from "./server.ts";
import type {
  PostAsUserInput,
  RecordedResponse,
  ResponseUrlContext,
  StoredMessage,
} from "./types.ts";
import type { UserChangeInput } from "./user-messages.ts";
import { isResponse } from "./wait-for.ts";

/**
 * A control API request the emulator refused: `code` is its `error` (a Slack error code such as
 * thread_not_found, cant_update_message, cant_delete_message, or "invalid_request"); `author`
 * is the message's author when Slack's refusal is about who may change it.
 */
export class ControlError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly author?: string,
  ) {
    super(message);
    this.name = "ControlError";
  }
}

/** What the client needs from an emulator. */
export interface ClientBackend {
  responseUrl(context: ResponseUrlContext, id?: string): Promise<string>;
  triggerId(userId: string): Promise<string>;
  userName(userId: string): string | undefined;
  channelName(channelId: string): string | undefined;
  message(channelId: string, ts: string): Promise<StoredMessage | undefined>;
  /** A stored modal or Home tab by view id, with its id, type and hash. */
  view(viewId: string): Record<string, unknown> | undefined;
  postAsUser(input: PostAsUserInput): Promise<StoredMessage>;
  /** Edits a person's message in the emulator as `userId` (who acts): before, after. */
  editAsUser(
    input: UserChangeInput & { text: string },
  ): Promise<{ previous: StoredMessage; message: StoredMessage }>;
  /** Deletes a person's message in the emulator as `userId` (who acts); returns it. */
  deleteAsUser(input: UserChangeInput): Promise<StoredMessage>;
  /**
   * The `index`-th post (0 = first) to the response_url with this id, past or future.
   * @throws Error after `timeoutMs`.
   */
  waitForResponse(id: string, timeoutMs: number, index: number): Promise<RecordedResponse>;
}

/** A backend holding the emulator object: event-driven waits, no HTTP round trips. */
export function localBackend(emulator: SlackEmulator): ClientBackend {
  return {
    responseUrl: async (context, id) => emulator.responseUrl(id, context),
    triggerId: async (userId) => emulator.triggerId(userId),
    userName: (userId) => emulator.user(userId)?.name,
    channelName: (channelId) => emulator.channel(channelId)?.name,
    message: async (channelId, ts) => emulator.messagesIn(channelId).find((m) => m.ts === ts),
    view: (viewId) => {
      const stored = emulator.views.get(viewId) ?? emulator.homeViewById(viewId);
      return stored
        ? { ...stored.view, id: stored.id, type: stored.type, hash: stored.hash }
        : undefined;
    },
    postAsUser: async (input) => {
      const ts = emulator.postAsUser(input);
      const stored = emulator.messagesIn(input.channelId).find((m) => m.ts === ts);
      if (!stored) throw new Error(`message ${ts} vanished`);
      return stored;
    },
    editAsUser: async (input) => emulator.editAsUser(input),
    deleteAsUser: async (input) => emulator.deleteAsUser(input),
    waitForResponse: async (id, timeoutMs, index) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = emulator.responses.filter((r) => r.id === id)[index];
        if (found) return found;
        await emulator.waitFor(isResponse(id), Math.max(1, deadline - Date.now()));
      }
    },
  };
}

async function control<T>(
  baseUrl: string,
  path: string,
  body?: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${baseUrl}/_emulator/${path}`, {
    method: body ? "POST" : "GET",
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as T & { ok: boolean; error?: string; author?: string };
  if (!json.ok) {
    const code = json.error ?? String(response.status);
    throw new ControlError(`emulator control ${path} failed: ${code}`, code, json.author);
  }
  return json;
}

/** A backend for another process: every operation is a control API request. */
export function remoteBackend(emulatorUrl: string): ClientBackend {
  const base = emulatorUrl.replace(/\/+$/, "");
  return {
    responseUrl: async (context, id) =>
      (await control<{ url: string }>(base, "response-urls", { id, ...context })).url,
    triggerId: async (userId) =>
      (await control<{ trigger_id: string }>(base, "triggers", { userId })).trigger_id,
    userName: () => undefined,
    channelName: () => undefined,
    message: async (channelId, ts) => {
      const path = `messages?channel=${encodeURIComponent(channelId)}`;
      const { messages } = await control<{ messages: StoredMessage[] }>(base, path);
      return messages.find((m) => m.ts === ts);
    },
    view: () => undefined,
    postAsUser: async (input) => {
      const sent = await control<{ ts: string; threadTs?: string }>(base, "messages", { ...input });
      const { ts, threadTs } = sent;
      const { channelId, userId: user, text } = input;
      return {
        type: "message",
        channel: channelId,
        user,
        text,
        ts,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      };
    },
    editAsUser: (input) =>
      control<{ previous: StoredMessage; message: StoredMessage }>(base, "message-edits", input),
    deleteAsUser: async (input) =>
      (await control<{ message: StoredMessage }>(base, "message-deletions", input)).message,
    waitForResponse: async (id, timeoutMs, index) => {
      const path = `responses/${encodeURIComponent(id)}?since=${index}&wait=${timeoutMs}`;
      const { responses } = await control<{ responses: RecordedResponse[] }>(base, path);
      const [first] = responses;
      if (!first) throw new Error(`no answer at response_url ${id} within ${timeoutMs} ms`);
      return first;
    },
  };
}
