/**
 * The `/api/<method>` endpoint: authentication, injected failures, the rate limiter, dispatch
 * to a method handler, and the record of the call. As Slack does, every API error is HTTP 200
 * `{ok:false,error}`; only rate limits are HTTP 429 with `Retry-After`.
 * Source: https://api.slack.com/web (token in `Authorization: Bearer` or a `token` argument).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, decodeJsonArgs, optionalString } from "./args.ts";
import type { Faults } from "./faults.ts";
import { parseApiArgs, sendJson } from "./http.ts";
import { METHODS } from "./methods/index.ts";
import type { ApiArgs } from "./types.ts";
import type { Workspace } from "./workspace.ts";

/** What the endpoint needs from the emulator. */
export interface WebApiDeps {
  ws: Workspace;
  faults: Faults;
  botToken: string;
  baseUrl: string;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

function tokenOf(req: IncomingMessage, args: ApiArgs): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length).trim() || undefined;
  return optionalString(args, "token");
}

function injectedFailure(deps: WebApiDeps, method: string): Answer | undefined {
  const failure = deps.faults.takeFailure(method);
  if (!failure) return undefined;
  if ("status" in failure) {
    return { status: failure.status, body: { ok: false, error: "http_error" } };
  }
  if ("retryAfter" in failure) return rateLimited(failure.retryAfter);
  return { status: 200, body: { ok: false, error: failure.error } };
}

function rateLimited(retryAfter: number): Answer {
  return {
    status: 429,
    body: { ok: false, error: "ratelimited" },
    headers: { "retry-after": String(retryAfter) },
  };
}

function dispatch(deps: WebApiDeps, method: string, args: ApiArgs): Answer {
  const handler = METHODS[method];
  if (!handler) return { status: 200, body: { ok: false, error: "unknown_method" } };
  try {
    const result = handler({ args, ws: deps.ws, baseUrl: deps.baseUrl });
    return { status: 200, body: { ok: true, ...result } };
  } catch (error) {
    if (error instanceof ApiError) {
      return { status: 200, body: { ok: false, error: error.code, ...error.extra } };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { status: 200, body: { ok: false, error: "internal_error", detail } };
  }
}

function answer(req: IncomingMessage, deps: WebApiDeps, method: string, args: ApiArgs): Answer {
  if (!METHODS[method]) return { status: 200, body: { ok: false, error: "unknown_method" } };
  const token = tokenOf(req, args);
  if (token === undefined) return { status: 200, body: { ok: false, error: "not_authed" } };
  if (token !== deps.botToken) return { status: 200, body: { ok: false, error: "invalid_auth" } };
  const injected = injectedFailure(deps, method);
  if (injected) return injected;
  const retryAfter = deps.faults.admit(method, optionalString(args, "channel"), deps.ws.now());
  if (retryAfter !== undefined) return rateLimited(retryAfter);
  return dispatch(deps, method, args);
}

/**
 * Answers one Web API request and records it in `deps.ws.calls`.
 * @param method the path segment after /api/ ("chat.postMessage").
 * @param body the raw request body.
 */
export function handleWebApi(
  req: IncomingMessage,
  res: ServerResponse,
  deps: WebApiDeps,
  method: string,
  body: string,
  query: URLSearchParams,
): void {
  const parsed = parseApiArgs(req, body, query);
  const args = parsed.ok ? decodeJsonArgs(parsed.args) : {};
  const result: Answer = parsed.ok
    ? answer(req, deps, method, args)
    : { status: 200, body: { ok: false, error: parsed.error } };
  const { token: _token, ...recordedArgs } = args;
  const ok = result.body.ok === true;
  deps.ws.record({
    kind: "call",
    seq: deps.ws.nextSeq(),
    method,
    args: recordedArgs,
    ok,
    ...(ok ? {} : { error: String(result.body.error) }),
    status: result.status,
    response: result.body,
    at: deps.ws.now(),
  });
  const delay = deps.faults.takeDelay(method);
  if (delay > 0) setTimeout(() => sendJson(res, result.status, result.body, result.headers), delay);
  else sendJson(res, result.status, result.body, result.headers);
}
