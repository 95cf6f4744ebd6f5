import type { ConfigVariable } from "../config.ts";
import { MAX_DIGEST_LEAD_DAYS } from "../domain/digest-plan.ts";
import { MAX_OFFSET_DAYS } from "../domain/reminder-plan.ts";
import { defineCatalog } from "./define.ts";

/** What a variable must be, and a valid value to copy (shown as `NAME=value`). */
type Rule = { must: string; example: string };

/**
 * What the CLI prints for an invalid configuration (a ConfigError from `loadConfig`): a heading,
 * then one line per problem naming the variable, what is wrong and a valid example, then where
 * to fix it. Latvian by default (DEFAULT_LOCALE, or Latvian when that itself is invalid), English
 * with `--lang en`. Values are passed in as read; secrets are never passed.
 */
const lv = {
  heading: "Konfigurācija nav derīga (vides mainīgie vai .env fails):",
  invalid: (name: string, got: string | null, must: string) =>
    got === null
      ? `${name}: vērtība nav derīga – ${must}.`
      : `${name}: „${got}” nav derīga vērtība – ${must}.`,
  badItems: (items: string[]) => `Nederīgi: ${items.map((i) => `„${i}”`).join(", ")}.`,
  required: (name: string, because: string, must: string) =>
    `${name}: nav iestatīts, bet ir vajadzīgs, jo iestatīts ${because} – ${must}.`,
  example: (assignment: string) => `Piemēram: ${assignment}`,
  footer:
    "Izlabojiet tos .env failā vai vidē un palaidiet vēlreiz (katrs mainīgais ir aprakstīts .env.example).",
  rules: {
    SLACK_BOT_TOKEN: {
      must: "jābūt bota marķierim (Bot User OAuth Token), kas sākas ar xoxb-",
      example: "xoxb-…",
    },
    SLACK_SIGNING_SECRET: {
      must: "jābūt Slack lietotnes parakstīšanas noslēpumam (Basic Information → Signing Secret)",
      example: "0123456789abcdef0123456789abcdef",
    },
    SLACK_APP_TOKEN: {
      must: "jābūt lietotnes līmeņa marķierim, kas sākas ar xapp-",
      example: "xapp-…",
    },
    SLACK_API_URL: { must: "jābūt URL", example: "https://slack.com/api/" },
    PORT: { must: "jābūt porta numuram no 0 līdz 65535", example: "3000" },
    DATABASE_URL: {
      must: "jābūt SQLite faila ceļam (arī file: URL, bez ?parametriem un resursdatora) vai postgres:// URL",
      example: "./data/koordinators.db",
    },
    REDIS_URL: { must: "jābūt redis:// vai rediss:// URL", example: "redis://127.0.0.1:6379" },
    APP_TIMEZONE: { must: "jābūt IANA laika joslai", example: "Europe/Riga" },
    DEFAULT_LOCALE: { must: "jābūt lv vai en", example: "lv" },
    SLACK_LOCALE: { must: "jābūt ignore-english vai follow", example: "ignore-english" },
    LOG_LEVEL: {
      must: "jābūt vienam no fatal, error, warn, info, debug, trace, silent",
      example: "info",
    },
    DATA_DIR: { must: "jābūt mapei", example: "./data" },
    SECRETARY_USER_IDS: {
      must: "jābūt Slack lietotāju ID, atdalītiem ar komatiem",
      example: "U012ABC,U034DEF",
    },
    REMINDER_OFFSETS: {
      must: `jābūt dienu skaitiem (14) vai ISO-8601 ilgumiem (P14D, P1W, PT2H, PT30S), atdalītiem ar komatiem; katram lielākam par nulli un ne garākam par ${MAX_OFFSET_DAYS} dienām, bez mēnešiem un gadiem`,
      example: "14,7,1",
    },
    REMINDER_TIME: { must: "jābūt laikam formātā HH:MM (24 stundas)", example: "09:00" },
    COLLECT_EVERY: {
      must: "jābūt minūtēm (15) vai ISO-8601 ilgumam (PT15M), vismaz vienai sekundei",
      example: "15",
    },
    QUEUE_PREFIX: {
      must: "jābūt 1–40 burtiem, cipariem, - vai _",
      example: "koordinators",
    },
    JOB_LOCK_MS: { must: "jābūt milisekundēm, vismaz 500", example: "30000" },
    DIGEST_LEAD_DAYS: {
      must: `jābūt darbdienu skaitam no 0 līdz ${MAX_DIGEST_LEAD_DAYS}`,
      example: "2",
    },
    WORKGROUP_CHANNEL_ID: { must: "jābūt Slack kanāla ID", example: "C0123ABC" },
  } satisfies Record<ConfigVariable, Rule>,
};

