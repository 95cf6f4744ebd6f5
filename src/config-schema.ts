/**
 * What the configuration's variables may hold: the zod schema `loadConfig` (config.ts)
 * validates the environment with, and the value lists it shares with the rest of the app.
 */
import { IANAZone } from "luxon";
import { z } from "zod";
import { MAX_DIGEST_LEAD_DAYS } from "./domain/digest-plan.ts";

/** The locales the app speaks; Latvian is the default (see the design card). */
export const LOCALES = ["lv", "en"] as const;
/**
 * How a Slack user locale counts when a person has not chosen a language on the App Home
 * (SLACK_LOCALE). Slack has no Latvian interface, so "en-US"/"en-GB" is what nearly every
 * Latvian user has without having chosen it:
 * - "ignore-english" (default): only "lv-*" counts (→ Latvian); "en-*" says nothing, so
 *   DEFAULT_LOCALE applies;
 * - "follow": "en-*" → English and "lv-*" → Latvian, for a workspace whose members set their
 *   Slack to English deliberately.
 */
export const SLACK_LOCALE_POLICIES = ["ignore-english", "follow"] as const;

/** A variable `loadConfig` reads (each one line of `.env.example`). */
export type ConfigVariable = keyof z.input<typeof envSchema>;

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/**
 * The environment's schema (zod): each variable optional, trimmed, "" as unset, and checked
 * with an English message (the ConfigError's; the CLI says it in the operator's language).
 * Cross-variable rules (credentials in pairs) and REMINDER_* are checked in `loadConfig`.
 */
export const envSchema = z.object({
  SLACK_BOT_TOKEN: optional.pipe(
    z.string().startsWith("xoxb-", "must be a bot token starting with xoxb-").optional(),
  ),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.pipe(
    z.string().startsWith("xapp-", "must be an app-level token starting with xapp-").optional(),
  ),
  SLACK_API_URL: optional.pipe(z.url("must be a URL such as https://slack.com/api/").optional()),
  PORT: optional.pipe(
    z
      .string()
      .regex(/^\d+$/, "must be a port number")
      .transform(Number)
      .pipe(z.number().int().max(65535, "must be a port number up to 65535"))
      .optional(),
  ),
  // A `file:` URL is read as a file path (db/client.ts sqlitePath); SQLite's URI parameters
  // and a host would be ignored silently, so they are refused here.
  DATABASE_URL: optional.pipe(
    z
      .string()
      .refine(
        (url) =>
          !/^file:(.*[?#]|\/\/(?!\/|localhost\/)|.*%(?![0-9A-Fa-f]{2}))/.test(url) &&
          // Another scheme (mysql://, redis://, http://) would become a folder of that name.
          !/^(?!(postgres|postgresql|sqlite|file):)[a-z][a-z0-9+.-]+:/i.test(url),
        "must be a SQLite file path (a file: URL without ?parameters or host) or a postgres:// URL",
      )
      .optional(),
  ),
  REDIS_URL: optional.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .optional(),
  ),
  APP_TIMEZONE: optional.pipe(
    z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), "must be an IANA time zone such as Europe/Riga")
      .optional(),
  ),
  DEFAULT_LOCALE: optional.pipe(z.enum(LOCALES, "must be lv or en").optional()),
  SLACK_LOCALE: optional.pipe(
    z.enum(SLACK_LOCALE_POLICIES, "must be ignore-english or follow").optional(),
  ),
  LOG_LEVEL: optional.pipe(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  ),
  DATA_DIR: optional,
  SECRETARY_USER_IDS: optional.pipe(
    z
      .string()
      .regex(
        /^[UW][A-Z0-9]+(\s*,\s*[UW][A-Z0-9]+)*$/,
        "must be Slack user IDs separated by commas (U012ABC,U034DEF)",
      )
      .optional(),
  ),
  REMINDER_OFFSETS: optional,
  REMINDER_TIME: optional,
  COLLECT_EVERY: optional.pipe(
    z
      .string()
      .regex(
        /^(\d+|PT(\d+H)?(\d+M)?(\d+S)?)$/,
        "must be minutes (15) or an ISO-8601 duration (PT15M)",
      )
      .optional(),
  ),
  QUEUE_PREFIX: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, "must be letters, digits, - or _")
      .optional(),
  ),
  JOB_LOCK_MS: optional.pipe(
    z
      .string()
      .regex(/^\d+$/, "must be milliseconds")
      .transform(Number)
      .pipe(z.number().min(500, "must be at least 500"))
      .optional(),
  ),
  DIGEST_LEAD_DAYS: optional.pipe(
    z
      .string()
      .regex(/^\d+$/, "must be a whole number of business days")
      .transform(Number)
      .pipe(z.number().max(MAX_DIGEST_LEAD_DAYS, `must be at most ${MAX_DIGEST_LEAD_DAYS}`))
      .optional(),
  ),
  WORKGROUP_CHANNEL_ID: optional.pipe(
    z
      .string()
      .regex(/^[CG][A-Z0-9]+$/, "must be a Slack channel ID (C0123ABC)")
      .optional(),
  ),
});
