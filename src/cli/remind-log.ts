/**
 * The log of `remind --now`: the jobs it runs in-process log as JSON (for the server's log),
 * but the CLI is read by a person. What the operator can act on is collected and said once,
 * in words, after the table: a secretary Slack would not let the app tell of a failed reminder
 * ("secretary not reachable", src/reminders/notify.ts), once per secretary however many
 * reminders failed. Any other error line passes through as the logger wrote it.
 */
import { Writable } from "node:stream";
import type { Locale } from "../config.ts";
import { cliRemindText } from "../i18n/cli-remind.ts";
import { createLogger, type Logger } from "../logger.ts";

/** The message notify.ts logs for a secretary it could not send a direct message to. */
const SECRETARY_UNREACHABLE = "secretary not reachable";

/** `remind --now`'s logger and what it collected. */
export interface RemindLog {
  /** Logs at "error" (the table tells each institution's outcome; nothing less reaches here). */
  logger: Logger;
  /**
   * One line per secretary who could not be told, in the order first met, worded for `locale`
   * (user ID and Slack's error code only: the log holds nothing more, and no token or text).
   */
  notes(locale: Locale): string[];
}

/** Slack's error code in a Web API client's message ("An API error occurred: users_not_found"). */
function slackCode(err: unknown): string | null {
  if (typeof err !== "string") return null;
  return /An API error occurred: ([a-z_]+)/u.exec(err)?.[1] ?? null;
}

/**
 * A logger for `remind --now` whose "secretary not reachable" lines are kept for
 * {@link RemindLog.notes}; other lines are written to `passThrough` (stderr) as they come.
 */
export function remindLog(passThrough: NodeJS.WritableStream): RemindLog {
  const secretaries = new Map<string, string | null>();
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const line = chunk.toString();
      let record: { msg?: unknown; user?: unknown; err?: unknown } = {};
      try {
        record = JSON.parse(line) as typeof record;
      } catch {
        // Not pino's JSON: left as it is.
      }
      if (record.msg === SECRETARY_UNREACHABLE && typeof record.user === "string") {
        if (!secretaries.has(record.user)) secretaries.set(record.user, slackCode(record.err));
      } else passThrough.write(line);
      done();
    },
  });
  return {
    logger: createLogger("error", sink),
    notes: (locale) =>
      [...secretaries].map(([user, code]) =>
        cliRemindText(locale).secretaryUnreachable(user, code),
      ),
  };
}
