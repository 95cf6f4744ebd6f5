/**
 * The response_url endpoint (`POST /response/<id>`): what an app posts after acknowledging a
 * slash command or an interaction. As on Slack: JSON {text, blocks, response_type,
 * replace_original, delete_original, thread_ts}; at most 5 posts within 30 minutes; answers
 * "ok" (200), or a plain-text error: 400 for a bad message, 404 for a bad/used/expired URL.
 * Source: https://api.slack.com/interactivity/handling#message_responses
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { MESSAGE_TEXT_MAX, validateBlocks } from "../slack/block-limits.ts";
import { mediaType, parseJsonObject, sendText } from "./http.ts";
import type { ResponseUrlBody, ResponseUrlContext } from "./types.ts";
import type { Workspace } from "./workspace.ts";

interface Verdict {
  status: number;
  error?: string;
}

function readPayload(req: IncomingMessage, raw: string): Record<string, unknown> | undefined {
  if (mediaType(req) === "application/x-www-form-urlencoded") {
    const payload = new URLSearchParams(raw).get("payload");
    return payload === null ? undefined : parseJsonObject(payload);
  }
  return parseJsonObject(raw);
}

function judge(body: ResponseUrlBody): Verdict {
  if (body.delete_original === true) return { status: 200 };
  if (body.blocks !== undefined) {
    if (!Array.isArray(body.blocks)) return { status: 400, error: "invalid_blocks_format" };
    if (validateBlocks(body.blocks, "message").length > 0) {
      return { status: 400, error: "invalid_blocks" };
    }
  }
  const hasText = typeof body.text === "string" && body.text !== "";
  const hasBlocks = Array.isArray(body.blocks) && body.blocks.length > 0;
  if (!hasText && !hasBlocks) return { status: 400, error: "no_text" };
  if (typeof body.text === "string" && body.text.length > MESSAGE_TEXT_MAX) {
    return { status: 400, error: "msg_too_long" };
  }
  return { status: 200 };
}

/** Applies `replace_original`/`delete_original` to the stored message an action came from. */
function changeOriginal(ws: Workspace, body: ResponseUrlBody, channelId: string, ts: string): void {
  const list = ws.messagesIn(channelId);
  const index = list.findIndex((m) => m.ts === ts);
  const original = list[index];
  if (!original) return;
  if (body.delete_original) {
    list.splice(index, 1);
    return;
  }
  original.text = typeof body.text === "string" ? body.text : "";
  if (Array.isArray(body.blocks)) original.blocks = body.blocks;
  else delete original.blocks;
}

/**
 * In-channel answers become channel messages, ephemeral ones the user's ephemerals;
 * replace/delete act on the original message when the response_url knows it.
 */
function deliver(ws: Workspace, body: ResponseUrlBody, context: ResponseUrlContext): void {
  const { channelId, userId, messageTs } = context;
  if (channelId === undefined) return;
  if (body.delete_original || body.replace_original) {
    if (messageTs !== undefined) changeOriginal(ws, body, channelId, messageTs);
    return;
  }
  const content = {
    text: body.text ?? "",
    ...(Array.isArray(body.blocks) ? { blocks: body.blocks } : {}),
    ...(body.thread_ts ? { thread_ts: body.thread_ts } : {}),
  };
  if (body.response_type === "in_channel") {
    const { botUserId, botId } = ws.identity;
    const message = { type: "message" as const, channel: channelId, ts: ws.nextTs(), ...content };
    ws.messagesIn(channelId).push({ ...message, user: botUserId, bot_id: botId });
  } else if (userId !== undefined) {
    ws.ephemerals.push({ channel: channelId, user: userId, ts: ws.nextTs(), ...content });
  }
}

/**
 * Answers one POST to a response_url and records it in `ws.responses`.
 * @param id the path segment after /response/.
 * @param url the full response_url, for the record.
 */
export function handleResponseUrl(
  req: IncomingMessage,
  res: ServerResponse,
  ws: Workspace,
  id: string,
  url: string,
  raw: string,
): void {
  const parsed = readPayload(req, raw);
  // Recorded as sent; `judge` checks every field's type before relying on it.
  const body = (parsed ?? {}) as ResponseUrlBody;
  const context = ws.checkResponseUrl(id);
  let verdict: Verdict;
  if (typeof context === "string") verdict = { status: 404, error: context };
  else if (!parsed) verdict = { status: 400, error: "invalid_payload" };
  else verdict = judge(body);
  if (verdict.status === 200 && typeof context !== "string") {
    ws.countResponseUrlUse(id);
    deliver(ws, body, context);
  }
  ws.record({
    kind: "response",
    seq: ws.nextSeq(),
    id,
    url,
    body,
    ok: verdict.status === 200,
    ...(verdict.error ? { error: verdict.error } : {}),
    status: verdict.status,
    at: ws.now(),
  });
  sendText(res, verdict.status, verdict.error ?? "ok");
}
