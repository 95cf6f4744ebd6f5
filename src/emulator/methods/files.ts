/**
 * Slack's external file upload flow (https://api.slack.com/messaging/files#uploading_files):
 * 1. files.getUploadURLExternal (`filename`, `length` in bytes) → `upload_url`, `file_id`;
 * 2. POST the bytes to `upload_url` (raw, or multipart form data; Slack answers 200 "OK");
 * 3. files.completeUploadExternal (`files` [{id, title}], `channel_id`, `thread_ts`) shares the
 *    file in the channel (a bot message carrying the file; in the thread with `thread_ts`).
 * The emulator keeps the bytes, so tests can decode what the app uploaded.
 * Method pages: https://api.slack.com/methods/files.getUploadURLExternal,
 * https://api.slack.com/methods/files.completeUploadExternal
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, invalidArguments, optionalString } from "../args.ts";
import { MAX_BODY_BYTES, mediaType, sendText } from "../http.ts";
import type { ApiArgs, StoredFile, StoredMessage } from "../types.ts";
import type { Workspace } from "../workspace.ts";
import {
  isTs,
  type MethodHandler,
  messageToWire,
  requireBotMember,
  resolveChannel,
} from "./shared.ts";

/** Largest file the emulator takes, in bytes (Slack's limit is 1 GB; tests need far less). */
export const FILE_MAX_BYTES = MAX_BODY_BYTES;
/** Slack refuses alt text over 1,000 characters (`alt_txt_too_large`). */
export const ALT_TEXT_MAX = 1000;
/** Path prefix of upload URLs on the emulator. */
export const UPLOAD_PATH = "/upload/";

/**
 * files.getUploadURLExternal. Errors: invalid_arguments (no filename, length not a whole
 * number), missing_argument (length 0), file_upload_size_restricted (too large),
 * alt_txt_too_large.
 */
export const getUploadUrlExternal: MethodHandler = ({ args, ws, baseUrl }) => {
  const filename = optionalString(args, "filename");
  if (filename === undefined) throw invalidArguments(["missing required field: filename"]);
  const rawLength = optionalString(args, "length");
  if (rawLength === undefined) throw invalidArguments(["missing required field: length"]);
  if (!/^\d+$/.test(rawLength))
    throw invalidArguments(["length must be an integer [json-pointer:/length]"]);
  const length = Number(rawLength);
  if (length === 0) throw new ApiError("missing_argument");
  if (length > FILE_MAX_BYTES) throw new ApiError("file_upload_size_restricted");
  const altText = optionalString(args, "alt_txt") ?? optionalString(args, "alt_text") ?? null;
  if (altText !== null && altText.length > ALT_TEXT_MAX) throw new ApiError("alt_txt_too_large");
  const id = ws.newId("F");
  ws.files.set(id, {
    id,
    name: filename,
    title: filename,
    length,
    altText,
    bytes: null,
    completed: false,
    shares: [],
  });
  return { upload_url: `${baseUrl}${UPLOAD_PATH}${id}`, file_id: id };
};

function readFiles(args: ApiArgs): Array<{ id: string; title?: string }> {
  let raw = args.files;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw invalidArguments(["files must be a JSON array [json-pointer:/files]"]);
    }
  }
  if (!Array.isArray(raw) || raw.length === 0)
    throw invalidArguments(["missing required field: files"]);
  return raw.map((f) => {
    const item = f as { id?: unknown; title?: unknown };
    if (typeof item.id !== "string") throw invalidArguments(["files[].id is required"]);
    return { id: item.id, ...(typeof item.title === "string" ? { title: item.title } : {}) };
  });
}

/** A file as Slack's file object looks (the fields the app reads). */
export function fileToWire(file: StoredFile, baseUrl: string): Record<string, unknown> {
  return {
    id: file.id,
    name: file.name,
    title: file.title,
    size: file.bytes?.length ?? file.length,
    mimetype: file.name.endsWith(".png") ? "image/png" : "application/octet-stream",
    url_private: `${baseUrl}/files/${file.id}/${encodeURIComponent(file.name)}`,
    permalink: `${baseUrl}/files/${file.id}`,
    channels: [...new Set(file.shares.map((s) => s.channel))],
  };
}

