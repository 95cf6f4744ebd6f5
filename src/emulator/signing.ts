/**
 * Slack's request signing, as the sender computes it: `X-Slack-Signature: v0=` + hex
 * HMAC-SHA256(signing secret, `v0:${timestamp}:${rawBody}`) with `X-Slack-Request-Timestamp`
 * in epoch seconds. Source: https://api.slack.com/authentication/verifying-requests-from-slack
 */
import { createHmac } from "node:crypto";

/** The signature header value ("v0=…") for a raw body sent at `timestampSec` (epoch seconds). */
export function signSlackRequest(
  signingSecret: string,
  timestampSec: number,
  rawBody: string,
): string {
  const digest = createHmac("sha256", signingSecret)
    .update(`v0:${timestampSec}:${rawBody}`)
    .digest("hex");
  return `v0=${digest}`;
}

/** Overrides for forging requests in tests: a wrong signature, a stale timestamp (epoch seconds). */
export interface ForgeOptions {
  signature?: string;
  timestamp?: number;
}

/**
 * The two signing headers for a body, honouring forged values.
 * @param nowSec the current time in epoch seconds (used unless `forge.timestamp`).
 */
export function signingHeaders(
  signingSecret: string,
  rawBody: string,
  nowSec: number,
  forge: ForgeOptions = {},
): Record<string, string> {
  const timestamp = forge.timestamp ?? nowSec;
  return {
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": forge.signature ?? signSlackRequest(signingSecret, timestamp, rawBody),
  };
}
