/**
 * The emulator's own HTTP control API under `/_emulator`, for processes that cannot hold the
 * Emulator object (the `npm run slack` CLI next to the local app). JSON in, JSON out:
 *
 * | route | does |
 * | --- | --- |
 * | `GET /_emulator` | identity, urls |
 * | `GET /_emulator/calls?since=N` | `{calls, next}`: Web API calls from index N on |
 * | `GET /_emulator/responses/<id>?since=N&wait=ms` | `{responses, next}` for one response_url, long-polling up to `wait` ms (≤ 60 000) until one arrives |
 * | `GET /_emulator/messages?channel=C` | `{messages}` of a channel |
 * | `GET /_emulator/home?user=U&after=H&wait=ms` | `{view}`: the Home tab last published for U (with `id`, `hash`), or null; with `after`, long-polls up to `wait` ms (≤ 60 000) for a Home whose hash is not H (a re-publish) |
 * | `POST /_emulator/users` | add or update a user (`{id, name?, locale?, tz?, isBot?, isAdmin?}`) |
 * | `POST /_emulator/channels` | add a channel (`{id, name, members?, botIsMember?}`) |
 * | `POST /_emulator/messages` | post as a user (`{channelId, userId, text, threadTs?}`) → `{ts, threadTs?}` (the thread it joined: a reply's ts means its parent's) |
 * | `POST /_emulator/message-edits` | edit a person's message (`{channelId, ts, text, userId}`; `userId` = who edits, required) → `{previous, message}` |
 * | `POST /_emulator/message-deletions` | delete a person's message (`{channelId, ts, userId}`; `userId` = who deletes, required) → `{message}` |
 *
 * A refusal Slack would answer with an error code (thread_not_found, cant_update_message,
 * cant_delete_message) comes back as HTTP 400 `{ok: false, error: <code>, detail}`, with the
 * message's `author` for the last two; any other bad request as `error: "invalid_request"`
 * (among them an edit or deletion without `userId`: Slack always knows who acts, and only the
 * author may edit, the author or an admin delete, so the emulator never assumes the author).
 * | `POST /_emulator/response-urls` | `{id?, channelId?, userId?, messageTs?}` → `{id, url}` |
 * | `POST /_emulator/triggers` | `{userId?}` → `{trigger_id}` |
 * | `POST /_emulator/reset` | back to the seeded state |
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./args.ts";
import { parseJsonObject, sendJson } from "./http.ts";
import { viewToWire } from "./methods/views.ts";
import type {
  AddChannelInput,
  AddUserInput,
  EmulatorChannel,
  EmulatorUser,
  PostAsUserInput,
  RecordedResponse,
  ResponseUrlContext,
  StoredMessage,
} from "./types.ts";
import type { UserChangeInput } from "./user-messages.ts";
import type { Workspace } from "./workspace.ts";

/** Longest long-poll accepted, in milliseconds. */
export const MAX_WAIT_MS = 60_000;

/** What the control API drives: the emulator's public operations. */
export interface ControlTarget {
  readonly url: string;
  readonly apiUrl: string;
  responseUrl(id?: string, context?: ResponseUrlContext): string;
  triggerId(userId?: string): string;
  addUser(input: Partial<AddUserInput> & { id: string }): EmulatorUser;
  addChannel(input: AddChannelInput): EmulatorChannel;
  postAsUser(input: PostAsUserInput): string;
  editAsUser(input: UserChangeInput & { text: string }): {
    previous: StoredMessage;
    message: StoredMessage;
  };
  deleteAsUser(input: UserChangeInput): StoredMessage;
  reset(): void;
}

type Json = Record<string, unknown>;

function str(body: Json, key: string): string | undefined {
  const value = body[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Resolves when `ready()` holds (checked after each record) or after `waitMs`, or on disconnect. */
function waitUntil(
  ws: Workspace,
  req: IncomingMessage,
  ready: () => boolean,
  waitMs: number,
): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      unsubscribe();
      req.off("close", done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    const unsubscribe = ws.onRecord(() => {
      if (ready()) done();
    });
    req.on("close", done);
  });
}

/**
 * The Home tab last published for `?user=`, as views.publish answered it (id, hash, blocks).
 * With `?after=<hash>&wait=ms` it waits for a re-publish: a Home whose hash differs.
 */
async function getHome(
  ws: Workspace,
  req: IncomingMessage,
  query: URLSearchParams,
): Promise<{ view: Record<string, unknown> | null }> {
  const userId = query.get("user") ?? "";
  const after = query.get("after");
  const wait = Math.min(MAX_WAIT_MS, Number(query.get("wait") ?? 0) || 0);
  const fresh = () => {
    const stored = ws.homeViews.get(userId);
    return stored && stored.hash !== after ? stored : undefined;
  };
  if (!fresh() && wait > 0) await waitUntil(ws, req, () => fresh() !== undefined, wait);
  const stored = after === null ? ws.homeViews.get(userId) : fresh();
  return { view: stored ? viewToWire(ws, stored) : null };
}

