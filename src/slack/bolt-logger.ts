import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../logger.ts";

/**
 * Bolt's logger interface over the app's pino logger, so Bolt's lines are JSON like ours. A
 * request whose signature Bolt refused (answered 401) is logged in our words, see
 * {@link rejectedRequest}; every other line passes as Bolt wrote it.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "bolt" });
  // Bolt logs at debug on every request (ack, conversation): join the parts only when shown.
  const debug = child.isLevelEnabled("debug");
  return {
    debug: (...msg) => {
      if (debug) child.debug(msg.map(String).join(" "));
    },
    info: (...msg) => child.info(msg.map(String).join(" ")),
    warn: (...msg) => {
      const text = msg.map(String).join(" ");
      const reason = rejectedRequest(text);
      if (reason) child.warn({ reason }, REJECTED_MSG);
      else child.warn(text);
    },
    error: (...msg) => child.error(msg.map(String).join(" ")),
    setLevel: () => {},
    getLevel: () => (child.isLevelEnabled("debug") ? LogLevel.DEBUG : LogLevel.INFO),
    setName: () => {},
  };
}

/** The log line of a request refused for its signature (one warn line, no headers, no body). */
export const REJECTED_MSG = "Slack request rejected: bad signature";

/**
 * Why a request was refused, when `text` is Bolt 5's warn line for a request that failed
 * verification (HTTPReceiver: "Failed to parse and verify the request data: Failed to verify
 * authenticity: …", from receivers/verify-request.js); null for any other line (a body that could
 * not be read is no signature problem). A fixed code,
 * never Bolt's text, so nothing of the request (a header's value, the body) reaches the log:
 * "signature_mismatch", "stale_timestamp" (signed more than 5 minutes ago), "missing_header"
 * (no x-slack-signature or x-slack-request-timestamp), "unknown_version" (not "v0="), else
 * "unverified". Source: https://api.slack.com/authentication/verifying-requests-from-slack
 */
export function rejectedRequest(text: string): string | null {
  const prefix = "Failed to parse and verify the request data: Failed to verify authenticity";
  // Other failures under the first part (a body too large, a dropped connection) pass as Bolt says.
  if (!text.startsWith(prefix)) return null;
  if (text.includes("signature mismatch")) return "signature_mismatch";
  if (text.includes("request is stale")) return "stale_timestamp";
  if (text.includes("did not have the expected type")) return "missing_header";
  if (text.includes("unknown signature version")) return "unknown_version";
  return "unverified";
}
