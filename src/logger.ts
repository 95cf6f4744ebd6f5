import { type Logger, pino } from "pino";

/** Structured JSON logger. Tokens, secrets and message texts are redacted wherever they appear. */
export type { Logger };

/**
 * Creates the process logger. `level` "silent" disables output (tests).
 * Redaction: Slack tokens, signing secrets, message text and user-typed text are personal data
 * or secrets and never reach the log.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          "token",
          "*.token",
          "botToken",
          "*.botToken",
          "signingSecret",
          "*.signingSecret",
          "appToken",
          "*.appToken",
          "text",
          "*.text",
          "headers.authorization",
        ],
        censor: "[redacted]",
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}
