/**
 * Small node:http helpers for the emulator: reading a body, decoding Web API arguments the
 * way Slack accepts them, and answering JSON or text.
 * Source of the accepted content types: https://api.slack.com/web#posting_json
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiArgs } from "./types.ts";

/** Largest request body accepted, in bytes (Slack's views may be up to 250 kB). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * Reads a request body as UTF-8.
 * @throws Error when the body is larger than {@link MAX_BODY_BYTES}.
 */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The media type of a request, lower-case, without parameters ("" when absent). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Web API arguments from the query string and the body: form-encoded fields as strings, a
 * JSON object as is. Returns Slack's error code for a body it would refuse:
 * `missing_post_type`, `invalid_post_type`, `invalid_json`, `invalid_form_data`.
 */
export function parseApiArgs(
  req: IncomingMessage,
  body: string,
  query: URLSearchParams,
): { ok: true; args: ApiArgs } | { ok: false; error: string } {
  const args: ApiArgs = Object.fromEntries(query);
  if (body.trim() === "") return { ok: true, args };
  const type = mediaType(req);
  if (type === "application/x-www-form-urlencoded") {
    return { ok: true, args: { ...args, ...Object.fromEntries(new URLSearchParams(body)) } };
  }
  if (type === "application/json") {
    const parsed = parseJsonObject(body);
    return parsed
      ? { ok: true, args: { ...args, ...parsed } }
      : { ok: false, error: "invalid_json" };
  }
  if (type === "multipart/form-data") return { ok: false, error: "invalid_form_data" };
  return { ok: false, error: type === "" ? "missing_post_type" : "invalid_post_type" };
}

/** Parses a JSON object; `undefined` for invalid JSON or a non-object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
    return parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Answers JSON with a status and extra headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Answers plain text, as Slack's response_url endpoint does ("ok", "invalid_blocks"). */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}