function shareMessage(
  ws: Workspace,
  channelId: string,
  threadTs: string | null,
  files: StoredFile[],
  comment?: string,
): StoredMessage {
  const { botUserId, botId } = ws.identity;
  return {
    type: "message",
    channel: channelId,
    ts: ws.nextTs(),
    user: botUserId,
    bot_id: botId,
    subtype: "file_share",
    text: comment ?? "",
    files: files.map((f) => ({ id: f.id, name: f.name, title: f.title })),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
}

/**
 * files.completeUploadExternal. Errors: invalid_arguments (no files), file_not_found (unknown
 * id, or its bytes never arrived), channel_not_found, not_in_channel, invalid_thread_ts.
 * Without `channel_id` the file stays private (completed, not shared).
 */
export const completeUploadExternal: MethodHandler = ({ args, ws, baseUrl }) => {
  const wanted = readFiles(args);
  const files = wanted.map(({ id, title }) => {
    const file = ws.files.get(id);
    if (!file || file.bytes === null) throw new ApiError("file_not_found");
    if (title !== undefined) file.title = title;
    return file;
  });
  const channelArg = optionalString(args, "channel_id") ?? optionalString(args, "channels");
  const threadTs = optionalString(args, "thread_ts") ?? null;
  if (threadTs !== null && !isTs(threadTs)) throw new ApiError("invalid_thread_ts");
  if (channelArg !== undefined) {
    const channel = resolveChannel(ws, channelArg);
    requireBotMember(channel);
    const message = shareMessage(
      ws,
      channel.id,
      threadTs,
      files,
      optionalString(args, "initial_comment"),
    );
    ws.messagesIn(channel.id).push(message);
    for (const f of files) f.shares.push({ channel: channel.id, ts: message.ts, threadTs });
    messageToWire(ws, message, false);
  }
  for (const f of files) f.completed = true;
  return { files: files.map((f) => fileToWire(f, baseUrl)) };
};

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > FILE_MAX_BYTES) throw new Error("upload too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The file's bytes from a multipart body (its first file field), or the raw body. */
async function fileBytes(req: IncomingMessage, body: Buffer): Promise<Buffer> {
  if (mediaType(req) !== "multipart/form-data") return body;
  const form = await new Request("http://emulator/upload", {
    method: "POST",
    headers: { "content-type": req.headers["content-type"] ?? "" },
    body,
  }).formData();
  for (const value of form.values()) {
    if (typeof value !== "string") return Buffer.from(await value.arrayBuffer());
  }
  return body;
}

/** Path prefix of file downloads (`url_private`): `/files/<file id>/<name>`. */
export const FILES_PATH = "/files/";

/** True for the paths {@link handleFileRoute} answers. */
export function isFileRoute(path: string): boolean {
  return path.startsWith(UPLOAD_PATH) || path.startsWith(FILES_PATH);
}

/**
 * `POST /upload/<file id>`: step 2; answers 200 "OK - <bytes>" as Slack does, 404 for an
 * unknown id, 400 when the bytes are not the declared `length` or the file was completed.
 * `GET /files/<file id>/<name>` (a file's `url_private`): its bytes, for the bot token only
 * (`Authorization: Bearer`), as Slack serves private files (https://api.slack.com/types/file).
 */
export async function handleFileRoute(
  req: IncomingMessage,
  res: ServerResponse,
  ws: Workspace,
  token: string,
): Promise<void> {
  const at = { ws, token, path: new URL(req.url ?? "/", "http://emulator").pathname };
  const body = await readBytes(req);
  if (at.path.startsWith(FILES_PATH)) return download(req, res, at);
  const file = at.ws.files.get(decodeURIComponent(at.path.slice(UPLOAD_PATH.length)));
  if (!file || req.method !== "POST") return sendText(res, 404, "invalid_url");
  if (file.completed) return sendText(res, 400, "file_already_completed");
  const bytes = await fileBytes(req, body);
  if (bytes.length !== file.length) return sendText(res, 400, "length_mismatch");
  file.bytes = bytes;
  sendText(res, 200, `OK - ${bytes.length}`);
}

function download(
  req: IncomingMessage,
  res: ServerResponse,
  at: { ws: Workspace; token: string; path: string },
): void {
  const id = decodeURIComponent(at.path.slice(FILES_PATH.length).split("/")[0] ?? "");
  const file = at.ws.files.get(id);
  if (req.headers.authorization !== `Bearer ${at.token}`) {
    sendText(res, 403, "not_authed");
    return;
  }
  if (!file?.bytes) {
    sendText(res, 404, "file_not_found");
    return;
  }
  res.writeHead(200, {
    "content-type": "application/octet-stream",
    "content-length": String(file.bytes.length),
  });
  res.end(file.bytes);
}
