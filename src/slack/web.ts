import type { KnownBlock } from "@slack/types";
import { type ChatPostMessageResponse, ErrorCode, LogLevel, WebClient } from "@slack/web-api";
import type { Logger } from "../logger.ts";
import { boltLogger } from "./bolt-logger.ts";

/** The Slack Web API client the jobs use (a real WebClient; tests point it at the emulator). */
export type SlackWeb = WebClient;

/** How long a job's Web API call waits for Slack's answer, in ms. */
const JOB_TIMEOUT_MS = 15_000;

/**
 * A WebClient for background jobs: Slack's 429s are not waited out inside the client
 * (`rejectRateLimitedCalls`) and failed calls are not retried by it, so the job queue decides
 * when to try again (it honours `Retry-After`, see {@link rateLimitedFor}). Its own lines go
 * to `logger` (JSON, like the app's); without one (the CLI, whose console is the operator's)
 * it prints only errors: a failed call is thrown and worded by the caller. A call that gets
 * no answer in `timeoutMs` (15 s unless given; the CLI's name look-ups take less) fails.
 */
export function createJobWebClient(
  token: string,
  slackApiUrl: string,
  logger?: Logger,
  timeoutMs = JOB_TIMEOUT_MS,
): SlackWeb {
  return new WebClient(token, {
    slackApiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: timeoutMs,
    ...(logger ? { logger: boltLogger(logger) } : { logLevel: LogLevel.ERROR }),
  });
}

/** What {@link postBlocks} posts: chat.postMessage's arguments the app uses. */
export interface BlocksMessage {
  channel: string;
  thread_ts?: string;
  text: string;
  blocks: KnownBlock[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/**
 * chat.postMessage with the blocks sent as the JSON text Slack takes in a form-encoded call:
 * the same bytes WebClient sends for an array, serialised once. Given the array, WebClient
 * 8.2 walks it twice more: a redacted copy for a debug line it formats on every call whatever
 * the log level (no option turns that off), and its own serialisation (~0.3 ms for a
 * 30-task reminder; https://docs.slack.dev/reference/methods/chat.postMessage, `blocks`).
 * @throws what `chat.postMessage` throws (platform errors, 429 as a rate-limited error).
 */
export async function postBlocks(
  slack: SlackWeb,
  message: BlocksMessage,
): Promise<ChatPostMessageResponse> {
  const { blocks, ...rest } = message;
  return slack.apiCall("chat.postMessage", { ...rest, blocks: JSON.stringify(blocks) });
}

/** When `error` is Slack's 429, the wait it asked for in ms (`Retry-After`); else null. */
export function rateLimitedFor(error: unknown): number | null {
  if (isCoded(error) && error.code === ErrorCode.RateLimitedError) {
    const seconds = Number((error as { retryAfter?: number }).retryAfter ?? 1);
    return Math.max(1, seconds) * 1000;
  }
  return null;
}

/** Slack's error string ("channel_not_found", …) when `error` is a Web API platform error; else null. */
export function platformError(error: unknown): string | null {
  if (isCoded(error) && error.code === ErrorCode.PlatformError) {
    return String((error as { data?: { error?: string } }).data?.error ?? "unknown_error");
  }
  return null;
}

/**
 * Errors that no retry will fix: the channel is gone, the bot is not in it, the token is
 * wrong. The app reports these to the secretary instead of retrying.
 */
export const PERMANENT_POST_ERRORS = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "restricted_action",
  "invalid_blocks",
  "msg_too_long",
]);

function isCoded(error: unknown): error is { code: string } {
  return typeof error === "object" && error !== null && "code" in error;
}
