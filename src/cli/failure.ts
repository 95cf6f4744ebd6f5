/**
 * What the CLI prints when a command fails before or instead of its own output: an invalid
 * configuration, a refused start (PORT taken, DATA_DIR in use by another app). These are
 * messages for a person, so they are in the console's language (`--lang`, else DEFAULT_LOCALE;
 * see `consoleLocale`); the errors themselves keep their English `message` for logs and
 * callers that are not the CLI.
 */
import { MigrationError } from "../../db/client.ts";
import { ConfigError, type ConfigIssue, type Locale } from "../config.ts";
import { cliText } from "../i18n/cli.ts";
import { type ConfigText, configText } from "../i18n/cli-config.ts";
import { consoleText } from "../i18n/cli-console.ts";
import { PortInUseError } from "../port-in-use.ts";
import { PrivateRedisInUseError } from "../redis-server.ts";
import { CutoffNotFoundError } from "../reminders/send-now.ts";
import { CLI_BUSY_TIMEOUT_MS } from "./cli-store.ts";
import { NoLocalAppError } from "./slack-for.ts";

/**
 * The operator's message for a failed command: a {@link ConfigError} with every problem (the
 * variable, what is wrong, a valid example); a start refused because PORT is taken
 * ({@link PortInUseError}) or DATA_DIR's private Redis belongs to another process
 * ({@link PrivateRedisInUseError}); no local app to post through ({@link NoLocalAppError}); a
 * cut-off removed while `remind --now` ran ({@link CutoffNotFoundError}, worded as `replies`
 * words an unknown cut-off); the store held by another process past the CLI's busy timeout
 * (SQLITE_BUSY, also when it failed a migration); a failed migration ({@link MigrationError});
 * anything else by its own message.
 */
export function failureText(error: unknown, locale: Locale): string {
  if (error instanceof ConfigError && error.issues.length > 0) {
    return configErrorText(error.issues, locale);
  }
  if (error instanceof NoLocalAppError) return consoleText(locale).noLocalApp;
  if (storeBusy(error)) return cliText(locale).storeBusy(CLI_BUSY_TIMEOUT_MS / 1000);
  if (error instanceof MigrationError) {
    return cliText(locale).migrate.failed(error.migration, error.detail);
  }
  if (error instanceof CutoffNotFoundError) return cliText(locale).noCutoff(error.cutoffId);
  const t = consoleText(locale).refused;
  if (error instanceof PortInUseError) return t.portInUse(error.port);
  if (error instanceof PrivateRedisInUseError) {
    const { dir, owner, server } = error;
    const at = server ? ` (${server.url}, pid ${server.pid})` : "";
    return owner !== null
      ? t.redisOwned(owner, dir, at)
      : t.redisUnowned(dir, at, server?.url ?? "redis://127.0.0.1:PORT");
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether `error` (or the cause of a {@link MigrationError}) is SQLite's SQLITE_BUSY: the busy
 * timeout ran out while another connection held the write lock
 * (https://www.sqlite.org/rescode.html#busy).
 */
function storeBusy(error: unknown): boolean {
  const cause = error instanceof MigrationError ? error.cause : error;
  return (cause as { code?: unknown } | null)?.code === "SQLITE_BUSY";
}

/**
 * A configuration error as the operator reads it: a heading, one line per issue, where to fix
 * them. Example (en): `  - PORT: "abc" is not valid – must be a port number from 0 to 65535.
 * For example: PORT=3000`.
 */
export function configErrorText(issues: readonly ConfigIssue[], locale: Locale): string {
  const t = configText(locale);
  const lines = issues.map((issue) => `  - ${issueLine(issue, t)}`);
  return [t.heading, ...lines, t.footer].join("\n");
}

function issueLine(issue: ConfigIssue, t: ConfigText): string {
  const rule = t.rules[issue.variable];
  const example = t.example(`${issue.variable}=${rule.example}`);
  if (issue.kind === "required") {
    return `${t.required(issue.variable, issue.because, rule.must)} ${example}`;
  }
  const bad = issue.bad && issue.bad.length > 0 ? ` ${t.badItems(issue.bad)}` : "";
  return `${t.invalid(issue.variable, issue.got, rule.must)}${bad} ${example}`;
}
