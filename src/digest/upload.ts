/**
 * Uploads a file into a channel or thread the way Slack asks apps to since 2024
 * (https://api.slack.com/messaging/files#uploading_files): files.getUploadURLExternal with the
 * name and byte length, a POST of the bytes to the returned `upload_url`, then
 * files.completeUploadExternal with `channel_id` and `thread_ts` to share it.
 */
import type { SlackWeb } from "../slack/web.ts";

/** A file to upload. `bytes` is the content; `altText` describes an image for screen readers. */
export interface UploadInput {
  filename: string;
  title: string;
  bytes: Uint8Array;
  altText?: string;
}

/** How long the byte upload may take, in ms. */
const UPLOAD_TIMEOUT_MS = 30_000;

/**
 * Uploads `file` and shares it in `channelId` (in the thread `threadTs` when given).
 * Returns the file id.
 * @throws Error when Slack refuses a step (Web API errors as WebClient throws them; a failed
 * byte upload as "file upload failed: <status>").
 */
export async function uploadFile(
  slack: SlackWeb,
  file: UploadInput,
  where: { channelId: string; threadTs?: string },
): Promise<string> {
  const slot = await slack.files.getUploadURLExternal({
    filename: file.filename,
    length: file.bytes.byteLength,
    ...(file.altText ? { alt_text: file.altText.slice(0, 1000) } : {}),
  });
  if (!slot.upload_url || !slot.file_id) throw new Error("file upload failed: no upload URL");
  const res = await fetch(slot.upload_url, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: file.bytes,
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  if (res.status !== 200) throw new Error(`file upload failed: ${res.status}`);
  await res.arrayBuffer();
  await slack.files.completeUploadExternal({
    files: [{ id: slot.file_id, title: file.title }],
    channel_id: where.channelId,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
  });
  return slot.file_id;
}
