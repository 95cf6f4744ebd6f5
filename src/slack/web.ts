import { ErrorCode, WebClient } from "@slack/web-api";

/** The Slack Web API client the jobs use (a real WebClient; tests point it at the emulator). */
export type SlackWeb = WebClient;

/**
 * A WebClient for background jobs: Slack's 429s are not waited out inside the client
 * (`rejectRateLimitedCalls`) and failed calls are not retried by it, so the job queue decides
 * when to try again (it honours `Retry-After`, see {@link rateLimitedFor}).
 */
export function createJobWebClient(token: string, slackApiUrl: string): SlackWeb {
  return new WebClient(token, {
    slackApiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 15_000,
  });
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
