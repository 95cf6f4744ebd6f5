/**
 * Message links in the local Slack. The app links to a message as Slack documents it,
 * `https://slack.com/archives/<channel>/p<ts without the dot>`, which Slack resolves to the
 * message in the reader's own workspace. In local mode the reader's workspace is this emulator:
 * `GET /archives/<channel>/p<ts>` shows the message (with its thread) as text, the same address
 * form chat.getPermalink gives here, and {@link localLinks} points the links `npm run slack`
 * prints there instead of at slack.com, where a local channel does not exist.
 */
import type { ServerResponse } from "node:http";
import { replyToText } from "../slack/blocks-to-text.ts";
import { sendText } from "./http.ts";
import type { StoredMessage } from "./types.ts";
import type { Workspace } from "./workspace.ts";

/** `/archives/C0LOCAL01/p1764459180000100`: a channel id and a ts of 10 + 6 digits. */
const ARCHIVE_PATH = /^\/archives\/([A-Z0-9]+)\/p(\d{10})(\d{6})$/u;

/** Slack's message links: slack.com's, or a workspace's own (`https://team.slack.com/archives/`). */
const SLACK_ARCHIVE_URL = /https:\/\/(?:[a-z0-9-]+\.)?slack\.com\/archives\//gu;

/** Whether `path` is a message link's path (see the module comment). */
export function isArchivePath(path: string): boolean {
  return ARCHIVE_PATH.test(path);
}

/**
 * Answers `GET /archives/<channel>/p<ts>` with the message as text: a thread's root and its
 * replies when the message is in a thread, the linked one marked "▶". 404 (text) when the
 * channel or the message is not there.
 */
export function handleArchive(res: ServerResponse, ws: Workspace, path: string): void {
  const [, channelId = "", seconds = "", micros = ""] = ARCHIVE_PATH.exec(path) ?? [];
  const ts = `${seconds}.${micros}`;
  const message = ws.findMessage(channelId, ts);
  if (!message) {
    sendText(res, 404, `No message ${ts} in ${channelId}.\n`);
    return;
  }
  const rootTs = message.thread_ts ?? message.ts;
  const thread = ws.messagesIn(channelId).filter((m) => m.ts === rootTs || m.thread_ts === rootTs);
  const name = ws.channels.get(channelId)?.name;
  const heading = `#${name ?? channelId} (${channelId})`;
  const shown = thread.map((m) => messageBlock(m, m.ts === ts, m.ts !== rootTs));
  sendText(res, 200, `${[heading, ...shown].join("\n")}\n`);
}

function messageBlock(m: StoredMessage, linked: boolean, reply: boolean): string {
  const who = m.bot_id ? "[app]" : `<@${m.user}>`;
  const head = `${linked ? "▶" : reply ? "  ↳" : "──"} ${m.ts} ${who}`;
  const body = replyToText(m);
  return reply ? `${head}\n${body.replace(/^/gmu, "    ")}` : `${head}\n${body}`;
}

/**
 * `text` with Slack's message links (`https://slack.com/archives/…`, also a workspace's own
 * domain) pointed at the local Slack at `emulatorUrl` ("http://127.0.0.1:3412"), as Slack points
 * them at the reader's workspace. Other links are left as they are.
 */
export function localLinks(text: string, emulatorUrl: string): string {
  return text.replace(SLACK_ARCHIVE_URL, `${emulatorUrl.replace(/\/$/u, "")}/archives/`);
}
