import dotenv from "dotenv";
import { type ConfigVariable, envSchema, LOCALES, SLACK_LOCALE_POLICIES } from "./config-schema.ts";
import type { LocalTime } from "./domain/dates.ts";
import { DEFAULT_DIGEST_LEAD_DAYS } from "./domain/digest-plan.ts";
import {
  DEFAULT_REMINDER_OFFSETS,
  DEFAULT_REMINDER_TIME,
  type Offset,
  parseOffsets,
  parseReminderTime,
} from "./domain/reminder-plan.ts";

export { type ConfigVariable, LOCALES, SLACK_LOCALE_POLICIES };

/**
 * The local mode's one person at the keyboard (a user of the built-in emulator). With no
 * Slack credentials and no SECRETARY_USER_IDS, they are the secretary, so every command can
 * be tried — in the app and in the CLI alike.
 */
export const LOCAL_USER_ID = "U0LOCAL01";
/**
 * The local mode's channel (#darba-grupa in the built-in emulator). With no Slack credentials
 * it is the working group's channel (digests) unless WORKGROUP_CHANNEL_ID names another, in
 * the app and in the CLI alike (`digest --post`).
 */
export const LOCAL_CHANNEL_ID = "C0LOCAL01";

/** A supported locale. */
export type Locale = (typeof LOCALES)[number];

/** One of {@link SLACK_LOCALE_POLICIES}. */
export type SlackLocalePolicy = (typeof SLACK_LOCALE_POLICIES)[number];

/**
 * Validated, frozen configuration. Read once from the environment by {@link loadConfig};
 * tests build a literal with {@link testConfig}.
 * - `slack.mode`: "http" (signed requests on `POST /slack/events`), "socket" (Socket Mode,
 *   when `SLACK_APP_TOKEN` is set) or "local" (no credentials: the built-in emulator).
 * - `databaseUrl`: a SQLite file path (default `./data/koordinators.db`), or a PostgreSQL URL
 *   (`postgres://user@host:5432/name`) when several processes share the store.
 * - `redisUrl`: `null` when unset: the app starts a private `redis-server` under `./data`.
 */
export interface Config {
  slack: {
    mode: "http" | "socket" | "local";
    botToken: string | null;
    signingSecret: string | null;
    appToken: string | null;
    /** Web API base URL with a trailing slash, e.g. "https://slack.com/api/". */
    apiUrl: string;
  };
  port: number;
  databaseUrl: string;
  redisUrl: string | null;
  timezone: string;
  defaultLocale: Locale;
  /** Whether an "en-*" Slack locale means English (SLACK_LOCALE; default "ignore-english"). */
  slackLocale: SlackLocalePolicy;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Directory for run-time state (SQLite file, embedded Redis, local-mode file). */
  dataDir: string;
  /** Slack user IDs that are always secretaries (SECRETARY_USER_IDS). */
  secretaryUserIds: readonly string[];
  /** Reminder offsets before a cut-off (REMINDER_OFFSETS; default 14, 7 and 1 days). */
  reminderOffsets: readonly Offset[];
  /** Local time reminders go out (REMINDER_TIME; default 09:00 in APP_TIMEZONE). */
  reminderTime: LocalTime;
  /** How often open reminder threads are re-read, in ms (COLLECT_EVERY; default 15 minutes). */
  collectEveryMs: number;
  /**
   * The working group's channel for digests (WORKGROUP_CHANNEL_ID); in local mode
   * {@link LOCAL_CHANNEL_ID} when unset, else null.
   */
  workgroupChannelId: string | null;
  /** BullMQ key prefix (QUEUE_PREFIX; default "koordinators"): one per deployment sharing a Redis. */
  queuePrefix: string;
  /**
   * How long a job stays claimed by a worker that stopped answering before another worker
   * takes it, in ms (JOB_LOCK_MS; default 30 000, BullMQ's).
   */
  jobLockMs: number;
  /**
   * Business days before a session the secretary gets the draft digest, at REMINDER_TIME
   * (DIGEST_LEAD_DAYS; default 2).
   */
  digestLeadDays: number;
}

/**
 * One problem {@link loadConfig} found, as data for the operator's message (its wording and an
 * example of a valid value are the CLI's, in the console's language):
 * - `invalid`: the variable is set to a value that is not valid; `got` is that value, or null
 *   for a secret (a token, a URL that may carry a password), which is never echoed;
 *   `bad` lists the offending items of a list (REMINDER_OFFSETS), when it is one;
 * - `required`: the variable is unset, but `because` (another variable that is set) needs it.
 */