async function getResponses(
  ws: Workspace,
  req: IncomingMessage,
  id: string,
  query: URLSearchParams,
): Promise<{ responses: RecordedResponse[]; next: number }> {
  const since = Number(query.get("since") ?? 0) || 0;
  const wait = Math.min(MAX_WAIT_MS, Number(query.get("wait") ?? 0) || 0);
  const pick = (): RecordedResponse[] => ws.responses.filter((r) => r.id === id).slice(since);
  if (pick().length === 0 && wait > 0) await waitUntil(ws, req, () => pick().length > 0, wait);
  const responses = pick();
  return { responses, next: since + responses.length };
}

function post(target: ControlTarget, ws: Workspace, route: string, body: Json): Json | undefined {
  switch (route) {
    case "users": {
      const id = str(body, "id");
      if (id === undefined) throw new Error("id is required");
      const { name, locale, tz } = {
        name: str(body, "name"),
        locale: str(body, "locale"),
        tz: str(body, "tz"),
      };
      const isBot = typeof body.isBot === "boolean" ? body.isBot : undefined;
      const isAdmin = typeof body.isAdmin === "boolean" ? body.isAdmin : undefined;
      return { user: target.addUser({ id, name, locale, tz, isBot, isAdmin }) };
    }
    case "channels": {
      const [id, name] = [str(body, "id"), str(body, "name")];
      if (id === undefined || name === undefined) throw new Error("id and name are required");
      const members = Array.isArray(body.members) ? body.members.map(String) : undefined;
      const botIsMember = typeof body.botIsMember === "boolean" ? body.botIsMember : undefined;
      return { channel: target.addChannel({ id, name, members, botIsMember }) };
    }
    case "messages": {
      const [channelId, userId, text] = [
        str(body, "channelId"),
        str(body, "userId"),
        str(body, "text"),
      ];
      if (!channelId || !userId || text === undefined)
        throw new Error("channelId, userId, text are required");
      const ts = target.postAsUser({ channelId, userId, text, threadTs: str(body, "threadTs") });
      const threadTs = ws.findMessage(channelId, ts)?.thread_ts;
      return { ts, ...(threadTs ? { threadTs } : {}) };
    }
    case "message-edits": {
      const [channelId, ts, text] = [str(body, "channelId"), str(body, "ts"), str(body, "text")];
      const userId = str(body, "userId");
      if (!channelId || !ts || text === undefined || !userId)
        throw new Error("channelId, ts, text and userId (who edits) are required");
      return { ...target.editAsUser({ channelId, ts, text, userId }) };
    }
    case "message-deletions": {
      const [channelId, ts, userId] = [
        str(body, "channelId"),
        str(body, "ts"),
        str(body, "userId"),
      ];
      if (!channelId || !ts || !userId)
        throw new Error("channelId, ts and userId (who deletes) are required");
      return { message: target.deleteAsUser({ channelId, ts, userId }) };
    }
    case "response-urls": {
      const url = target.responseUrl(str(body, "id"), {
        channelId: str(body, "channelId"),
        userId: str(body, "userId"),
        messageTs: str(body, "messageTs"),
      });
      return { id: url.slice(url.lastIndexOf("/") + 1), url };
    }
    case "triggers":
      return { trigger_id: target.triggerId(str(body, "userId")) };
    case "reset":
      target.reset();
      return {};
    default:
      return undefined;
  }
}

function get(
  target: ControlTarget,
  ws: Workspace,
  route: string,
  query: URLSearchParams,
): Json | undefined {
  if (route === "") return { url: target.url, apiUrl: target.apiUrl, identity: ws.identity };
  if (route === "calls") {
    const since = Number(query.get("since") ?? 0) || 0;
    return { calls: ws.calls.slice(since), next: ws.calls.length };
  }
  if (route === "messages") return { messages: ws.messagesIn(query.get("channel") ?? "") };
  return undefined;
}

/**
 * Answers one control request.
 * @param route the path after "/_emulator/" ("" for the root, "responses/<id>", "users", …).
 */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  target: ControlTarget,
  ws: Workspace,
  route: string,
  query: URLSearchParams,
  raw: string,
): Promise<void> {
  try {
    let result: Json | undefined;
    if (req.method === "GET" && route.startsWith("responses/")) {
      result = await getResponses(
        ws,
        req,
        decodeURIComponent(route.slice("responses/".length)),
        query,
      );
    } else if (req.method === "GET" && route === "home") {
      result = await getHome(ws, req, query);
    } else if (req.method === "GET") {
      result = get(target, ws, route, query);
    } else if (req.method === "POST") {
      const body = raw.trim() === "" ? {} : parseJsonObject(raw);
      if (!body) return sendJson(res, 400, { ok: false, error: "invalid_json" });
      result = post(target, ws, route, body);
    }
    if (!result) return sendJson(res, 404, { ok: false, error: "not_found" });
    if (!res.destroyed) sendJson(res, 200, { ok: true, ...result });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ApiError)
      return sendJson(res, 400, { ok: false, error: error.code, detail: message, ...error.extra });
    sendJson(res, 400, { ok: false, error: "invalid_request", detail: message });
  }
}
