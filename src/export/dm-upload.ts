import type { WebClient } from "@slack/web-api";

/** The Web API methods a DM upload uses (a WebClient has them; tests point one at the emulator). */
export interface FilesClient {
  conversations: Pick<WebClient["conversations"], "open">;
  files: Pick<WebClient["files"], "getUploadURLExternal" | "completeUploadExternal">;
}

/** A file to send: its name ("pielikums-2009-2013.docx"), bytes, title and a message to go with it. */
export interface OutgoingFile {
  fileName: string;
  bytes: Buffer;
  title: string;
  comment?: string;
}

/**
 * Sends a file to a user's direct messages with the app, in Slack's three steps
 * (https://api.slack.com/messaging/files#uploading_files): `files.getUploadURLExternal` for an
 * upload URL, a POST of the raw bytes to it, then `files.completeUploadExternal` to share the
 * file in the DM opened with `conversations.open`. Returns where it went.
 * @throws Error when a step fails (a Web API error, or the upload URL not answering 200).
 */
export async function uploadToDm(
  client: FilesClient,
  userId: string,
  file: OutgoingFile,
): Promise<{ channelId: string; fileId: string }> {
  const opened = await client.conversations.open({ users: userId });
  const channelId = opened.channel?.id;
  if (!channelId) throw new Error("conversations.open returned no channel");
  const target = await client.files.getUploadURLExternal({
    filename: file.fileName,
    length: file.bytes.length,
  });
  if (!target.upload_url || !target.file_id) throw new Error("no upload URL");
  const posted = await fetch(target.upload_url, { method: "POST", body: file.bytes });
  if (!posted.ok) throw new Error(`upload failed: HTTP ${posted.status}`);
  await client.files.completeUploadExternal({
    files: [{ id: target.file_id, title: file.title }],
    channel_id: channelId,
    initial_comment: file.comment,
  });
  return { channelId, fileId: target.file_id };
}