export type ConfigIssue =
  | { kind: "invalid"; variable: ConfigVariable; got: string | null; bad?: string[] }
  | { kind: "required"; variable: ConfigVariable; because: ConfigVariable };

/**
 * Thrown by {@link loadConfig}; names every missing or invalid variable at once: `problems` in
 * English (the message; logs and tests), `issues` as data for a message in the operator's language.
 */
export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    readonly issues: readonly ConfigIssue[] = [],
  ) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Builds the configuration from an environment map (normally `process.env` after `.env` is
 * loaded by the CLI). Credentials decide the Slack mode: none → local emulator; bot token and
 * signing secret → HTTP; plus `SLACK_APP_TOKEN` → Socket Mode.
 * @throws ConfigError naming every missing or invalid variable.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  const issues: ConfigIssue[] = [];
  const invalid = (variable: ConfigVariable, english: string, bad?: string[]) => {
    if (issues.some((i) => i.variable === variable)) return;
    const got = isSecret(variable) ? null : (env[variable] ?? "");
    problems.push(
      got === null ? `${variable}: ${english}` : `${variable}: ${english} (got "${got}")`,
    );
    issues.push({ kind: "invalid", variable, got, ...(bad ? { bad } : {}) });
  };
  const required = (variable: ConfigVariable, because: ConfigVariable) => {
    problems.push(`${variable}: required when ${because} is set`);
    issues.push({ kind: "required", variable, because });
  };
  if (!parsed.success)
    for (const i of parsed.error.issues) invalid(i.path[0] as ConfigVariable, i.message);
  // Checked on the raw text too, so one run names every problem, not only the schema's.
  const raw = (name: string) => (env[name]?.trim() ? env[name]?.trim() : undefined);
  const hasToken = raw("SLACK_BOT_TOKEN") !== undefined;
  const hasSecret = raw("SLACK_SIGNING_SECRET") !== undefined;
  if (hasToken && !hasSecret) required("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN");
  if (hasSecret && !hasToken) required("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET");
  if (raw("SLACK_APP_TOKEN") && !hasToken) required("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN");
  const offsetsText = raw("REMINDER_OFFSETS") ?? DEFAULT_REMINDER_OFFSETS;
  const offsets = parseOffsets(offsetsText);
  if (!offsets.ok) invalid("REMINDER_OFFSETS", offsets.error, badOffsets(offsetsText));
  const time = parseReminderTime(raw("REMINDER_TIME") ?? DEFAULT_REMINDER_TIME);
  if (!time.ok) invalid("REMINDER_TIME", time.error);
  const collectEveryMs = durationMs(raw("COLLECT_EVERY") ?? "15");
  if (collectEveryMs < 1000) invalid("COLLECT_EVERY", "must be at least one second");
  if (issues.length > 0 || !parsed.success || !offsets.ok || !time.ok) {
    throw new ConfigError(problems, issues);
  }
  const e = parsed.data;

  const dataDir = e.DATA_DIR ?? "./data";
  const apiUrl = e.SLACK_API_URL ?? "https://slack.com/api/";
  return deepFreeze({
    slack: {
      mode: !hasToken ? "local" : e.SLACK_APP_TOKEN ? "socket" : "http",
      botToken: e.SLACK_BOT_TOKEN ?? null,
      signingSecret: e.SLACK_SIGNING_SECRET ?? null,
      appToken: e.SLACK_APP_TOKEN ?? null,
      apiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`,
    },
    port: e.PORT ?? 3000,
    databaseUrl: e.DATABASE_URL ?? `${dataDir}/koordinators.db`,
    redisUrl: e.REDIS_URL ?? null,
    timezone: e.APP_TIMEZONE ?? "Europe/Riga",
    defaultLocale: e.DEFAULT_LOCALE ?? "lv",
    slackLocale: e.SLACK_LOCALE ?? "ignore-english",
    logLevel: e.LOG_LEVEL ?? "info",
    dataDir,
    secretaryUserIds: secretaries(e.SECRETARY_USER_IDS, !hasToken),
    reminderOffsets: offsets.offsets,
    reminderTime: time.time,
    collectEveryMs,
    workgroupChannelId: e.WORKGROUP_CHANNEL_ID ?? (hasToken ? null : LOCAL_CHANNEL_ID),
    queuePrefix: e.QUEUE_PREFIX ?? "koordinators",
    jobLockMs: e.JOB_LOCK_MS ?? 30_000,
    digestLeadDays: e.DIGEST_LEAD_DAYS ?? DEFAULT_DIGEST_LEAD_DAYS,
  } satisfies Config);
}

/**
 * Loads the env file into `process.env` (never overriding what is set): `.env` in the working
 * directory, or the file `DOTENV_CONFIG_PATH` names (dotenv's own variable; the tests point it
 * at no file, so a developer's `.env` cannot change what they test). A missing file is no error.
 */
function readEnvFile(): void {
  dotenv.config({ quiet: true, path: process.env.DOTENV_CONFIG_PATH || ".env" });
}

/**
 * The process configuration: `.env` (if present; it never overrides real environment
 * variables) plus `process.env`. The only reader of `process.env` in the app.
 * @throws ConfigError naming every missing or invalid variable.
 */
export function configFromEnvironment(): Config {
  readEnvFile();
  return loadConfig(process.env);
}

/**
 * DATA_DIR as {@link configFromEnvironment} reads it (`.env`, then the environment; default
 * "./data"), without validating the rest: for `npm run slack`, which needs only to find the
 * local app's handshake file there.
 */
export function dataDirFromEnvironment(): string {
  readEnvFile();
  return process.env.DATA_DIR || "./data";
}

/**
 * DEFAULT_LOCALE as {@link configFromEnvironment} reads it (`.env`, then the environment),
 * without validating the rest: the language of what the CLI prints before, or instead of, a
 * valid configuration (a configuration error, a usage error). "lv" when unset or not a locale.
 */
export function defaultLocaleFromEnvironment(): Locale {
  readEnvFile();
  const locale = process.env.DEFAULT_LOCALE?.trim();
  return LOCALES.find((l) => l === locale) ?? "lv";
}

/**
 * The Slack part of a configuration whose jobs talk to a Slack emulator (tests, benchmarks):
 * HTTP mode, the emulator's bot token and Web API URL (`…/api/`), a placeholder secret.
 */
export function emulatorSlack(botToken: string, apiUrl: string): Config["slack"] {
  return { mode: "http", botToken, signingSecret: "s", appToken: null, apiUrl };
}

/** A valid configuration for tests; override what a test needs. Never reads the environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    slack: {
      mode: "http",
      botToken: "xoxb-test",
      signingSecret: "test-signing-secret",
      appToken: null,
      apiUrl: "http://127.0.0.1:1/api/",
    },
    port: 0,
    databaseUrl: ":memory:",
    redisUrl: null,
    timezone: "Europe/Riga",
    defaultLocale: "lv",
    slackLocale: "ignore-english",
    logLevel: "silent",
    dataDir: "./data",
    secretaryUserIds: ["U0SECRETARY"],
    reminderOffsets: defaultOffsets(),
    reminderTime: { hour: 9, minute: 0 },
    collectEveryMs: 15 * 60_000,
    workgroupChannelId: null,
    queuePrefix: "koordinators",
    jobLockMs: 30_000,
    digestLeadDays: DEFAULT_DIGEST_LEAD_DAYS,
    ...overrides,
  };
}

function secretaries(list: string | undefined, local: boolean): string[] {
  const ids = (list ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  return ids.length === 0 && local ? [LOCAL_USER_ID] : ids;
}

function defaultOffsets(): Offset[] {
  const parsed = parseOffsets(DEFAULT_REMINDER_OFFSETS);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.offsets;
}

/** "15" (minutes) or an ISO-8601 time duration ("PT15M", "PT30S") in ms. */
function durationMs(text: string): number {
  if (/^\d+$/.test(text)) return Number(text) * 60_000;
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(text);
  return m ? ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000 : 0;
}

/** Secrets are never echoed back, not even in an error message. */
function isSecret(name: string): boolean {
  return (
    (name.startsWith("SLACK_") && name !== "SLACK_LOCALE") ||
    name === "DATABASE_URL" ||
    name === "REDIS_URL"
  );
}

/** The items of a REMINDER_OFFSETS list that are not offsets ("14,xyz,0" → ["xyz", "0"]). */
function badOffsets(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => !parseOffsets(item).ok);
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v && typeof v === "object") deepFreeze(v);
  return Object.freeze(value);
}