const en: typeof lv = {
  heading: "The configuration is not valid (environment variables or the .env file):",
  invalid: (name, got, must) =>
    got === null
      ? `${name}: the value is not valid – ${must}.`
      : `${name}: "${got}" is not valid – ${must}.`,
  badItems: (items) => `Not valid: ${items.map((i) => `"${i}"`).join(", ")}.`,
  required: (name, because, must) =>
    `${name}: not set, but needed because ${because} is set – ${must}.`,
  example: (assignment) => `For example: ${assignment}`,
  footer:
    "Correct them in the .env file or the environment and start again (.env.example describes each variable).",
  rules: {
    SLACK_BOT_TOKEN: {
      must: "must be a bot token (Bot User OAuth Token) starting with xoxb-",
      example: "xoxb-…",
    },
    SLACK_SIGNING_SECRET: {
      must: "must be the Slack app's signing secret (Basic Information → Signing Secret)",
      example: "0123456789abcdef0123456789abcdef",
    },
    SLACK_APP_TOKEN: { must: "must be an app-level token starting with xapp-", example: "xapp-…" },
    SLACK_API_URL: { must: "must be a URL", example: "https://slack.com/api/" },
    PORT: { must: "must be a port number from 0 to 65535", example: "3000" },
    DATABASE_URL: {
      must: "must be a SQLite file path (a file: URL too, without ?parameters or host) or a postgres:// URL",
      example: "./data/koordinators.db",
    },
    REDIS_URL: { must: "must be a redis:// or rediss:// URL", example: "redis://127.0.0.1:6379" },
    APP_TIMEZONE: { must: "must be an IANA time zone", example: "Europe/Riga" },
    DEFAULT_LOCALE: { must: "must be lv or en", example: "lv" },
    SLACK_LOCALE: { must: "must be ignore-english or follow", example: "ignore-english" },
    LOG_LEVEL: {
      must: "must be one of fatal, error, warn, info, debug, trace, silent",
      example: "info",
    },
    DATA_DIR: { must: "must be a folder", example: "./data" },
    SECRETARY_USER_IDS: {
      must: "must be Slack user IDs separated by commas",
      example: "U012ABC,U034DEF",
    },
    REMINDER_OFFSETS: {
      must: `must be numbers of days (14) or ISO-8601 durations (P14D, P1W, PT2H, PT30S) separated by commas; each longer than zero and at most ${MAX_OFFSET_DAYS} days, without months or years`,
      example: "14,7,1",
    },
    REMINDER_TIME: { must: "must be a time as HH:MM (24-hour)", example: "09:00" },
    COLLECT_EVERY: {
      must: "must be minutes (15) or an ISO-8601 duration (PT15M), at least one second",
      example: "15",
    },
    QUEUE_PREFIX: { must: "must be 1–40 letters, digits, - or _", example: "koordinators" },
    JOB_LOCK_MS: { must: "must be milliseconds, at least 500", example: "30000" },
    DIGEST_LEAD_DAYS: {
      must: `must be a number of business days from 0 to ${MAX_DIGEST_LEAD_DAYS}`,
      example: "2",
    },
    WORKGROUP_CHANNEL_ID: { must: "must be a Slack channel ID", example: "C0123ABC" },
  },
};

/** The catalogue's shape. */
export type ConfigText = typeof lv;

/** Configuration-error texts in `locale`. */
export const configText = defineCatalog<typeof lv>({ lv, en });
